using Foundations;
using Katas.ConvolutionByUnfold;
using NUnit.Framework;

namespace KataTests.K13_ConvolutionByUnfold;

/// <summary>
/// Arguments that do not fit throw an ArgumentException that names the problem and the values, in PyTorch's
/// words where PyTorch has them (F.conv2d, F.unfold, nn.init's fan-in).
/// </summary>
[Category("K13")]
public class BadArgumentTests
{
    [Test]
    public void Conv2d_OfAnInputThatIsNot4D_ThrowsNamingItsSize()
    {
        var error = Assert.Throws<ArgumentException>(() => Conv2d.Direct(Tensor.Zeros(28, 28), Tensor.Zeros(8, 1, 5, 5), null),
            "a [28, 28] image without its batch and channel dimensions");
        Assert.That(error!.Message, Does.Contain("4D (batched) input to conv2d, but got input of size: [28, 28]"));
    }

    [Test]
    public void Conv2d_WithAWeightThatIsNot4D_ThrowsNamingItsSize()
    {
        var error = Assert.Throws<ArgumentException>(() => Conv2d.Direct(Tensor.Zeros(1, 1, 5, 5), Tensor.Zeros(1, 1, 3), null),
            "a weight [1, 1, 3] has no kernel width");
        Assert.That(error!.Message, Does.Contain("weight").And.Contain("[1, 1, 3]"));
    }

