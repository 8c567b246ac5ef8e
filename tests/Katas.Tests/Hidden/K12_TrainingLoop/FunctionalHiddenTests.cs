using Foundations;
using Katas.TrainingLoop;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.Hidden.K12_TrainingLoop;

/// <summary>Hidden (graded from the reference, not in the learner's release).</summary>
[Category("K12")]
[Category("Hidden")]
public class FunctionalHiddenTests
{
    [Test]
    public void LogSoftmax_IgnoresAConstantAddedToARow()
    {
        Tensor logits = TensorGen.Randn(1201, 4, 6);
        Tensor shifts = Tensor.FromArray([5f, -3f, 40f, 0.25f], [4, 1]);
        TensorAssert.Near(Functional.LogSoftmax(logits + shifts), Functional.LogSoftmax(logits),
            "softmax depends on differences between a row's logits: adding c to a row changes nothing");
    }
}
