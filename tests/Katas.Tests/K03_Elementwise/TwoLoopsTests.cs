using FsCheck;
using FsCheck.Fluent;
using Foundations;
using Katas.Elementwise;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K03_Elementwise;

[Category("K03")]
public class TwoLoopsTests
{
    [Test]
    public void SmallProduct_IsExact()
    {
        var a = Tensor.FromArray(new float[,] { { 1, 2 }, { 3, 4 } });
        var b = Tensor.FromArray(new float[,] { { 5, 6 }, { 7, 8 } });
        TensorAssert.Equal(Matmul.TwoLoops(a, b), Tensor.FromArray(new float[,] { { 19, 22 }, { 43, 50 } }),
            "c[i, j] = (a[i, :] · b[:, j]).sum()", inputs: [("a", a), ("b", b)]);
    }

    [Test]
    public void ChaptersCase_5x784_Times_784x10_MatchesTheRealProduct()
    {
        var rng = new Rng(17);
        var images = Tensor.Rand(rng, 5, 784);
        var weights = Tensor.Randn(rng, 784, 10);
        TensorAssert.Near(Matmul.TwoLoops(images, weights), Tensor.MatMul(images, weights),
            "five MNIST-sized rows (5×784) @ 784×10, against the substrate's MatMul");
    }

    [Test]
    public void BadShapes_ThrowNamingThem()
    {
        var error = Assert.Throws<ArgumentException>(() => Matmul.TwoLoops(Tensor.Zeros(5, 784), Tensor.Zeros(10, 784)),
            "784 columns cannot meet 10 rows");
        Assert.That(error!.Message, Does.Contain("mat1 and mat2 shapes cannot be multiplied (5x784 and 10x784)"));
        error = Assert.Throws<ArgumentException>(() => Matmul.TwoLoops(Tensor.Zeros(2, 3, 4), Tensor.Zeros(4, 2)),
            "the two-loop product is for matrices");
        Assert.That(error!.Message, Does.Contain("[2, 3, 4]"));
    }

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public Property Product_MatchesTheRealMatMul_AlsoOnTransposedViews() => Prop.ForAll(TensorGen.MatMulCase(), c =>
    {
        var rng = new Rng((ulong)c.Seed);
        Tensor a = Tensor.Randn(rng, c.N, c.K), b = Tensor.Randn(rng, c.K, c.M);
        Tensor expected = Tensor.MatMul(a, b);
        TensorAssert.Near(Matmul.TwoLoops(a, b), expected, $"{c.N}×{c.K} @ {c.K}×{c.M} (seed {c.Seed})");
        // (bᵀ aᵀ)ᵀ = ab, with both operands transposed views: rows and columns are then both strided.
        TensorAssert.Near(Matmul.TwoLoops(b.T(), a.T()), expected.T().Contiguous(),
            $"bᵀ @ aᵀ = (ab)ᵀ with transposed views (seed {c.Seed})");
    });
}
