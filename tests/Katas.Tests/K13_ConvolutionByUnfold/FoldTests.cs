using Foundations;
using Katas.ConvolutionByUnfold;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K13_ConvolutionByUnfold;

/// <summary>col2im: Fold gives every column entry back to the pixel Unfold copied it from, summing overlaps.</summary>
[Category("K13")]
public class FoldTests
{
    [Test]
    public void FoldOfUnfoldedOnes_CountsThePatchesThatSawEachPixel()
    {
        // A 3×3 kernel on a 4×4 image (stride 1) has 2×2 positions; a pixel is seen by (rows covering it)·(columns
        // covering it) patches: 1, 2, 2, 1 along each side.
        Tensor ones = Tensor.Ones(1, 1, 4, 4);
        Tensor counts = Im2Col.Fold(Im2Col.Unfold(ones, 3, 3), 1, 4, 4, 3, 3);
        var expected = Tensor.FromArray(new float[] { 1, 2, 2, 1, 2, 4, 4, 2, 2, 4, 4, 2, 1, 2, 2, 1 }, [1, 1, 4, 4]);
        TensorAssert.Equal(counts, expected, "Fold adds: a pixel under k patches gets k");
    }

    [Test]
    public void Fold_IsTheAdjointOfUnfold_WithStrideAndPadding()
    {
        // ⟨Unfold(x), y⟩ = ⟨x, Fold(y)⟩ for every x and y: the definition of "the backward of Unfold".
        var rng = new Rng(13);
        Tensor x = Tensor.Randn(rng, 2, 3, 5, 6);
        Tensor columns = Im2Col.Unfold(x, 3, 2, stride: 2, padding: 1);
        Tensor y = Tensor.Randn(rng, [.. columns.Shape]);
        Tensor folded = Im2Col.Fold(y, 3, 5, 6, 3, 2, stride: 2, padding: 1);
        TensorAssert.HasShape(folded, [2, 3, 5, 6], "Fold gives back the image's shape");
        double left = Dot(columns, y), right = Dot(x, folded);
        Assert.That(right, Is.EqualTo(left).Within(1e-3 * Math.Abs(left) + 1e-3),
            "⟨Unfold(x), y⟩ should equal ⟨x, Fold(y)⟩: each column entry goes back to the pixel it came from, padding entries nowhere");
    }

    [Test]
    public void Fold_WithColumnsOfTheWrongShape_ThrowsNamingTheShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => Im2Col.Fold(Tensor.Zeros(1, 9, 5), 1, 4, 4, 3, 3),
            "a 3×3 kernel on 4×4 has 4 positions, not 5");
        Assert.That(error!.Message, Does.Contain("[1, 9, 5]").And.Contain("[N, 9, 4]"));
    }

    private static double Dot(Tensor a, Tensor b)
    {
        float[] x = a.ToArray(), y = b.ToArray();
        double sum = 0;
        for (int i = 0; i < x.Length; i++) sum += (double)x[i] * y[i];
        return sum;
    }
}
