using FsCheck;
using FsCheck.Fluent;
using Foundations;
using Katas.ConvolutionByUnfold;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K13_ConvolutionByUnfold;

[Category("K13")]
public class UnfoldTests
{
    [Test]
    public void Unfold_PutsEachPatchInAColumn()
    {
        // 1..9 as a 3×3 image; a 2×2 kernel sees four patches. Row r of the result is kernel tap r,
        // column l is output position l, so column 0 is the top-left patch (1, 2, 4, 5).
        var image = Tensor.Arange(1, 10).View(1, 1, 3, 3);
        var expected = Tensor.FromArray(new float[]
        {
            1, 2, 4, 5,
            2, 3, 5, 6,
            4, 5, 7, 8,
            5, 6, 8, 9,
        }, [1, 4, 4]);
        TensorAssert.Equal(Im2Col.Unfold(image, 2, 2), expected, "im2col: one column per patch, [N, C·kH·kW, L]");
    }

    [Test]
    public void Unfold_WithPadding_ReadsZerosOutsideTheImage()
    {
        var image = Tensor.FromArray(new float[] { 1, 2, 3, 4 }, [1, 1, 2, 2]);
        Tensor columns = Im2Col.Unfold(image, 3, 3, stride: 1, padding: 1);
        TensorAssert.HasShape(columns, [1, 9, 4], "padding 1 keeps a 2×2 image 2×2 under a 3×3 kernel: 9 taps × 4 positions");
        TensorAssert.Equal(columns.Select(1, 4), Tensor.FromArray(new float[] { 1, 2, 3, 4 }, [1, 4]), "the centre tap reads each pixel");
        TensorAssert.Equal(columns.Select(1, 0), Tensor.FromArray(new float[] { 0, 0, 0, 1 }, [1, 4]),
            "the top-left tap is in the padding for every position but the last");
    }

    [Test]
    public void Unfold_OfABatchCutFromALargerTensor_ReadsThatBatchsImages()
    {
        // Narrow gives a view into the same storage, starting at image 2: its values do not start at storage index 0.
        Tensor all = Tensor.Randn(new Rng(8), 4, 2, 5, 5);
        Tensor view = all.Narrow(0, 2, 2);
        TensorAssert.Equal(Im2Col.Unfold(view, 3, 3, stride: 2, padding: 1), ConvReference.Unfold(view, 3, 3, 2, 1),
            "unfold of images 2 and 3 of a [4, 2, 5, 5] batch, taken with Narrow (a view whose Offset is 100 floats)");
    }

    [TestCase(28, 5, 2, 2, 14)]
    [TestCase(14, 3, 2, 1, 7)]
    [TestCase(7, 3, 2, 1, 4)]
    [TestCase(5, 3, 1, 0, 3)]
    [TestCase(6, 2, 3, 0, 2)]
    public void OutputSize_IsFloorOfPaddedInputMinusKernelOverStride_PlusOne(int input, int kernel, int stride, int padding, int expected) =>
        Assert.That(Im2Col.OutputSize(input, kernel, stride, padding), Is.EqualTo(expected),
            $"⌊({input} + 2·{padding} − {kernel}) / {stride}⌋ + 1");

    [PropertyTest("Every element of the unfolded columns is the padded input element under that kernel tap at that output position.", MaxTest = 60)]
    public Property EveryUnfoldedElement_IsThePaddedInputUnderThatTap() => Prop.ForAll(ConvCase.Arbitrary(), c =>
    {
        Tensor input = TensorGen.Randn(c.Seed, c.N, c.C, c.H, c.W);
        Tensor columns = Im2Col.Unfold(input, c.KH, c.KW, c.Stride, c.Padding);
        int outH = (c.H + 2 * c.Padding - c.KH) / c.Stride + 1, outW = (c.W + 2 * c.Padding - c.KW) / c.Stride + 1;
        TensorAssert.HasShape(columns, [c.N, c.C * c.KH * c.KW, outH * outW], $"unfold of {c}");
        for (int n = 0; n < c.N; n++)
            for (int ch = 0; ch < c.C; ch++)
                for (int ky = 0; ky < c.KH; ky++)
                    for (int kx = 0; kx < c.KW; kx++)
                        for (int oy = 0; oy < outH; oy++)
                            for (int ox = 0; ox < outW; ox++)
                            {
                                int y = oy * c.Stride + ky - c.Padding, x = ox * c.Stride + kx - c.Padding;
                                float expected = y >= 0 && y < c.H && x >= 0 && x < c.W ? input[n, ch, y, x] : 0f;
                                float actual = columns[n, (ch * c.KH + ky) * c.KW + kx, oy * outW + ox];
                                if (actual != expected)
                                    Assert.Fail($"{c}: row (channel {ch}, tap {ky},{kx}), output position ({oy},{ox}) " +
                                                $"should read input[{n}, {ch}, {y}, {x}] = {expected} but holds {actual}");
                            }
    });
}
