using BenchmarkDotNet.Attributes;
using Foundations;

namespace Benchmarks;

/// <summary>
/// The substrate's reductions along one dimension, on a batch of MNIST-sized rows (1000×784): down the
/// batch (<c>Sum(0)</c>, what a bias gradient does), along each row (<c>Sum(1)</c>, <c>Max(1)</c>), and on a
/// transposed view. The allocation column shows what a reduction costs beyond its result (1000 or 784 floats).
/// </summary>
[MemoryDiagnoser]
public class ReductionBenchmarks
{
    private Tensor _batch = null!;

    [GlobalSetup]
    public void Setup() => _batch = Tensor.Randn(new Rng(15), 1000, 784);

    [Benchmark(Baseline = true)]
    public Tensor SumDownTheBatch() => _batch.Sum(0);

    [Benchmark]
    public Tensor SumAlongRows() => _batch.Sum(1);

    [Benchmark]
    public Tensor SumOfTransposedView() => _batch.T().Sum(1);

    [Benchmark]
    public Tensor MaxAlongRows() => _batch.Max(1);

    [Benchmark]
    public Tensor StdDownTheBatch() => _batch.Std(0);
}
