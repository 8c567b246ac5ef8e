using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;

namespace Benchmarks.Ladder;

/// <summary>
/// Keeps out of every run of <see cref="MatmulLadder"/> (the ladder command, or <c>--filter '*MatmulLadder*'</c>)
/// the cases <see cref="LadderPlan"/> rules out, so a learner's stub is reported, never timed or crashed on.
/// </summary>
public class LadderConfig : ManualConfig
{
    public LadderConfig() => AddFilter(new SimpleFilter(Runs));

    private static bool Runs(BenchmarkCase benchmark) =>
        LadderPlan.WhyNot(benchmark.Descriptor.WorkloadMethod.Name, (string)benchmark.Parameters["Size"]) is null;
}
