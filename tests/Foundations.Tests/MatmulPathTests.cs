using NUnit.Framework;

namespace Foundations.Tests;

/// <summary>
/// Every path of the substrate's product on every machine: the portable kernel at each vector width (a width the
/// CPU does not accelerate is emulated, so the shapes stay small), on one and on several threads, and OpenBLAS.
/// </summary>
[Category("Foundations")]
public class MatmulPathTests
{
    // A float32 sum of k products, against the loop's double sum: each addition may round by ~6e-8 of a running sum
    // that grows like √k, so the absolute error grows about like k·1e-7 (the tolerance K06's tests use too).
    private static void AssertEqualsLoop(Tensor a, Tensor b, Tensor actual, string what)
    {
        Tensor expected = Tensor.FromArray(Reference.Matmul(a, b));
        Assert.That(actual.Shape, Is.EqualTo(expected.Shape), what);
        Assert.That(actual.AllClose(expected, rtol: 1e-3, atol: 1e-5 + 1e-6 * a.Shape[1]), Is.True, $"{what}\nexpected {expected}\nactual   {actual}");
    }

    // 7×13 @ 13×5, 5×784 @ 784×10, 8×31 @ 31×17 and 9×40 @ 40×3: the small-product path (no packing): columns past the
    // last whole vector, rows narrower than a 512-bit vector (10) or than any (3), one and two groups of four rows.
    // 150×300 @ 300×45: two row blocks (mc 144), two k slices (kc 256), edge tiles, and above the threshold where the
    // work is split across threads.
    [Test]
    public void PortableKernel_EqualsTheLoop_AtEveryWidth([Values(128, 256, 512)] int bits, [Values(1, 2, 3)] int threads)
    {
        var rng = new Rng((ulong)(bits + threads));
        foreach (var (m, k, n) in new[] { (7, 13, 5), (5, 784, 10), (8, 31, 17), (9, 40, 3), (150, 300, 45) })
        {
            Tensor a = Tensor.Randn(rng, m, k), b = Tensor.Randn(rng, k, n);
            AssertEqualsLoop(a, b, BlockedGemm.Multiply(a, b, bits, threads), $"{m}×{k} @ {k}×{n}, {bits}-bit vectors, {threads} thread(s)");
        }
    }

    [Test]
    public void PortableKernel_ReadsViewsThroughTheirStrides([Values(128, 256, 512)] int bits)
    {
        var rng = new Rng(77);
        Tensor a = Tensor.Randn(rng, 40, 31).T(), b = Tensor.Randn(rng, 45, 70).Narrow(0, 2, 40).Slice(1, 1, 70, 2);
        AssertEqualsLoop(a, b, BlockedGemm.Multiply(a, b, bits, 2), $"Aᵀ-view @ a stepped view of B, {bits}-bit vectors");
    }

    // B's rows as a view 70 columns wide from column 3 (stride 80, offset 3): row-major, so whole panels take the fast
    // copy, which must start at the view's offset; the panel after the last whole one is padded (70 is no multiple of 8,
    // 16 or 32). 150 rows and k = 300: two row blocks and two k slices.
    [Test]
    public void PortableKernel_PacksARowMajorViewOfBFromItsOffset([Values(128, 256, 512)] int bits)
    {
        var rng = new Rng(80);
        Tensor a = Tensor.Randn(rng, 150, 300), b = Tensor.Randn(rng, 300, 80).Narrow(1, 3, 70);
        AssertEqualsLoop(a, b, BlockedGemm.Multiply(a, b, bits, 2), $"150×300 @ a 300×70 view from column 3, {bits}-bit vectors");
    }

    [Test]
    public void PortableKernel_SplitsShortWideProductsByColumns()
    {
        var rng = new Rng(78);
        Tensor a = Tensor.Randn(rng, 5, 300), b = Tensor.Randn(rng, 300, 1000);
        AssertEqualsLoop(a, b, BlockedGemm.Multiply(a, b, BlockedGemm.PreferredBits, 2), "5×300 @ 300×1000 on two threads");
    }

