using Foundations;
using Katas.GradientsByHand;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K09_GradientsByHand;

[Category("K09")]
public class ForwardTests
{
    [Test]
    public void Lin_IsXTimesWPlusB()
    {
        var x = Tensor.FromArray(new float[,] { { 1, 2, 3 }, { 0, -1, 1 } });   // batch 2, 3 inputs
        var w = Tensor.FromArray(new float[,] { { 1, 0 }, { 0, 1 }, { 1, 1 } }); // 3 inputs → 2 outputs (the chapter's [n_in, n_out])
        var b = Tensor.FromArray(10f, 20f);
        TensorAssert.Near(Layers.Lin(x, w, b), Tensor.FromArray(new float[,] { { 14, 25 }, { 11, 20 } }), "lin(x, w, b) = x @ w + b");
    }

    [Test]
    public void Lin_WithShapesThatDoNotFit_ThrowsNamingThem()
    {
        var error = Assert.Throws<ArgumentException>(() => Layers.Lin(Tensor.Zeros(2, 3), Tensor.Zeros(4, 5), Tensor.Zeros(5)),
            "x's columns must match w's rows");
        Assert.That(error!.Message, Does.Contain("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)"), "PyTorch's wording");
        var biasError = Assert.Throws<ArgumentException>(() => Layers.Lin(Tensor.Zeros(2, 3), Tensor.Zeros(3, 5), Tensor.Zeros(1)),
            "a single bias would broadcast silently over five outputs: one bias per output is required");
        Assert.That(biasError!.Message, Does.Contain("[1]"), "the message names the bias's shape");
    }

    [TestCase(new[] { 3 }, new[] { 3, 2 }, new[] { 2 }, "[3]")]
    [TestCase(new[] { 2, 3 }, new[] { 3 }, new[] { 3 }, "[3]")]
    [TestCase(new[] { 2, 3 }, new[] { 3, 2 }, new[] { 1, 2 }, "[1, 2]")]
    public void Lin_WithAnArgumentOfTheWrongRank_ThrowsNamingItsShape(int[] x, int[] w, int[] b, string wrong)
    {
        var error = Assert.Throws<ArgumentException>(() => Layers.Lin(Tensor.Zeros(x), Tensor.Zeros(w), Tensor.Zeros(b)),
            $"Lin takes x [batch, n_in], w [n_in, n_out], b [n_out]; given x {ShapeRules.Format(x)}, w {ShapeRules.Format(w)}, b {ShapeRules.Format(b)}");
        Assert.That(error!.Message, Does.Contain(wrong), "the message names the shape that does not fit");
    }

    [Test]
    public void Relu_ZeroesTheNegatives()
    {
        TensorAssert.Equal(Layers.Relu(Tensor.FromArray(-2f, 0f, 0.5f, 3f)), Tensor.FromArray(0f, 0f, 0.5f, 3f), "relu(x) = max(x, 0)");
    }

    [Test]
    public void Mse_SqueezesTheOutputsLastDimension()
    {
        var output = Tensor.FromArray(new float[,] { { 1 }, { 2 }, { 4 } }); // [3, 1], as the net returns it
        var loss = Layers.Mse(output, Tensor.FromArray(0f, 0f, 1f));
        TensorAssert.HasShape(loss, [], "the loss is a rank-0 tensor");
        Assert.That(loss.Item(), Is.EqualTo((1 + 4 + 9) / 3f).Within(1e-6), "mean of (1², 2², 3²)");
    }

    [Test]
    public void Mse_OfABatchOfOne_IsTheSquaredError()
    {
        var loss = Layers.Mse(Tensor.FromArray(new float[,] { { 3 } }), Tensor.FromArray(1f));
        Assert.That(loss.Item(), Is.EqualTo(4f).Within(1e-6), "output [1, 1] against target [1]: (3 − 1)²");
    }

    [Test]
    public void Mse_WithATargetOfAnotherShape_ThrowsInsteadOfBroadcasting()
    {
        // [3] − [3, 1] would broadcast to a 3×3 matrix: nine differences instead of three, a wrong loss with no error.
        var error = Assert.Throws<ArgumentException>(() => Layers.Mse(Tensor.Zeros(3, 1), Tensor.Zeros(3, 1)),
            "the squeezed output [3] and a target [3, 1] must not broadcast");
        Assert.That(error!.Message, Does.Contain("[3, 1]").And.Contain("[3]"), "the message names both sizes");
    }

    [TestCase(new[] { 3, 2 }, new[] { 2 })]
    [TestCase(new[] { 2, 1 }, new[] { 1 })]
    public void Mse_WithAnOutputThatDoesNotMatchTheTarget_Throws(int[] output, int[] target)
    {
        // Both would broadcast without an error ([3, 2] − [2] and [2] − [1]): a loss over the wrong pairs.
        var error = Assert.Throws<ArgumentException>(() => Layers.Mse(Tensor.Zeros(output), Tensor.Zeros(target)),
            $"an output {ShapeRules.Format(output)} squeezes to {ShapeRules.Format(output[^1] == 1 ? output[..^1] : output)}, which is not the target's {ShapeRules.Format(target)}");
        Assert.That(error!.Message, Does.Contain(ShapeRules.Format(target)), "the message names the target's size");
    }

    [Test]
    public void Mse_OfAOneDimensionalOutput_SqueezesNothing()
    {
        // squeeze(-1) removes the last dimension only when its size is 1: an output [3] is compared as it is.
        var loss = Layers.Mse(Tensor.FromArray(1f, 2f, 4f), Tensor.FromArray(0f, 0f, 1f));
        Assert.That(loss.Item(), Is.EqualTo((1 + 4 + 9) / 3f).Within(1e-6), "output [1, 2, 4] against target [0, 0, 1]: mean of (1², 2², 3²)");
    }

    [Test]
    public void Mse_WithAnOutputThatDoesNotMatchTheTarget_NamesTheOutputsOwnShape()
    {
        var error = Assert.Throws<ArgumentException>(() => Layers.Mse(Tensor.Zeros(2, 1), Tensor.Zeros(3)),
            "an output [2, 1] squeezes to [2], which is not the target's [3]");
        Assert.That(error!.Message, Does.Contain("[2, 1]"), "the message names the output's shape before the squeeze, [2, 1]");
    }
}
