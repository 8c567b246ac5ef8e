using FsCheck;
using FsCheck.Fluent;
using Foundations;
using Katas.FastMatmul;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K06_FastMatmul;

/// <summary>Step 5: the whole product — blocks, micro-kernel and one rectangle of C per core. It keeps the contract
/// every matrix product of the katas keeps (Support/MatmulContract) and adds what blocking, vectors and threads can
/// break.</summary>
[Category("K06")]
public class Step5_ThreadsTests() : MatmulContract(ParallelMatmul.Multiply, "c[i, j] = Σₖ a[i, k]·b[k, j], however the loops are arranged")
{
    // Large enough that k is cut into several blocks and C into several micro-tiles.
    protected override int MaxPropertySize => 70;

    protected override double Atol(int k) => Reference.Atol(k);

    // 1×1: a single multiply. 7×13@13×5: nothing is a multiple of a vector or a micro-tile.
    // 257×129@129×65: one row and one column past a power of two, big enough to use every core.
    // 5×784@784×10: the chapter's case, fewer rows than one micro-tile.
    [TestCase(1, 1, 1)]
    [TestCase(7, 13, 5)]
    [TestCase(257, 129, 65)]
    [TestCase(5, 784, 10)]
    [TestCase(6, 32, 32)]
    [TestCase(100, 600, 70)]
    public void OddShapes_MatchTheReference(int m, int k, int n)
    {
        Tensor a = TensorGen.Randn(m * 1000 + k, m, k), b = TensorGen.Randn(n * 1000 + k, k, n);
        TensorAssert.Near(ParallelMatmul.Multiply(a, b), Reference.Product(a, b),
            $"{m}×{k} @ {k}×{n}: edge tiles must be computed (zero padding) and written back only where C exists",
            atol: Reference.Atol(k));
    }

    // 1, 2 and 3 threads cut C differently (3 leaves uneven shares); every width runs the same cuts.
    [Test]
    public void EveryWidthAndThreadCount_GivesTheSameProduct(
        [Values(VectorWidth.Bits128, VectorWidth.Bits256, VectorWidth.Bits512)] VectorWidth width,
        [Values(1, 2, 3)] int threads)
    {
        Tensor a = TensorGen.Randn(41, 100, 300), b = TensorGen.Randn(42, 300, 70);
        TensorAssert.Near(ParallelMatmul.Multiply(a, b, width, threads), Reference.Product(a, b),
            $"100×300 @ 300×70 with {(int)width}-bit vectors on {threads} thread(s)", atol: Reference.Atol(300));
    }

    // Small products (up to 65,536 multiply-adds) may skip packing and threads; that path must hold at every width too.
    // n = 10, 17 and 37 leave columns that do not fill a vector (10 is narrower than one 512-bit vector, 3 narrower
    // than any); k = 9 and 31 are not multiples of an unrolled loop; 8 and 9 rows are more than one group of rows.
    [Test]
    public void SmallProducts_MatchTheReference_AtEveryWidth(
        [Values(VectorWidth.Bits128, VectorWidth.Bits256, VectorWidth.Bits512)] VectorWidth width,
        [Values(new[] { 5, 784, 10 }, new[] { 3, 9, 37 }, new[] { 1, 1, 1 }, new[] { 8, 31, 17 }, new[] { 9, 40, 3 })] int[] shape)
    {
        int m = shape[0], k = shape[1], n = shape[2];
        Tensor a = TensorGen.Randn(m * 100 + n, m, k), b = TensorGen.Randn(k * 100 + n, k, n);
        TensorAssert.Near(ParallelMatmul.Multiply(a, b, width, 1), Reference.Product(a, b),
            $"{m}×{k} @ {k}×{n} with {(int)width}-bit vectors: every column, including those past the last whole vector",
            atol: Reference.Atol(k));
    }

    [Test]
    public void SmallProduct_ReadsViewsThroughTheirStrides()
    {
        // A transposed A and every other column of B: a small product must not assume row-major operands either.
        Tensor a = TensorGen.Randn(51, 40, 6).T(), b = TensorGen.Randn(52, 40, 26).Slice(1, 1, 26, 2);
        TensorAssert.Near(ParallelMatmul.Multiply(a, b), Reference.Product(a, b), "Aᵀ-view (6×40) @ a stepped view of B (40×13)",
            atol: Reference.Atol(40));
    }

    [Test]
    public void ShortWideProduct_SplitsTheColumnsAcrossThreads_AndStillMatches()
    {
        // Fewer rows than one micro-tile but many columns: the work has to be shared out along n, not m.
        Tensor a = TensorGen.Randn(1, 5, 300), b = TensorGen.Randn(2, 300, 1000);
        TensorAssert.Near(ParallelMatmul.Multiply(a, b, HardwareWidth.Preferred, 2), Reference.Product(a, b), "5×300 @ 300×1000",
            atol: Reference.Atol(300));
    }

