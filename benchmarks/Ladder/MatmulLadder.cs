using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using Foundations;

namespace Benchmarks.Ladder;

/// <summary>
/// The timing ladder: one matrix product, every way the katas compute it (<see cref="LadderLevels"/>), at every size.
/// BenchmarkDotNet runs each level × size pair as one case. Run it with <c>--ladder</c> (see <see cref="LadderCommand"/>)
/// for the summary table and chart; a level that is not implemented, fails, or would be too slow at a size is
/// filtered out before anything is timed.
/// </summary>
[Config(typeof(RunnableOnly))]
public class MatmulLadder
{
    private Tensor _a = null!, _b = null!;
    private LevelProduct _product = null!;

    public static IEnumerable<string> Levels => LadderLevels.All.Select(level => level.Name);

    /// <summary>m×k @ k×n, as "5x784@784x10". The command picks the sizes of its mode from these.</summary>
    public static IEnumerable<string> Sizes => ["5x784@784x10", MatmulShape.Square(64), MatmulShape.Square(512), MatmulShape.Square(1024), MatmulShape.Square(2048)];

    [ParamsSource(nameof(Levels))]
    public string Level { get; set; } = "";

    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "";

    /// <summary>The same seeded inputs for every level; only the product changes.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var shape = MatmulShape.Parse(Size);
        var rng = new Rng(2019);
        _a = Tensor.Randn(rng, shape.M, shape.K);
        _b = Tensor.Randn(rng, shape.K, shape.N);
        _product = LadderLevels.Named(Level).Open();
    }

    [GlobalCleanup]
    public void Cleanup() => _product?.Dispose();

    [Benchmark]
    public Tensor Multiply() => _product.Multiply(_a, _b);

    /// <summary>Keeps out every case <see cref="LadderLevels.WhyNot"/> rules out, so a stub is reported, never timed.</summary>
    private sealed class RunnableOnly : ManualConfig
    {
        public RunnableOnly() => AddFilter(new SimpleFilter(benchmark =>
            LadderLevels.WhyNot((string)benchmark.Parameters[nameof(Level)], (string)benchmark.Parameters[nameof(Size)]) is null));
    }
}
