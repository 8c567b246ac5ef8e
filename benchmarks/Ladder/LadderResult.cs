namespace Benchmarks.Ladder;

/// <summary>
/// One level at one size: its measured mean time, or why it has none, and the ratios the summary shows.
/// Ratios compare means from the same BenchmarkDotNet run.
/// </summary>
internal sealed record LadderResult(LadderLevel Level, MatmulShape Shape, double? Nanoseconds, string? Note)
{
    public double? GigaflopsPerSecond => Nanoseconds is { } ns ? Shape.Flops / ns : null;

    /// <summary>How many times faster than ThreeLoops; <paramref name="estimated"/> when ThreeLoops was skipped at this
    /// size and its time is extrapolated from a smaller size by the number of multiply-adds.</summary>
    public double? SpeedupOver(double? threeLoopsNanoseconds) =>
        Nanoseconds is { } ns && threeLoopsNanoseconds is { } baseline ? baseline / ns : null;

    /// <summary>This level's throughput as a percentage of OpenBLAS's at the same size.</summary>
    public double? PercentOf(double? openBlasNanoseconds) =>
        Nanoseconds is { } ns && openBlasNanoseconds is { } blas ? 100 * blas / ns : null;

    public static string FormatTime(double nanoseconds) => nanoseconds switch
    {
        < 1e3 => $"{nanoseconds:0.0} ns",
        < 1e6 => $"{nanoseconds / 1e3:0.00} µs",
        < 1e9 => $"{nanoseconds / 1e6:0.00} ms",
        _ => $"{nanoseconds / 1e9:0.00} s",
    };
}
