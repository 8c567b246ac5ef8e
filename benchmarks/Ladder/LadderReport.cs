using System.Globalization;
using System.Runtime.Intrinsics;
using System.Text;
using BenchmarkDotNet.Reports;
using Charts;

namespace Benchmarks.Ladder;

/// <summary>
/// One level at one size: its mean time in each round (null where it produced none), or why it has none at all.
/// With several rounds its time is the median of the rounds' means.
/// </summary>
internal sealed record LadderResult(LadderLevel Level, MatmulShape Shape, IReadOnlyList<double?> Rounds, string? Note)
{
    public double? Nanoseconds => Rounds.Count > 0 && Rounds.All(ns => ns is not null) ? Median(Rounds.Select(ns => ns!.Value)) : null;

    public double? GigaflopsPerSecond => Nanoseconds is { } ns ? Shape.Flops / ns : null;

    /// <summary>The middle value (the mean of the two middle ones for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        int middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

/// <summary>
/// Turns one or more BenchmarkDotNet runs (rounds) of <see cref="MatmulLadder"/> into the ladder: per size, every
/// level's time, GFLOP/s, speedup over ThreeLoops and percentage of OpenBLAS, as Markdown, as a ScottPlot chart (PNG
/// and SVG) and as a terminal bar chart. GFLOP/s go on a log scale: the rungs span five or six powers of ten.
/// </summary>
/// <remarks>
/// Why rounds: BenchmarkDotNet times each case in a process of its own, and on a shared machine a two-thread product
/// can run 15–30 % faster or slower in one process than in the next. A ratio to OpenBLAS from one round carries that
/// error; the median of several rounds' ratios, each taken between two neighbouring processes, does much less.
/// </remarks>
internal sealed class LadderReport
{
    private const string Baseline = "ThreeLoops";
    private readonly string _mode, _note;
    private readonly int _rounds;
    private readonly List<MatmulShape> _shapes;

    /// <param name="note">Said about the run in the Markdown and on the chart, e.g. "machine shared with other builds".</param>
    /// <param name="levels">The levels asked for with --levels, or null for all of them.</param>
    /// <param name="rounds">Each round's BenchmarkDotNet summary: the same cases, run one round after the other.</param>
    public LadderReport(IReadOnlyList<Summary> rounds, IReadOnlyList<string> sizes, string mode, string note = "", IReadOnlySet<string>? levels = null)
    {
        _mode = mode;
        _note = note;
        _rounds = rounds.Count;
        _shapes = sizes.Select(MatmulShape.Parse).ToList();
        Results = (from size in sizes
                   from level in LadderLevels.All
                   select levels is null || levels.Contains(level.Name)
                       ? Measure(rounds, level, size)
                       : new LadderResult(level, MatmulShape.Parse(size), [], "left out (--levels)")).ToList();
    }

    public IReadOnlyList<LadderResult> Results { get; }

    private static LadderResult Measure(IReadOnlyList<Summary> rounds, LadderLevel level, string size)
    {
        var shape = MatmulShape.Parse(size);
        if (LadderLevels.WhyNot(level.Name, size) is { } reason) return new LadderResult(level, shape, [], reason);
        return new LadderResult(level, shape, rounds.Select(summary => summary.Reports.FirstOrDefault(r =>
            (string)r.BenchmarkCase.Parameters[nameof(MatmulLadder.Level)] == level.Name &&
            (string)r.BenchmarkCase.Parameters[nameof(MatmulLadder.Size)] == size)?.ResultStatistics?.Mean).ToList(), null);
    }

    private IEnumerable<LadderResult> At(MatmulShape shape) => Results.Where(r => r.Shape == shape);

    private LadderResult Level(string name, MatmulShape shape) => At(shape).First(r => r.Level.Name == name);

    private double? Time(string level, MatmulShape shape) => Level(level, shape).Nanoseconds;

    /// <summary>ThreeLoops' time at this size, or (estimated) its time per multiply-add at the largest size it ran times
    /// this size's multiply-adds. Bigger sizes are slower per multiply-add, so the estimate flatters it.</summary>
    private (double? Nanoseconds, bool Estimated) BaselineTime(MatmulShape shape)
    {
        if (Time(Baseline, shape) is { } measured) return (measured, false);
        var largest = Results.Where(r => r.Level.Name == Baseline && r.Nanoseconds is not null).MaxBy(r => r.Shape.Fmas);
        return largest is null ? (null, false) : (largest.Nanoseconds!.Value / largest.Shape.Fmas * shape.Fmas, true);
    }

