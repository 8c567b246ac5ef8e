using BenchmarkDotNet.Attributes;
using Foundations;

namespace Benchmarks.Ladder;

/// <summary>
/// The timing ladder: one matrix product, every way the katas compute it, from three loops to OpenBLAS.
/// Run it with <c>dotnet run -c Release --project benchmarks -- --ladder</c> for the summary table and chart;
/// levels that are not implemented, fail, or would be too slow at a size are filtered out (see <see cref="LadderPlan"/>).
/// </summary>
[Config(typeof(LadderConfig))]
public class MatmulLadder
{
    private Tensor _a = null!, _b = null!;
    private Func<Tensor, Tensor, Tensor> _product = null!;
    private IDisposable? _owner;

    public static IEnumerable<string> Sizes => LadderPlan.Sizes;

    /// <summary>m×k @ k×n, as "5x784@784x10".</summary>
    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "";

    [GlobalSetup(Target = nameof(ThreeLoops))] public void SetupThreeLoops() => Setup(nameof(ThreeLoops));
    [GlobalSetup(Target = nameof(TwoLoops))] public void SetupTwoLoops() => Setup(nameof(TwoLoops));
    [GlobalSetup(Target = nameof(OneLoop))] public void SetupOneLoop() => Setup(nameof(OneLoop));
    [GlobalSetup(Target = nameof(Einsum))] public void SetupEinsum() => Setup(nameof(Einsum));
    [GlobalSetup(Target = nameof(Fast))] public void SetupFast() => Setup(nameof(Fast));
    [GlobalSetup(Target = nameof(MatMul))] public void SetupMatMul() => Setup(nameof(MatMul));
    [GlobalSetup(Target = nameof(OpenClNaive))] public void SetupOpenClNaive() => Setup(nameof(OpenClNaive));
    [GlobalSetup(Target = nameof(OpenClTiled))] public void SetupOpenClTiled() => Setup(nameof(OpenClTiled));
    [GlobalSetup(Target = nameof(OpenClRegisterBlocked))] public void SetupOpenClRegisterBlocked() => Setup(nameof(OpenClRegisterBlocked));
    [GlobalSetup(Target = nameof(OpenBlas))] public void SetupOpenBlas() => Setup(nameof(OpenBlas));

    [GlobalCleanup]
    public void Cleanup() => _owner?.Dispose();

    [Benchmark] public Tensor ThreeLoops() => _product(_a, _b);
    [Benchmark] public Tensor TwoLoops() => _product(_a, _b);
    [Benchmark] public Tensor OneLoop() => _product(_a, _b);
    [Benchmark] public Tensor Einsum() => _product(_a, _b);
    [Benchmark] public Tensor Fast() => _product(_a, _b);
    [Benchmark] public Tensor MatMul() => _product(_a, _b);
    [Benchmark] public Tensor OpenClNaive() => _product(_a, _b);
    [Benchmark] public Tensor OpenClTiled() => _product(_a, _b);
    [Benchmark] public Tensor OpenClRegisterBlocked() => _product(_a, _b);
    [Benchmark] public Tensor OpenBlas() => _product(_a, _b);

    /// <summary>The same seeded inputs for every level; only the product changes.</summary>
    private void Setup(string level)
    {
        var shape = MatmulShape.Parse(Size);
        var rng = new Rng(2019);
        _a = Tensor.Randn(rng, shape.M, shape.K);
        _b = Tensor.Randn(rng, shape.K, shape.N);
        _product = LadderLevel.Named(level).Bind(out _owner, out string missing)
                   ?? throw new InvalidOperationException($"{level} cannot run: {missing}");
    }
}
