using BenchmarkDotNet.Attributes;
using Foundations;

namespace Benchmarks;

/// <summary>The substrate's own MatMul on square matrices: GFLOP/s = 2·n³ / time.</summary>
[MemoryDiagnoser]
public class SubstrateMatMulBenchmarks
{
    private Tensor _a = null!, _b = null!;

    [Params(512)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Rng(42);
        _a = Tensor.Randn(rng, N, N);
        _b = Tensor.Randn(rng, N, N);
    }

    [Benchmark]
    public Tensor MatMul() => Tensor.MatMul(_a, _b);
}
