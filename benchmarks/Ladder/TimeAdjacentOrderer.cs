using System.Collections.Immutable;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Benchmarks.Ladder;

/// <summary>
/// Runs the ladder size by size, and within a size the rungs compared with OpenBLAS right next to it: on a shared
/// machine the speed drifts over minutes, so a ratio is only as good as the time between its two measurements.
/// (BenchmarkDotNet's own order runs one level at every size, then the next level: OpenBLAS at 512² came several
/// minutes after K06 at 512², with the OpenCL rungs in between.) Everything else is BenchmarkDotNet's default.
/// </summary>
internal sealed class TimeAdjacentOrderer : IOrderer
{
    /// <summary>The levels first in each size, in this order; OpenBLAS in the middle of the ones compared with it.</summary>
    private static readonly string[] First = ["Einsum", "Matmul", "Fast", LadderLevels.Yardstick, "Portable", "OpenClRegisterBlocked"];

    private readonly IOrderer _default = DefaultOrderer.Instance;

    public IEnumerable<BenchmarkCase> GetExecutionOrder(ImmutableArray<BenchmarkCase> benchmarksCase, IEnumerable<BenchmarkLogicalGroupRule>? order = null) =>
        _default.GetExecutionOrder(benchmarksCase, order)
            .OrderBy(c => MatmulLadder.Sizes.ToList().IndexOf(Parameter(c, nameof(MatmulLadder.Size))))
            .ThenBy(c => Rank(Parameter(c, nameof(MatmulLadder.Level))));

    /// <summary>Where a level runs within its size: the ones in <see cref="First"/> in that order, then the rest in ladder order.</summary>
    internal static int Rank(string level) =>
        Array.IndexOf(First, level) is var i and >= 0 ? i : First.Length + LadderLevels.All.ToList().FindIndex(l => l.Name == level);

    private static string Parameter(BenchmarkCase c, string name) => (string)c.Parameters[name];

    public IEnumerable<BenchmarkCase> GetSummaryOrder(ImmutableArray<BenchmarkCase> benchmarksCases, Summary summary) =>
        _default.GetSummaryOrder(benchmarksCases, summary);

    public string? GetHighlightGroupKey(BenchmarkCase benchmarkCase) => _default.GetHighlightGroupKey(benchmarkCase);

    public string? GetLogicalGroupKey(ImmutableArray<BenchmarkCase> allBenchmarksCases, BenchmarkCase benchmarkCase) =>
        _default.GetLogicalGroupKey(allBenchmarksCases, benchmarkCase);

    public IEnumerable<IGrouping<string, BenchmarkCase>> GetLogicalGroupOrder(IEnumerable<IGrouping<string, BenchmarkCase>> logicalGroups,
        IEnumerable<BenchmarkLogicalGroupRule>? order = null) => _default.GetLogicalGroupOrder(logicalGroups, order);

    public bool SeparateLogicalGroups => _default.SeparateLogicalGroups;
}