    [TestCase(new[] { 4 })]
    [TestCase(new[] { 1, 8 })]
    public void Conv2d_WithABiasThatIsNotOnePerFilter_ThrowsPyTorchsMessage(int[] biasShape)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Conv2d.Direct(Tensor.Zeros(1, 1, 28, 28), Tensor.Zeros(8, 1, 5, 5), Tensor.Zeros(biasShape)),
            "8 filters need a bias of shape [8]");
        Assert.That(error!.Message, Does.Contain(
            $"Given weight of size [8, 1, 5, 5], expected bias to be 1-dimensional with 8 elements, but got bias of size [{string.Join(", ", biasShape)}] instead"));
    }

    [TestCase(0)]
    [TestCase(-2)]
    public void Conv2d_WithANonPositiveStride_Throws(int stride)
    {
        var error = Assert.Throws<ArgumentException>(() => Conv2d.Direct(Tensor.Zeros(1, 1, 5, 5), Tensor.Zeros(1, 1, 3, 3), null, stride: stride));
        Assert.That(error!.Message, Does.Contain("non-positive stride is not supported").And.Contain(stride.ToString()));
    }

    [Test]
    public void Conv2d_WithANegativePadding_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Conv2d.Direct(Tensor.Zeros(1, 1, 5, 5), Tensor.Zeros(1, 1, 3, 3), null, padding: -1));
        Assert.That(error!.Message, Does.Contain("negative padding is not supported").And.Contain("-1"));
    }

    [Test]
    public void Conv2d_AKernelWiderThanThePaddedInput_Throws_EvenWhenItsHeightFits()
    {
        var error = Assert.Throws<ArgumentException>(() => Conv2d.Direct(Tensor.Zeros(1, 1, 5, 2), Tensor.Zeros(1, 1, 3, 3), null),
            "a 3×3 kernel fits the 5 rows of a 5×2 image but not its 2 columns");
        Assert.That(error!.Message, Does.Contain(
            "Calculated padded input size per channel: (5 x 2). Kernel size: (3 x 3). Kernel size can't be greater than actual input size"));
    }

    // Input [1, 1, 5, 5] and weight [2, 1, 3, 3] give an output [1, 2, 3, 3]; each case is wrong in one place only.
    [TestCase(new[] { 2, 2, 3, 3 })]
    [TestCase(new[] { 1, 3, 3, 3 })]
    [TestCase(new[] { 1, 2, 4, 3 })]
    [TestCase(new[] { 1, 2, 3, 4 })]
    [TestCase(new[] { 1, 2, 9 })]
    public void Backward_WithAGradientWrongInOneDimension_ThrowsNamingBothShapes(int[] gradShape)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Conv2d.Backward(Tensor.Zeros(1, 1, 5, 5), Tensor.Zeros(2, 1, 3, 3), Tensor.Zeros(gradShape)),
            "gradOutput must have the output's shape [1, 2, 3, 3] in every dimension");
        Assert.That(error!.Message, Does.Contain("[1, 2, 3, 3]").And.Contain($"[{string.Join(", ", gradShape)}]"));
    }

    [Test]
    public void Unfold_OfAnInputThatIsNot4D_ThrowsNamingItsSize()
    {
        var error = Assert.Throws<ArgumentException>(() => Im2Col.Unfold(Tensor.Zeros(5, 5), 3, 3));
        Assert.That(error!.Message, Does.Contain("4D").And.Contain("[5, 5]"));
    }

    [TestCase(0, 3)]
    [TestCase(3, 0)]
    public void Unfold_WithAKernelSizeOfZero_Throws(int kernelHeight, int kernelWidth)
    {
        var error = Assert.Throws<ArgumentException>(() => Im2Col.Unfold(Tensor.Zeros(1, 1, 5, 5), kernelHeight, kernelWidth),
            $"kernel {kernelHeight}×{kernelWidth}");
        Assert.That(error!.Message, Does.Contain("kernel size should be greater than zero"));
    }

    [Test]
    public void Unfold_WithAStrideOfZero_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Im2Col.Unfold(Tensor.Zeros(1, 1, 5, 5), 3, 3, stride: 0));
        Assert.That(error!.Message, Does.Contain("non-positive stride is not supported"));
    }

    [Test]
    public void Unfold_WithANegativePadding_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Im2Col.Unfold(Tensor.Zeros(1, 1, 5, 5), 3, 3, padding: -1));
        Assert.That(error!.Message, Does.Contain("negative padding is not supported").And.Contain("-1"));
    }

    [Test]
    public void Unfold_AKernelWiderThanThePaddedInput_ThrowsWithThePaddedSize()
    {
        // A 5×1 image padded by 2 is 9×5: a 3×6 kernel fits its height but not its width.
        var error = Assert.Throws<ArgumentException>(() => Im2Col.Unfold(Tensor.Zeros(1, 1, 5, 1), 3, 6, padding: 2));
        Assert.That(error!.Message, Does.Contain(
            "Calculated padded input size per channel: (9 x 5). Kernel size: (3 x 6). Kernel size can't be greater than actual input size"));
    }

    [Test]
    public void Fold_WithZeroChannels_ThrowsNamingThem()
    {
        // Columns [1, 0, 4] would fit 0 channels × a 3×3 kernel at the 4 positions of a 4×4 image: still no image.
        var error = Assert.Throws<ArgumentException>(() => Im2Col.Fold(Tensor.Zeros(1, 0, 4), 0, 4, 4, 3, 3));
        Assert.That(error!.Message, Does.Contain("channels").And.Contain("0"));
    }

    [Test]
    public void Fold_WithColumnsOfTheWrongRowCount_ThrowsNamingTheShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => Im2Col.Fold(Tensor.Zeros(1, 8, 4), 1, 4, 4, 3, 3),
            "one channel and a 3×3 kernel make 9 rows, not 8 (the 4 columns are right)");
        Assert.That(error!.Message, Does.Contain("[1, 8, 4]").And.Contain("[N, 9, 4]"));
    }

    [Test]
    public void Fold_OfAOneByOneImageWithAOneByOneKernel_GivesTheEntryBack()
    {
        Tensor folded = Im2Col.Fold(Tensor.Full([1, 1, 1], 5f), 1, 1, 1, 1, 1);
        Assert.That(folded.Shape, Is.EqualTo(new[] { 1, 1, 1, 1 }), "sizes of 1 are sizes like any other");
        Assert.That(folded.ToArray(), Is.EqualTo(new[] { 5f }), "a 1×1 kernel on a 1×1 image: one column entry, one pixel");
    }

    [Test]
    public void FanIn_OfAMatrix_IsItsColumnCount()
    {
        Assert.That(ConvInit.FanIn([10, 3]), Is.EqualTo(3), "a linear layer's weight [out, in] has fan-in = in (PyTorch's fan-in of a 2-D tensor)");
    }

    [Test]
    public void FanIn_OfAVector_ThrowsNamingItsShape()
    {
        var error = Assert.Throws<ArgumentException>(() => ConvInit.FanIn([10]));
        Assert.That(error!.Message, Does.Contain("fewer than 2 dimensions").And.Contain("[10]"));
    }

    [TestCase(new[] { 2, 3, 28, 28 })]
    [TestCase(new[] { 2, 28, 28 })]
    public void WhySqrt5_OfImagesThatAreNotGreyscaleBatches_ThrowsNamingTheirShape(int[] shape)
    {
        var error = Assert.Throws<ArgumentException>(() => WhySqrt5.LayerStds(Tensor.Zeros(shape), InitScheme.Kaiming, new Rng(1)));
        Assert.That(error!.Message, Does.Contain("[N, 1, H, W]").And.Contain($"[{string.Join(", ", shape)}]"));
    }

    [Test]
    public void ConvNet_OfImagesThatAreNotFlattenedRows_ThrowsNamingTheirShape()
    {
        var net = new ConvNet(new Rng(1));
        var error = Assert.Throws<ArgumentException>(() => net.Forward(Tensor.Zeros(2, 783)));
        Assert.That(error!.Message, Does.Contain("[2, 783]").And.Contain("784"));
    }

    [Test]
    public void ConvNet_LossWithMoreLabelsThanImages_ThrowsNamingBothCounts()
    {
        var net = new ConvNet(new Rng(1));
        var error = Assert.Throws<ArgumentException>(() => net.LossAndGradients(Tensor.Zeros(2, 784), [0, 1, 2, 3, 4]));
        Assert.That(error!.Message, Does.Contain("2").And.Contain("5"), "2 images, 5 labels");
    }

    [Test]
    public void ConvNet_LossWithALabelOutOfRange_ThrowsPyTorchsMessage()
    {
        var net = new ConvNet(new Rng(1));
        var error = Assert.Throws<ArgumentException>(() => net.LossAndGradients(Tensor.Zeros(2, 784), [0, 10]));
        Assert.That(error!.Message, Does.Contain("Target 10 is out of bounds").And.Contain("0–9"), "ten classes: labels 0–9");
    }

    [Test]
    public void ConvNet_AccuracyWithMoreLabelsThanImages_ThrowsNamingBothCounts()
    {
        var net = new ConvNet(new Rng(1));
        var error = Assert.Throws<ArgumentException>(() => net.Accuracy(Tensor.Zeros(2, 784), [0, 1, 2, 3, 4]));
        Assert.That(error!.Message, Does.Contain("2").And.Contain("5"), "2 images, 5 labels");
    }
}
