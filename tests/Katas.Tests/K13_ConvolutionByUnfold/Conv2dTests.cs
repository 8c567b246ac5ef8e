using FsCheck;
using FsCheck.Fluent;
using Foundations;
using Katas.ConvolutionByUnfold;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K13_ConvolutionByUnfold;

[Category("K13")]
public class Conv2dTests
{
    [Test]
    public void Direct_OnAHandExample()
    {
        // The kernel [[1, 0], [0, -1]] computes pixel − its lower-right neighbour: on 1..9 that is 1 − 5 = −4 everywhere.
        var image = Tensor.Arange(1, 10).View(1, 1, 3, 3);
        var kernel = Tensor.FromArray(new float[] { 1, 0, 0, -1 }, [1, 1, 2, 2]);
        TensorAssert.Equal(Conv2d.Direct(image, kernel, Tensor.FromArray(1f)), Tensor.Full([1, 1, 2, 2], -3f),
            "out[y, x] = bias + Σ input[y + ky, x + kx]·weight[ky, kx]");
    }

    [Test]
    public void ByUnfold_MatchesDirect_OnTheWhySqrt5FirstLayer()
    {
        var rng = new Rng(4);
        Tensor images = Tensor.Randn(rng, 3, 1, 28, 28), weight = Tensor.Randn(rng, 8, 1, 5, 5), bias = Tensor.Randn(rng, 8);
        Tensor expected = Conv2d.Direct(images, weight, bias, stride: 2, padding: 2);
        TensorAssert.HasShape(expected, [3, 8, 14, 14], "28×28 with a 5×5 kernel, stride 2, padding 2 gives 14×14");
        TensorAssert.Near(Conv2d.ByUnfold(images, weight, bias, stride: 2, padding: 2), expected,
            "unfold + matrix product is the same convolution as the loops", atol: 1e-4);
    }

    [PropertyTest("Convolution by unfold equals the direct convolution for every shape, stride and padding.", MaxTest = 60)]
    public Property ByUnfold_MatchesDirect_OverRandomShapesStridesAndPaddings() => Prop.ForAll(ConvCase.Arbitrary(), c =>
    {
        var rng = new Rng((ulong)c.Seed);
        Tensor input = Tensor.Randn(rng, c.N, c.C, c.H, c.W), weight = Tensor.Randn(rng, c.O, c.C, c.KH, c.KW);
        Tensor? bias = c.Seed % 2 == 0 ? Tensor.Randn(rng, c.O) : null;
        TensorAssert.Near(Conv2d.ByUnfold(input, weight, bias, c.Stride, c.Padding), Conv2d.Direct(input, weight, bias, c.Stride, c.Padding),
            $"conv by unfold vs loops, {c}, bias {(bias is null ? "none" : "random")}", atol: 1e-4);
    });

    // Input [2, 3, 7, 6] and weight [4, 3, 3, 3]: (1, 0) gives a 5×4 output, (2, 1) 4×3, (3, 2) 3×3.
    [TestCase(1, 0)]
    [TestCase(2, 1)]
    [TestCase(3, 2)]
    public void Direct_MatchesTheDefinition_WithStrideAndPadding(int stride, int padding)
    {
        var (input, weight, bias) = Operands();
        TensorAssert.Near(Conv2d.Direct(input, weight, bias, stride, padding), ConvReference.Conv(input, weight, bias, stride, padding),
            $"Direct against the README's formula written out in the test: input [2, 3, 7, 6], weight [4, 3, 3, 3], stride {stride}, padding {padding}",
            atol: 1e-4);
    }

    [TestCase(1, 0)]
    [TestCase(2, 1)]
    [TestCase(3, 2)]
    public void ByUnfold_MatchesTheDefinition_WithStrideAndPadding(int stride, int padding)
    {
        var (input, weight, bias) = Operands();
        TensorAssert.Near(Conv2d.ByUnfold(input, weight, bias, stride, padding), ConvReference.Conv(input, weight, bias, stride, padding),
            $"ByUnfold against the README's formula written out in the test: input [2, 3, 7, 6], weight [4, 3, 3, 3], bias one per output channel, stride {stride}, padding {padding}",
            atol: 1e-4);
    }

    private static (Tensor Input, Tensor Weight, Tensor Bias) Operands()
    {
        var rng = new Rng(17);
        return (Tensor.Randn(rng, 2, 3, 7, 6), Tensor.Randn(rng, 4, 3, 3, 3), Tensor.Randn(rng, 4));
    }

    [Test]
    public void ChannelsThatDoNotMatch_ThrowPyTorchsMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => Conv2d.ByUnfold(Tensor.Zeros(1, 2, 28, 28), Tensor.Zeros(8, 3, 5, 5), null));
        Assert.That(error!.Message, Does.Contain(
            "Given groups=1, weight of size [8, 3, 5, 5], expected input[1, 2, 28, 28] to have 3 channels, but got 2 channels instead"));
        var direct = Assert.Throws<ArgumentException>(() => Conv2d.Direct(Tensor.Zeros(1, 2, 28, 28), Tensor.Zeros(8, 3, 5, 5), null));
        Assert.That(direct!.Message, Does.Contain("to have 3 channels, but got 2 channels instead"));
    }

    [Test]
    public void KernelLargerThanThePaddedInput_ThrowsPyTorchsMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => Conv2d.ByUnfold(Tensor.Zeros(1, 1, 2, 2), Tensor.Zeros(1, 1, 3, 3), null));
        Assert.That(error!.Message, Does.Contain(
            "Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). Kernel size can't be greater than actual input size"));
    }
}
