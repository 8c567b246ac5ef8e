using Foundations;
using Katas.GradientsByHand;
using NUnit.Framework;

namespace KataTests.Hidden.K09_GradientsByHand;

/// <summary>Hidden (graded from the reference, not in the learner's release).</summary>
[Category("K09")]
[Category("Hidden")]
public class LayersHiddenTests
{
    [Test]
    public void Mse_OfAPerfectPrediction_IsZero_AndSoIsItsGradient()
    {
        var output = Tensor.FromArray([0.5f, -1.25f, 3f, 2f, 0f], [5, 1]);
        var target = Tensor.FromArray(0.5f, -1.25f, 3f, 2f, 0f);
        Assert.That(Layers.Mse(output, target).Item(), Is.EqualTo(0f), "no error, no loss");
        Layers.MseGrad(output, target);
        Assert.That(output.Grad, Is.Not.Null, "MseGrad sets output.Grad");
        Assert.That(output.Grad!.ToArray(), Is.All.EqualTo(0f), "at the minimum the gradient is zero everywhere");
        Assert.That(output.Grad.Shape, Is.EqualTo(new[] { 5, 1 }), "the gradient has the output's shape");
    }
}
