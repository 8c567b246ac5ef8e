using BenchmarkDotNet.Jobs;

namespace Benchmarks;

/// <summary>
/// Keeps BenchmarkDotNet's child builds on the same side of the katas/solutions switch as this process.
/// BenchmarkDotNet rebuilds the benchmarks in a generated project and does not pass on <c>-p:Against=solutions</c>
/// by itself, so every job carries it as an MSBuild argument.
/// </summary>
internal static class AgainstSwitch
{
#if AGAINST_SOLUTIONS
    public const string Target = "solutions";
#else
    public const string Target = "katas";
#endif

    /// <summary><paramref name="job"/>, building its child project against the same <see cref="Target"/>.</summary>
    public static Job OnTheSameSide(Job job) => job.WithArguments([new MsBuildArgument($"-p:Against={Target}")]);
}
