using Foundations;
using Katas.Autograd;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.Hidden.K11_Autograd;

/// <summary>Hidden (graded from the reference, not in the learner's release).</summary>
[Category("K11")]
[Category("Hidden")]
public class EngineHiddenTests
{
    [Test]
    public void BackwardIsLinear_InTheGradientItStartsFrom()
    {
        Tensor x = TensorGen.Randn(1101, 3, 4), w = TensorGen.Randn(1102, 2, 4), b = TensorGen.Randn(1103, 2), g = TensorGen.Randn(1104, 3, 2);
        Tensor LeafGradient(float scale)
        {
            var weight = new Variable(w.Clone(), requiresGrad: true);
            var output = new LinearFunction().Apply(new Variable(x), weight, new Variable(b.Clone(), requiresGrad: true));
            output.Backward(g * scale);
            return weight.Grad!;
        }
        TensorAssert.Near(LeafGradient(3f), LeafGradient(1f) * 3f,
            "the chain rule multiplies: starting backward from 3·g gives 3 times the weight's gradient");
    }
}