    /// <summary>
    /// The Matmul rung's time over the OpenBlas rung's, round by round: one library measured twice, so how far apart
    /// the noise alone puts two levels. Empty when either is missing, on a dry run, or when Matmul is not OpenBLAS.
    /// </summary>
    private IReadOnlyList<double> SameLibraryTwice(MatmulShape shape) =>
        _mode != "dry" && Foundations.CpuMatmulKernel.WouldUseOpenBlas()
            ? RoundRatios(Level("Matmul", shape), Level(LadderLevels.Yardstick, shape)) : [];

    /// <summary><paramref name="numerator"/>'s time over <paramref name="denominator"/>'s in each round where both ran.</summary>
    private static IReadOnlyList<double> RoundRatios(LadderResult numerator, LadderResult denominator) =>
        numerator.Rounds.Zip(denominator.Rounds, (n, d) => n is { } top && d is { } bottom ? top / bottom : (double?)null)
            .OfType<double>().ToList();

    /// <summary>This level's speed as a percentage of OpenBLAS's, each round's (OpenBLAS's time / the level's, same round).</summary>
    private IReadOnlyList<double> RoundPercents(LadderResult r) =>
        RoundRatios(Level(LadderLevels.Yardstick, r.Shape), r).Select(ratio => 100 * ratio).ToList();

    /// <summary>The median percentage of OpenBLAS over the rounds, or null where there is none.</summary>
    private double? Percent(LadderResult r) => RoundPercents(r) is { Count: > 0 } percents ? LadderResult.Median(percents) : null;

    /// <summary>With several rounds, each round's value in round order, e.g. " (rounds: 92, 80, 88)"; nothing for one round.</summary>
    private string EachRound(IReadOnlyList<double> values, string format) =>
        _rounds > 1 && values.Count > 0 ? $" (rounds: {string.Join(", ", values.Select(v => v.ToString(format, CultureInfo.InvariantCulture)))})" : "";

    private static string Status(LadderResult result) => result.Note ?? "failed (see BenchmarkDotNet's log)";

    private string Header() =>
        $"{CpuName()}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
        $"Vector512.IsHardwareAccelerated = {Vector512.IsHardwareAccelerated}; " +
        $"{(OpenBlas.IsAvailable(out string why) ? OpenBlas.Describe() : why)}; {OpenClDescription()}; {_mode} job" +
        (_rounds > 1 ? $", medians of {_rounds} rounds" : "") +
        (_mode == "dry" ? " (one cold call per case: it proves each level runs, its times mean nothing)" : "") +
        (_note == "" ? "" : $"; {_note}");