    [Test]
    public void OpenBlas_EqualsTheLoop_WhenInstalled()
    {
        if (!OpenBlasGemm.IsAvailable) Assert.Ignore("libopenblas is not installed here (apt-get install libopenblas0); CI installs it");
        var rng = new Rng(79);
        foreach (var (m, k, n) in new[] { (1, 1, 1), (7, 13, 5), (5, 784, 10), (130, 70, 90) })
        {
            Tensor a = Tensor.Randn(rng, m, k), b = Tensor.Randn(rng, k, n);
            AssertEqualsLoop(a, b, OpenBlasGemm.Multiply(a, b), $"OpenBLAS {m}×{k} @ {k}×{n}");
        }
        Tensor at = Tensor.Randn(rng, 9, 12).T(), bs = Tensor.Randn(rng, 20, 30).Narrow(0, 3, 9).Slice(1, 0, 30, 3);
        AssertEqualsLoop(at, bs, OpenBlasGemm.Multiply(at, bs), "OpenBLAS on strided views (copied first)");
    }

    [Test]
    public void OpenBlas_ReadsTransposedAndNarrowedViewsInPlace_AndEqualsTheLoop()
    {
        if (!OpenBlasGemm.IsAvailable) Assert.Ignore("libopenblas is not installed here (apt-get install libopenblas0); CI installs it");
        var rng = new Rng(80);
        // Handed to BLAS with its transpose flag (aᵀ, bᵀ) or its row stride (columns 2..15 of a wider matrix), not copied.
        Tensor at = Tensor.Randn(rng, 13, 7).T(), bt = Tensor.Randn(rng, 5, 13).T();
        Tensor wide = Tensor.Randn(rng, 7, 20).Narrow(1, 2, 13), column = Tensor.Randn(rng, 13, 1);
        AssertEqualsLoop(at, bt, OpenBlasGemm.Multiply(at, bt), "OpenBLAS aᵀ-view (7×13) @ bᵀ-view (13×5)");
        AssertEqualsLoop(wide, bt, OpenBlasGemm.Multiply(wide, bt), "OpenBLAS columns 2..15 of a 7×20 matrix @ bᵀ-view (13×5)");
        AssertEqualsLoop(at, column, OpenBlasGemm.Multiply(at, column), "OpenBLAS aᵀ-view (7×13) @ a 13×1 column");
    }

    [Test]
    public void TheBackend_SaysWhichProductRuns()
    {
        string backend = Tensor.MatmulBackend;
        if (CpuMatmulKernel.UsesOpenBlas) Assert.That(backend, Does.Contain("OpenBLAS").Or.Contain("openblas"), backend);
        else Assert.That(backend, Does.Contain("portable blocked kernel").And.Contain($"{BlockedGemm.PreferredBits}-bit"), backend);
        if (OpenBlasGemm.KernelIsBehindCpu)
            Assert.That(backend, Does.Contain($"picked its {OpenBlasGemm.CoreName} kernel").And.Contain("export OPENBLAS_CORETYPE="), backend);
    }

    // OpenBLAS 0.3.21 on an Intel Emerald Rapids picks Prescott (seen on a CI machine); on a Zen 3 it picks Zen.
    [TestCase("Prescott", true, true)]
    [TestCase("Sandybridge", true, true)]
    [TestCase("Nehalem", true, true)]
    [TestCase("Haswell", true, false)]
    [TestCase("Zen", true, false)]
    [TestCase("SkylakeX", true, false)]
    [TestCase("cooperlake", true, false)]
    [TestCase("Prescott", false, false)]
    public void AnOpenBlasKernelWithoutFma_IsBehindACpuWithIt(string core, bool cpuHasAvx2Fma, bool behind) =>
        Assert.That(OpenBlasCores.IsBehind(core, cpuHasAvx2Fma), Is.EqualTo(behind), $"OpenBLAS kernel {core} on a CPU {(cpuHasAvx2Fma ? "with" : "without")} AVX2 + FMA");

    [Test]
    public void TheSuggestedCoreType_MatchesTheWidestVectors()
    {
        Assert.That(OpenBlasCores.Suggested(cpuHasAvx512: true), Is.EqualTo("SkylakeX"));
        Assert.That(OpenBlasCores.Suggested(cpuHasAvx512: false), Is.EqualTo("Haswell"));
    }

    // On a CPU whose kernel OpenBLAS does not know, the product must not go to its slow fallback kernel.
    [Test]
    public void AnOpenBlasBehindTheCpu_IsNotUsed()
    {
        if (!OpenBlasGemm.IsAvailable) Assert.Ignore("libopenblas is not installed here (apt-get install libopenblas0); CI installs it");
        Assert.That(CpuMatmulKernel.UsesOpenBlas && OpenBlasGemm.KernelIsBehindCpu, Is.False,
            $"the substrate uses OpenBLAS's {OpenBlasGemm.CoreName} kernel, which is behind this CPU");
    }
}
