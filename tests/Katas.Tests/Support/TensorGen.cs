using FsCheck;
using FsCheck.Fluent;
using Foundations;

namespace KataTests.Support;

/// <summary>FsCheck generators for tensor properties: small sizes and a seed for the values, so a failing
/// case prints as a handful of integers that replay exactly.</summary>
public static class TensorGen
{
    /// <summary>A size in 1..max.</summary>
    public static Gen<int> Size(int max = 8) => Gen.Choose(1, max);

    /// <summary>A seeded standard-normal tensor of the given shape.</summary>
    public static Tensor Randn(int seed, params int[] shape) => Tensor.Randn(new Rng((ulong)seed), shape);

    /// <summary>Arbitrary (rows, inner, columns, seed) for matrix products. A failing case shrinks to smaller sizes
    /// (same seed), so the counterexample a learner reads is as small as the mistake allows.</summary>
    public static Arbitrary<MatmulSizes> MatmulCase(int max = 12) => Arb.From(
        from n in Size(max) from k in Size(max) from m in Size(max) from seed in Gen.Choose(0, 100_000)
        select new MatmulSizes(n, k, m, seed),
        Smaller);

    /// <summary>Each size in turn cut to 1, to half, and by one; the seed stays.</summary>
    private static IEnumerable<MatmulSizes> Smaller(MatmulSizes c)
    {
        foreach (int n in SmallerSize(c.N)) yield return c with { N = n };
        foreach (int k in SmallerSize(c.K)) yield return c with { K = k };
        foreach (int m in SmallerSize(c.M)) yield return c with { M = m };
    }

    private static IEnumerable<int> SmallerSize(int size) => new[] { 1, size / 2, size - 1 }.Where(s => s >= 1 && s < size).Distinct();
}
