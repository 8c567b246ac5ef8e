using FsCheck;
using FsCheck.Fluent;
using Foundations;
using Katas.FastMatmul;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K06_FastMatmul;

[Category("K06")]
public class FastMatmulTests
{
    [Test]
    public void SmallProduct_IsExact()
    {
        var a = Tensor.FromArray(new float[,] { { 1, 2 }, { 3, 4 } });
        var b = Tensor.FromArray(new float[,] { { 5, 6 }, { 7, 8 } });
        TensorAssert.Equal(FastMatmul.Compute(a, b), Tensor.FromArray(new float[,] { { 19, 22 }, { 43, 50 } }),
            "c[i, j] = Σₖ a[i, k]·b[k, j], however the loops are arranged");
    }

    // 1×1: a single multiply. 7×13@13×5: nothing is a multiple of a vector or a micro-tile.
    // 257×129@129×65: one row and one column past a power of two, big enough to use both cores.
    // 5×784@784×10: the chapter's case, fewer rows than one micro-tile and k cut into several slices.
    [TestCase(1, 1, 1)]
    [TestCase(7, 13, 5)]
    [TestCase(257, 129, 65)]
    [TestCase(5, 784, 10)]
    [TestCase(6, 32, 32)]
    [TestCase(100, 600, 70)]
    public void OddShapes_MatchTheReference(int m, int k, int n)
    {
        Tensor a = TensorGen.Randn(m * 1000 + k, m, k), b = TensorGen.Randn(n * 1000 + k, k, n);
        TensorAssert.Near(FastMatmul.Compute(a, b), Reference.Product(a, b),
            $"{m}×{k} @ {k}×{n}: edge tiles must be computed (zero padding) and written back only where C exists",
            atol: Reference.Atol(k));
    }

    [Test]
    public void ShortWideProduct_SplitsTheColumnsAcrossThreads_AndStillMatches()
    {
        // Fewer rows than one micro-tile but many columns: the work has to be shared out along n, not m.
        Tensor a = TensorGen.Randn(1, 5, 300), b = TensorGen.Randn(2, 300, 1000);
        TensorAssert.Near(FastMatmul.Compute(a, b), Reference.Product(a, b), "5×300 @ 300×1000", atol: Reference.Atol(300));
    }

    [Test]
    public void TransposedViews_AreReadThroughTheirStrides()
    {
        // a.T() and b.T() share storage with swapped strides; packing must follow the strides, not assume row-major.
        Tensor at = TensorGen.Randn(3, 129, 257), bt = TensorGen.Randn(4, 65, 129);
        Tensor a = at.T(), b = bt.T();
        Assert.That(a.IsContiguous || b.IsContiguous, Is.False, "the test needs genuinely strided inputs");
        TensorAssert.Near(FastMatmul.Compute(a, b), Reference.Product(a, b),
            "Aᵀ-view (257×129) @ Bᵀ-view (129×65)", atol: Reference.Atol(129));
    }

    [Test]
    public void SlicedViewsWithOffsetsAndSteps_AreReadThroughTheirStrides()
    {
        // Every other column of a wider matrix, starting one row down: an offset and a column stride of 2.
        Tensor wideA = TensorGen.Randn(5, 40, 90), wideB = TensorGen.Randn(6, 50, 70);
        Tensor a = wideA.Narrow(0, 1, 33).Slice(1, 0, 90, 2);   // 33×45
        Tensor b = wideB.Narrow(0, 3, 45).Narrow(1, 5, 61);     // 45×61, offset into the storage
        TensorAssert.Near(FastMatmul.Compute(a, b), Reference.Product(a, b),
            "a stepped, offset view of A times an offset view of B", atol: Reference.Atol(45));
    }

    [Test]
    public void Inputs_AreLeftUnchanged()
    {
        Tensor a = TensorGen.Randn(7, 20, 30), b = TensorGen.Randn(8, 30, 40);
        float[] aBefore = a.ToArray(), bBefore = b.ToArray();
        var c = FastMatmul.Compute(a, b);
        TensorAssert.HasShape(c, [20, 40], "20×30 @ 30×40");
        Assert.That(a.ToArray(), Is.EqualTo(aBefore), "packing copies A; it must never write into it");
        Assert.That(b.ToArray(), Is.EqualTo(bBefore), "packing copies B; it must never write into it");
    }

    [Test]
    public void EmptyInnerDimension_GivesZeros()
    {
        // A sum over nothing is 0, as in PyTorch: (3×0) @ (0×4) is a 3×4 matrix of zeros.
        TensorAssert.Equal(FastMatmul.Compute(Tensor.Zeros(3, 0), Tensor.Zeros(0, 4)), Tensor.Zeros(3, 4),
            "3×0 @ 0×4 sums over an empty k");
    }

    [Test]
    public void InnerSizesThatDiffer_ThrowPyTorchsMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => FastMatmul.Compute(Tensor.Zeros(5, 784), Tensor.Zeros(10, 784)),
            "784 columns cannot meet 10 rows");
        Assert.That(error!.Message, Does.Contain("mat1 and mat2 shapes cannot be multiplied (5x784 and 10x784)"));
    }

    [Test]
    public void NonMatrices_ThrowNamingTheShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => FastMatmul.Compute(Tensor.Zeros(2, 3, 4), Tensor.Zeros(4, 2)),
            "the fast product is for 2-D tensors");
        Assert.That(error!.Message, Does.Contain("[2, 3, 4]"), "the message should name the shape that is not 2-D");
    }

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public Property Product_MatchesTheReference_ForAnyShapeAndLayout() => Prop.ForAll(
        TensorGen.MatMulCase(max: 70), Gen.Elements(false, true).ToArbitrary(), Gen.Elements(false, true).ToArbitrary(),
        (c, transposeA, transposeB) =>
        {
            var rng = new Rng((ulong)c.Seed);
            // Build each operand either directly or as the transposed view of its transpose: same values, other strides.
            Tensor a = transposeA ? Tensor.Randn(rng, c.K, c.N).T() : Tensor.Randn(rng, c.N, c.K);
            Tensor b = transposeB ? Tensor.Randn(rng, c.M, c.K).T() : Tensor.Randn(rng, c.K, c.M);
            TensorAssert.Near(FastMatmul.Compute(a, b), Reference.Product(a, b),
                $"{c.N}×{c.K} @ {c.K}×{c.M} (A transposed view: {transposeA}, B transposed view: {transposeB}, seed {c.Seed})",
                atol: Reference.Atol(c.K));
        });

    [FsCheck.NUnit.Property(MaxTest = 30)]
    public Property TransposeOfAProduct_IsTheProductOfTransposesReversed() => Prop.ForAll(TensorGen.MatMulCase(max: 50), c =>
    {
        var rng = new Rng((ulong)c.Seed);
        Tensor a = Tensor.Randn(rng, c.N, c.K), b = Tensor.Randn(rng, c.K, c.M);
        TensorAssert.Near(FastMatmul.Compute(b.T(), a.T()), FastMatmul.Compute(a, b).T().Contiguous(),
            $"(AB)ᵀ = BᵀAᵀ with A {c.N}×{c.K}, B {c.K}×{c.M} (seed {c.Seed})", atol: Reference.Atol(c.K));
    });
}