    [Test]
    public void ADepthThatDoesNotSplitEvenly_MatchesTheReference()
    {
        // k = 301 is cut into slices of 151 and 150: the last slice is shorter than the others.
        Tensor a = TensorGen.Randn(57, 30, 301), b = TensorGen.Randn(58, 301, 20);
        TensorAssert.Near(ParallelMatmul.Multiply(a, b), Reference.Product(a, b), "30×301 @ 301×20", atol: Reference.Atol(301));
    }

    [Test]
    public void AProductWiderThanOneSliceOfB_MatchesTheReference()
    {
        // 4100 columns: more than one nc-wide slice of B (4096), so the slice loop runs twice and the second slice's
        // tiles must land at column 4096 of C, not at column 0.
        Tensor a = TensorGen.Randn(53, 7, 3), b = TensorGen.Randn(54, 3, 4100);
        TensorAssert.Near(ParallelMatmul.Multiply(a, b, HardwareWidth.Preferred, 2), Reference.Product(a, b), "7×3 @ 3×4100",
            atol: Reference.Atol(3));
    }

    [Test]
    public void TransposedViews_AreReadThroughTheirStrides()
    {
        // a.T() and b.T() share storage with swapped strides; packing must follow the strides, not assume row-major.
        Tensor at = TensorGen.Randn(3, 129, 257), bt = TensorGen.Randn(4, 65, 129);
        Tensor a = at.T(), b = bt.T();
        Assert.That(a.IsContiguous || b.IsContiguous, Is.False, "the test needs genuinely strided inputs");
        TensorAssert.Near(ParallelMatmul.Multiply(a, b), Reference.Product(a, b),
            "Aᵀ-view (257×129) @ Bᵀ-view (129×65)", atol: Reference.Atol(129));
    }

    [Test]
    public void Inputs_AreLeftUnchanged()
    {
        Tensor a = TensorGen.Randn(7, 20, 30), b = TensorGen.Randn(8, 30, 40);
        float[] aBefore = a.ToArray(), bBefore = b.ToArray();
        var c = ParallelMatmul.Multiply(a, b);
        TensorAssert.HasShape(c, [20, 40], "20×30 @ 30×40");
        Assert.That(a.ToArray(), Is.EqualTo(aBefore), "packing copies A; it must never write into it");
        Assert.That(b.ToArray(), Is.EqualTo(bBefore), "packing copies B; it must never write into it");
    }

    [Test]
    public void EmptyInnerDimension_GivesZeros()
    {
        TensorAssert.Equal(ParallelMatmul.Multiply(Tensor.Zeros(3, 0), Tensor.Zeros(0, 4)), Tensor.Zeros(3, 4),
            "3×0 @ 0×4 sums over an empty k");
    }

    [Test]
    public void ZeroThreads_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ParallelMatmul.Multiply(Tensor.Zeros(2, 2), Tensor.Zeros(2, 2), VectorWidth.Bits256, 0),
            "a product needs at least one thread");
    }

    [PropertyTest("The parallel product equals the reference for every shape, whether each operand is contiguous or a transposed view.", MaxTest = 60)]
    public Property Product_MatchesTheReference_ForAnyShapeAndLayout() => Prop.ForAll(
        TensorGen.MatmulCase(max: 70), Gen.Elements(false, true).ToArbitrary(), Gen.Elements(false, true).ToArbitrary(),
        (c, transposeA, transposeB) =>
        {
            var rng = new Rng((ulong)c.Seed);
            // Build each operand either directly or as the transposed view of its transpose: same values, other strides.
            Tensor a = transposeA ? Tensor.Randn(rng, c.K, c.N).T() : Tensor.Randn(rng, c.N, c.K);
            Tensor b = transposeB ? Tensor.Randn(rng, c.M, c.K).T() : Tensor.Randn(rng, c.K, c.M);
            TensorAssert.Near(ParallelMatmul.Multiply(a, b), Reference.Product(a, b),
                $"{c.N}×{c.K} @ {c.K}×{c.M} (A transposed view: {transposeA}, B transposed view: {transposeB}, seed {c.Seed})",
                atol: Reference.Atol(c.K));
        });

    // Seeded (a fixed Replay), so every run tries the same 30 cases, with sizes up to 70, so that some of them are big
    // enough to be packed and cut into tiles with edges: a mistake then fails this test on every run or on none.
    [PropertyTest("Bᵀ @ Aᵀ = (A @ B)ᵀ.", MaxTest = 30, Replay = "(20190817,11400714819323198485)")]
    public Property TransposeOfAProduct_IsTheProductOfTransposesReversed() => Prop.ForAll(TensorGen.MatmulCase(max: MaxPropertySize), c =>
    {
        var rng = new Rng((ulong)c.Seed);
        Tensor a = Tensor.Randn(rng, c.N, c.K), b = Tensor.Randn(rng, c.K, c.M);
        TensorAssert.Near(ParallelMatmul.Multiply(b.T(), a.T()), ParallelMatmul.Multiply(a, b).T().Contiguous(),
            $"(AB)ᵀ = BᵀAᵀ with A {c.N}×{c.K}, B {c.K}×{c.M} (seed {c.Seed})", atol: Reference.Atol(c.K));
    });
}
