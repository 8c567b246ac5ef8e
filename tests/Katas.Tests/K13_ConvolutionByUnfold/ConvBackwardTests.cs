using Foundations;
using Katas.ConvolutionByUnfold;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K13_ConvolutionByUnfold;

/// <summary>The convolution's backward pass, checked against central differences (which know nothing of col2im).</summary>
[Category("K13")]
public class ConvBackwardTests
{
    [TestCase(1, 0)]
    [TestCase(2, 1)]
    public void Backward_MatchesCentralDifferences_ForInputWeightAndBias(int stride, int padding)
    {
        var rng = new Rng(21);
        Tensor input = Tensor.Randn(rng, 2, 2, 5, 5), weight = Tensor.Randn(rng, 3, 2, 3, 3), bias = Tensor.Randn(rng, 3);
        Tensor direction = Tensor.Randn(rng, [.. Conv2d.ByUnfold(input, weight, bias, stride, padding).Shape]);
        // loss = Σ conv(x)·direction, so ∂loss/∂output is direction.
        double Loss() => Dot(Conv2d.ByUnfold(input, weight, bias, stride, padding), direction);

        ConvGradients gradients = Conv2d.Backward(input, weight, direction, stride, padding);
        TensorAssert.Near(gradients.Input, CentralDifference.Of(Loss, input, step: 1e-2), "∂loss/∂input: Wᵀ·G folded back onto the image", rtol: 1e-2, atol: 1e-3);
        TensorAssert.Near(gradients.Weight, CentralDifference.Of(Loss, weight, step: 1e-2), "∂loss/∂weight: Σ over the batch of G·Xᵀ", rtol: 1e-2, atol: 1e-3);
        TensorAssert.Near(gradients.Bias, CentralDifference.Of(Loss, bias, step: 1e-2), "∂loss/∂bias: G summed over the batch and positions", rtol: 1e-2, atol: 1e-3);
    }

    [Test]
    public void Backward_WithAGradientOfTheWrongShape_ThrowsNamingBothShapes()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Conv2d.Backward(Tensor.Zeros(1, 1, 5, 5), Tensor.Zeros(2, 1, 3, 3), Tensor.Zeros(1, 2, 5, 5)));
        Assert.That(error!.Message, Does.Contain("[1, 2, 3, 3]").And.Contain("[1, 2, 5, 5]"), "a 3×3 kernel on 5×5 without padding gives 3×3");
    }

    private static double Dot(Tensor a, Tensor b)
    {
        float[] x = a.ToArray(), y = b.ToArray();
        double sum = 0;
        for (int i = 0; i < x.Length; i++) sum += (double)x[i] * y[i];
        return sum;
    }
}
