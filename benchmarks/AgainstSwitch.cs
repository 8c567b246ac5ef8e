namespace Benchmarks;

/// <summary>
/// Which side of the katas/solutions switch this build is on. BenchmarkDotNet rebuilds the benchmarks in a
/// generated child project and does not pass on <c>-p:Against=solutions</c>; MSBuild reads environment variables as
/// properties, so <see cref="Program.Main"/> sets <c>Against</c> before anything is built, and every child build
/// references the same assembly this one did (whatever job the command line asks for).
/// </summary>
internal static class AgainstSwitch
{
#if AGAINST_SOLUTIONS
    public const string Target = "solutions";
#else
    public const string Target = "katas";
#endif
}
