using Foundations;
using Katas.TrainingLoop;
using NUnit.Framework;

namespace KataTests.K12_TrainingLoop;

[Category("K12")]
public class SgdTests
{
    [TestCase(0f)]
    [TestCase(-1f)]
    [TestCase(float.NaN)]
    [TestCase(float.PositiveInfinity)]
    public void ALearningRateThatIsNotPositiveAndFinite_Throws(float learningRate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd([Tensor.Zeros(2)], learningRate),
            $"a learning rate of {learningRate}: a step must move against the gradient by a finite amount");
    }
}
