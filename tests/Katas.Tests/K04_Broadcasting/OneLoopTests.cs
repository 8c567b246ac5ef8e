using FsCheck;
using FsCheck.Fluent;
using Foundations;
using Katas.Broadcasting;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K04_Broadcasting;

[Category("K04")]
public class OneLoopTests
{
    [Test]
    public void SmallProduct_IsExact()
    {
        var a = Tensor.FromArray(new float[,] { { 1, 2 }, { 3, 4 } });
        var b = Tensor.FromArray(new float[,] { { 5, 6 }, { 7, 8 } });
        TensorAssert.Equal(Matmul.OneLoop(a, b), Tensor.FromArray(new float[,] { { 19, 22 }, { 43, 50 } }),
            "c[i] = (a[i][:, None] * b).sum(0)");
    }

    [Test]
    public void ChaptersCase_5x784_Times_784x10_MatchesTheRealProduct()
    {
        var rng = new Rng(17);
        var images = Tensor.Rand(rng, 5, 784);
        var weights = Tensor.Randn(rng, 784, 10);
        TensorAssert.Near(Matmul.OneLoop(images, weights), Tensor.MatMul(images, weights), "5×784 @ 784×10 against the substrate's MatMul");
    }

    [Test]
    public void BadShapes_ThrowNamingThem()
    {
        var error = Assert.Throws<ArgumentException>(() => Matmul.OneLoop(Tensor.Zeros(5, 784), Tensor.Zeros(10, 784)));
        Assert.That(error!.Message, Does.Contain("mat1 and mat2 shapes cannot be multiplied (5x784 and 10x784)"));
        error = Assert.Throws<ArgumentException>(() => Matmul.OneLoop(Tensor.Zeros(784), Tensor.Zeros(784, 10)), "a vector is not a matrix");
        Assert.That(error!.Message, Does.Contain("[784]"));
    }

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public Property Product_MatchesTheRealMatMul_AlsoOnTransposedViews() => Prop.ForAll(TensorGen.MatMulCase(), c =>
    {
        var rng = new Rng((ulong)c.Seed);
        Tensor a = Tensor.Randn(rng, c.N, c.K), b = Tensor.Randn(rng, c.K, c.M);
        Tensor expected = Tensor.MatMul(a, b);
        TensorAssert.Near(Matmul.OneLoop(a, b), expected, $"{c.N}×{c.K} @ {c.K}×{c.M} (seed {c.Seed})");
        TensorAssert.Near(Matmul.OneLoop(b.T(), a.T()), expected.T().Contiguous(), $"bᵀ @ aᵀ = (ab)ᵀ on transposed views (seed {c.Seed})");
    });
}
