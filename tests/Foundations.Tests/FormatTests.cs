using NUnit.Framework;

namespace Foundations.Tests;

/// <summary>ToString prints as PyTorch prints (torch/_tensor_str.py with its default options:
/// precision 4, threshold 1000, edge items 3, line width 80). Expected strings are PyTorch's output.</summary>
[Category("Foundations")]
public class FormatTests
{
    private static string Print(params float[] values) => Tensor.FromArray(values).ToString();

    [Test]
    public void AMatrix_AlignsRowsUnderTheFirst() =>
        Assert.That(Tensor.FromArray(new float[,] { { 1, 2 }, { 3, 4 } }).ToString(), Is.EqualTo("tensor([[1., 2.],\n        [3., 4.]])"));

    [Test]
    public void AScalar_HasNoBrackets()
    {
        Assert.That(Tensor.Scalar(3).ToString(), Is.EqualTo("tensor(3.)"));
        Assert.That(Tensor.Scalar(-0.5f).ToString(), Is.EqualTo("tensor(-0.5000)"));
    }

    [TestCase(new float[] { 0.1f, 0.25f }, "tensor([0.1000, 0.2500])")]
    [TestCase(new float[] { 1, 2, 3 }, "tensor([1., 2., 3.])")]
    [TestCase(new float[] { -1, 2 }, "tensor([-1.,  2.])")]
    [TestCase(new float[] { 1.5f, -22.25f, 0 }, "tensor([  1.5000, -22.2500,   0.0000])")]
    [TestCase(new float[] { 0, 0 }, "tensor([0., 0.])")]
    [TestCase(new float[] { 1234.5678f }, "tensor([1234.5677])")]     // the float is 1234.56774902…: rounded from its exact value, not from 7 digits
    [TestCase(new float[] { 0.0001f, 0.5f }, "tensor([1.0000e-04, 5.0000e-01])")] // 0.0001f is a hair below 1e-4
    public void Vectors_PadToTheWidestNumber(float[] values, string expected) => Assert.That(Print(values), Is.EqualTo(expected));

    [TestCase(new float[] { 1e-5f, 1 }, "tensor([1.0000e-05, 1.0000e+00])")]          // smallest below 1e-4
    [TestCase(new float[] { 0.5f, 2000.5f }, "tensor([5.0000e-01, 2.0005e+03])")]     // largest over 1000× the smallest
    [TestCase(new float[] { 1, 10000 }, "tensor([1.0000e+00, 1.0000e+04])")]           // even when all are integers
    [TestCase(new float[] { 123456789 }, "tensor([1.2346e+08])")]                      // above 1e8
    [TestCase(new float[] { -1e-5f, 1 }, "tensor([-1.0000e-05,  1.0000e+00])")]
    [TestCase(new float[] { 0, 1e-5f }, "tensor([0.0000e+00, 1.0000e-05])")]
    [TestCase(new float[] { 1, 1000 }, "tensor([   1., 1000.])")]                      // a ratio of exactly 1000 stays fixed
    public void ScientificNotation_ForWideRanges(float[] values, string expected) => Assert.That(Print(values), Is.EqualTo(expected));

    [TestCase(new float[] { 1, float.NaN }, "tensor([1., nan])")]
    [TestCase(new float[] { 1.5f, float.NaN }, "tensor([1.5000,    nan])")]
    [TestCase(new float[] { float.PositiveInfinity, -2, float.NegativeInfinity }, "tensor([inf, -2., -inf])")]
    [TestCase(new float[] { float.NaN, float.NaN }, "tensor([nan, nan])")]
    [TestCase(new float[] { -0f, 1 }, "tensor([-0., 1.])")]
    public void NaNInfinityAndNegativeZero_PrintAsPyTorchDoes(float[] values, string expected) => Assert.That(Print(values), Is.EqualTo(expected));

    [Test]
    public void ThreeDimensions_SeparateMatricesWithABlankLine() =>
        Assert.That(Tensor.Arange(8).View(2, 2, 2).ToString(), Is.EqualTo(
            "tensor([[[0., 1.],\n" +
            "         [2., 3.]],\n" +
            "\n" +
            "        [[4., 5.],\n" +
            "         [6., 7.]]])"));

    [Test]
    public void AView_PrintsItsOwnElements() =>
        Assert.That(Tensor.Arange(6).View(2, 3).T().ToString(), Is.EqualTo("tensor([[0., 3.],\n        [1., 4.],\n        [2., 5.]])"));

    [Test]
    public void MoreThan1000Elements_AreSummarized()
    {
        Assert.That(Tensor.Arange(1001).ToString(), Is.EqualTo("tensor([   0.,    1.,    2.,  ...,  998.,  999., 1000.])"));
        Assert.That(Tensor.Zeros(2000).ToString(), Is.EqualTo("tensor([0., 0., 0.,  ..., 0., 0., 0.])"));
        Assert.That(Tensor.Arange(1000).ToString(), Does.Not.Contain("..."), "1000 elements are printed in full");
    }

    [Test]
    public void SummarizedMatrices_ElideRows() =>
        Assert.That(Tensor.Arange(1000, 3000).View(1000, 2).ToString(), Is.EqualTo(
            "tensor([[1000., 1001.],\n" +
            "        [1002., 1003.],\n" +
            "        [1004., 1005.],\n" +
            "        ...,\n" +
            "        [2994., 2995.],\n" +
            "        [2996., 2997.],\n" +
            "        [2998., 2999.]])"));

    [Test]
    public void LongRows_WrapAt80Columns()
    {
        // Width 3 plus ", " is 5 characters per number: (80 - 7) / 5 = 14 numbers per line.
        Assert.That(Tensor.Arange(30).ToString(), Is.EqualTo(
            "tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.,\n" +
            "        14., 15., 16., 17., 18., 19., 20., 21., 22., 23., 24., 25., 26., 27.,\n" +
            "        28., 29.])"));
        // Inside a matrix the rows are indented one more: (80 - 8) / 5 = 14 as well.
        Assert.That(Tensor.Arange(32).View(2, 16).ToString(), Is.EqualTo(
            "tensor([[ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.,\n" +
            "         14., 15.],\n" +
            "        [16., 17., 18., 19., 20., 21., 22., 23., 24., 25., 26., 27., 28., 29.,\n" +
            "         30., 31.]])"));
    }

    [Test]
    public void EmptyTensors_PrintTheirSize()
    {
        Assert.That(Tensor.Zeros(0).ToString(), Is.EqualTo("tensor([])"));
        Assert.That(Tensor.Zeros(2, 0).ToString(), Is.EqualTo("tensor([], size=(2, 0))"));
    }

    [Test]
    public void ShapeFormat_IsPyTorchsSizeList()
    {
        Assert.That(ShapeRules.Format([2, 3]), Is.EqualTo("[2, 3]"));
        Assert.That(ShapeRules.Format([]), Is.EqualTo("[]"));
    }
}