    /// <summary>The OpenCL device the K07 levels run on, and its vector width, which sizes their register tile.</summary>
    private static string OpenClDescription()
    {
        if (!Foundations.OpenCL.OpenClDevice.TryGetDefault(out var device, out _)) return "no OpenCL device";
        using (device) return $"OpenCL device {device.Name} ({device.NativeFloatVectorWidth} floats per native vector)";
    }

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine("# Matmul ladder").AppendLine();
        text.AppendLine(_rounds == 1
            ? $"{Header()}. Means from one BenchmarkDotNet run ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC); " +
              "on a shared machine the absolute times are noisy, the ratios within the run are what count."
            : $"{Header()}. The rounds are one BenchmarkDotNet run each, one after the other (finished " +
              $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC). Times are the median of the rounds' means; % of OpenBLAS is the " +
              "median of the rounds' own ratios (each round's OpenBLAS time over the level's), followed by each round's.");
        foreach (var shape in _shapes)
        {
            var (baseline, estimated) = BaselineTime(shape);
            text.AppendLine().AppendLine($"## {shape.Display}").AppendLine();
            text.AppendLine("| Level | What | Time | GFLOP/s | × ThreeLoops | % of OpenBLAS |");
            text.AppendLine("|---|---|---:|---:|---:|---:|");
            foreach (var r in At(shape))
            {
                if (r.Nanoseconds is not { } ns)
                {
                    text.AppendLine($"| {r.Level.Name} | {r.Level.Source} | {Status(r)} | | | |");
                    continue;
                }
                string speedup = baseline is { } b ? (estimated ? "≈ " : "") + Number(b / ns) + "×" : "";
                string percent = Percent(r) is { } p ? $"{p:0.#} %{EachRound(RoundPercents(r), "0")}" : "";
                text.AppendLine($"| {r.Level.Name} | {r.Level.Source} | {FormatTime(ns)} | {r.GigaflopsPerSecond:0.###} | {speedup} | {percent} |");
            }
            if (estimated) text.AppendLine().AppendLine("≈: ThreeLoops was skipped here; its time is extrapolated from a smaller size by the number of multiply-adds.");
            if (SameLibraryTwice(shape) is { Count: > 0 } apart)
                text.AppendLine().AppendLine($"Noise: `Matmul` is the same OpenBLAS call as `OpenBlas` (plus its checks and the result's allocation), " +
                                             $"timed in a process of its own; it took {LadderResult.Median(apart):0.00}× `OpenBlas`'s time" +
                                             $"{(_rounds > 1 ? " (median)" : "")}{EachRound(apart, "0.00")}. Two levels closer than that " +
                                             $"cannot be told apart in this {(_rounds > 1 ? "ladder" : "run")}.");
        }
        return text.ToString();
    }

    public string TerminalChart()
    {
        const int width = 40;
        var values = Results.Select(r => r.GigaflopsPerSecond).OfType<double>().Where(g => g > 0).ToList();
        double low = values.Count == 0 ? 0.01 : Math.Pow(10, Math.Floor(Math.Log10(values.Min())));
        double high = values.Count == 0 ? 1000 : Math.Max(low * 10, Math.Pow(10, Math.Ceiling(Math.Log10(values.Max()))));
        var text = new StringBuilder($"Matmul ladder — GFLOP/s, log scale from {low:G} to {high:G} ({_mode} job)\n");
        foreach (var shape in _shapes)
        {
            text.AppendLine().AppendLine(shape.Display);
            foreach (var r in At(shape))
            {
                string name = r.Level.Name.PadRight(22);
                if (r.GigaflopsPerSecond is not { } g)
                {
                    text.AppendLine($"  {name} {Status(r)}");
                    continue;
                }
                int length = Math.Max(1, (int)Math.Round(width * Math.Clamp(Math.Log10(g / low) / Math.Log10(high / low), 0, 1)));
                string percent = Percent(r) is { } p ? $", {p:0} % of OpenBLAS{(_rounds > 1 ? " (median)" : "")}" : "";
                text.AppendLine($"  {name} {new string('█', length).PadRight(width)} {FormatTime(r.Nanoseconds!.Value)}, {g:0.###} GFLOP/s{percent}");
            }
            if (SameLibraryTwice(shape) is { Count: > 0 } apart)
                text.AppendLine($"  (noise: Matmul, the same OpenBLAS call, took {LadderResult.Median(apart):0.00}× OpenBlas's time{EachRound(apart, "0.00")})");
        }
        return text.ToString();
    }

    /// <summary>The chart: one line per level across the sizes, OpenBLAS dashed; levels with no measurement are left out.</summary>
    public ChartFiles Chart(string directory)
    {
        var levels = LadderLevels.All
            .Where(level => Results.Any(r => r.Level == level && r.Nanoseconds is not null))
            .Select(level => new Series(level.Name,
                _shapes.Select((_, i) => (double)i).ToArray(),
                _shapes.Select(shape => At(shape).First(r => r.Level == level).GigaflopsPerSecond ?? double.NaN).ToArray()));
        return LadderChart.Save(directory, "MatmulLadder-chart", _shapes.Select(s => s.Display).ToList(), levels.ToList(),
            LadderLevels.Yardstick, $"{Header()}; {DateTime.UtcNow:yyyy-MM-dd} UTC");
    }

    private static string FormatTime(double nanoseconds) => nanoseconds switch
    {
        < 1e3 => $"{nanoseconds:0.0} ns",
        < 1e6 => $"{nanoseconds / 1e3:0.00} µs",
        < 1e9 => $"{nanoseconds / 1e6:0.00} ms",
        _ => $"{nanoseconds / 1e9:0.00} s",
    };

    private static string Number(double value) =>
        value >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string CpuName()
    {
        const string cpuInfo = "/proc/cpuinfo";
        string? model = File.Exists(cpuInfo)
            ? File.ReadLines(cpuInfo).FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return model ?? System.Runtime.InteropServices.RuntimeInformation.OSArchitecture + " CPU";
    }
}
