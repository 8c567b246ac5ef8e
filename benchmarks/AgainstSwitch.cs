using System.Runtime.CompilerServices;

namespace Benchmarks;

/// <summary>
/// Keeps BenchmarkDotNet's child builds on the same side of the katas/solutions switch as this
/// process. BenchmarkDotNet rebuilds the benchmarks in a generated project and does not pass on
/// <c>-p:Against=solutions</c>; MSBuild reads environment variables as properties, so setting
/// <c>Against</c> here makes every child build reference the same assembly this one did.
/// </summary>
internal static class AgainstSwitch
{
#if AGAINST_SOLUTIONS
    public const string Target = "solutions";
#else
    public const string Target = "katas";
#endif

    [ModuleInitializer]
    internal static void PassToChildBuilds() => Environment.SetEnvironmentVariable("Against", Target);
}
