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

    /// <summary>Arbitrary (rows, inner, columns, seed) for matrix products.</summary>
    public static Arbitrary<(int N, int K, int M, int Seed)> MatmulCase(int max = 12) =>
        (from n in Size(max) from k in Size(max) from m in Size(max) from seed in Gen.Choose(0, 100_000)
         select (n, k, m, seed)).ToArbitrary();
}
