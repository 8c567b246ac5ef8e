using System.Globalization;
using System.Runtime.Intrinsics;
using System.Text;
using BenchmarkDotNet.Reports;

namespace Benchmarks.Ladder;

/// <summary>
/// Turns one BenchmarkDotNet run of <see cref="MatmulLadder"/> into the ladder: per size, every level's time,
/// GFLOP/s, speedup over ThreeLoops and percentage of OpenBLAS, as Markdown, as an SVG bar chart and as a terminal
/// bar chart. Bars are GFLOP/s on a log scale: the rungs span five or six powers of ten.
/// </summary>
internal sealed class LadderReport
{
    private const string Baseline = "ThreeLoops", Yardstick = "OpenBlas";
    private readonly string _mode;
    private readonly List<MatmulShape> _shapes;

    public LadderReport(Summary summary, string mode)
    {
        _mode = mode;
        _shapes = LadderPlan.Sizes.Select(MatmulShape.Parse).ToList();
        Results = (from size in LadderPlan.Sizes
                   from level in LadderLevel.All
                   select Measure(summary, level, size)).ToList();
    }

    public IReadOnlyList<LadderResult> Results { get; }

    private static LadderResult Measure(Summary summary, LadderLevel level, string size)
    {
        var shape = MatmulShape.Parse(size);
        if (LadderPlan.WhyNot(level.Name, size) is { } reason) return new LadderResult(level, shape, null, reason);
        var report = summary.Reports.FirstOrDefault(r =>
            r.BenchmarkCase.Descriptor.WorkloadMethod.Name == level.Name && (string)r.BenchmarkCase.Parameters["Size"] == size);
        return new LadderResult(level, shape, report?.ResultStatistics?.Mean, null);
    }

    private IEnumerable<LadderResult> At(MatmulShape shape) => Results.Where(r => r.Shape == shape);

    private double? Time(string level, MatmulShape shape) => At(shape).First(r => r.Level.Name == level).Nanoseconds;

    /// <summary>ThreeLoops' time at this size, or (estimated = true) its time per multiply-add at the largest size it
    /// ran, times this size's multiply-adds. Bigger sizes are slower per multiply-add, so the estimate flatters it.</summary>
    private (double? Nanoseconds, bool Estimated) BaselineTime(MatmulShape shape)
    {
        if (Time(Baseline, shape) is { } measured) return (measured, false);
        var largest = Results.Where(r => r.Level.Name == Baseline && r.Nanoseconds is not null).MaxBy(r => r.Shape.Fmas);
        return largest is null ? (null, false) : (largest.Nanoseconds!.Value / largest.Shape.Fmas * shape.Fmas, true);
    }

    private static string Status(LadderResult result) => result.Note ?? "failed (see BenchmarkDotNet's log)";

    private string Header() =>
        $"{MachineName()}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
        $"Vector512.IsHardwareAccelerated = {Vector512.IsHardwareAccelerated}; " +
        $"{(OpenBlas.IsAvailable(out string why) ? OpenBlas.Describe() : why)}; {_mode} job" +
        (_mode == "dry" ? " (one cold call per case: it proves each level runs, its times mean nothing)" : "");

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine("# Matmul ladder").AppendLine();
        text.AppendLine($"{Header()}. Means from one BenchmarkDotNet run ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC); " +
                        "on a shared machine the absolute times are noisy, the ratios within the run are what count.");
        foreach (var shape in _shapes)
        {
            var (baseline, estimated) = BaselineTime(shape);
            double? blas = Time(Yardstick, shape);
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
                string speedup = r.SpeedupOver(baseline) is { } s ? (estimated ? "≈ " : "") + Number(s) + "×" : "";
                string percent = r.PercentOf(blas) is { } p ? $"{p:0.#} %" : "";
                text.AppendLine($"| {r.Level.Name} | {r.Level.Source} | {LadderResult.FormatTime(ns)} | {r.GigaflopsPerSecond:0.###} | {speedup} | {percent} |");
            }
            if (estimated) text.AppendLine().AppendLine("≈: ThreeLoops was skipped here; its time is extrapolated from a smaller size by the number of multiply-adds.");
        }
        return text.ToString();
    }

    public string TerminalChart()
    {
        const int width = 40;
        var (low, high) = Decades();
        var text = new StringBuilder($"Matmul ladder — GFLOP/s, log scale from {low:G} to {high:G} ({_mode} job)\n");
        foreach (var shape in _shapes)
        {
            double? blas = Time(Yardstick, shape);
            text.AppendLine().AppendLine(shape.Display);
            foreach (var r in At(shape))
            {
                string name = r.Level.Name.PadRight(22);
                if (r.GigaflopsPerSecond is not { } g)
                {
                    text.AppendLine($"  {name} {Status(r)}");
                    continue;
                }
                int length = Math.Max(1, (int)Math.Round(width * Scale(g, low, high)));
                string percent = r.PercentOf(blas) is { } p ? $", {p:0} % of OpenBLAS" : "";
                text.AppendLine($"  {name} {new string('█', length).PadRight(width)} {LadderResult.FormatTime(r.Nanoseconds!.Value)}, {g:0.###} GFLOP/s{percent}");
            }
        }
        return text.ToString();
    }

    public string Svg()
    {
        const int labelWidth = 190, barWidth = 480, textWidth = 330, rowHeight = 20, top = 50;
        var (low, high) = Decades();
        int rows = _shapes.Sum(shape => LadderLevel.All.Count + 2);
        int height = top + rows * rowHeight + 30, width = labelWidth + barWidth + textWidth;
        var svg = new StringBuilder();
        svg.AppendLine(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">"));
        svg.AppendLine(Invariant($"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>"));
        svg.AppendLine($"<text x=\"10\" y=\"20\" font-size=\"15\" font-weight=\"bold\">Matmul ladder: GFLOP/s, log scale ({Escape(_mode)} job)</text>");
        svg.AppendLine($"<text x=\"10\" y=\"38\" fill=\"#555\">{Escape(Header())}</text>");
        for (double decade = low; decade <= high * 1.0001; decade *= 10)
        {
            double x = labelWidth + barWidth * Scale(decade, low, high);
            svg.AppendLine(Invariant($"<line x1=\"{x:0.#}\" y1=\"{top}\" x2=\"{x:0.#}\" y2=\"{height - 25}\" stroke=\"#ddd\"/>"));
            svg.AppendLine(Invariant($"<text x=\"{x:0.#}\" y=\"{height - 10}\" text-anchor=\"middle\" fill=\"#555\">{decade:G}</text>"));
        }
        int y = top;
        foreach (var shape in _shapes)
        {
            double? blas = Time(Yardstick, shape);
            y += rowHeight;
            svg.AppendLine($"<text x=\"10\" y=\"{y - 5}\" font-weight=\"bold\">{Escape(shape.Display)}</text>");
            foreach (var r in At(shape))
            {
                svg.AppendLine($"<text x=\"20\" y=\"{y + 14}\">{Escape(r.Level.Name)}</text>");
                if (r.GigaflopsPerSecond is { } g)
                {
                    double length = Math.Max(1, barWidth * Scale(g, low, high));
                    string color = r.Level.Name == Yardstick ? "#888" : r.Level.Name == "Fast" ? "#d62728" : "#1f77b4";
                    string percent = r.PercentOf(blas) is { } p ? Invariant($" · {p:0} % of OpenBLAS") : "";
                    svg.AppendLine(Invariant($"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{length:0.#}\" height=\"{rowHeight - 6}\" fill=\"{color}\"/>"));
                    svg.AppendLine(Invariant($"<text x=\"{labelWidth + length + 5:0.#}\" y=\"{y + 14}\">{Escape(LadderResult.FormatTime(r.Nanoseconds!.Value))} · {g:0.###} GFLOP/s{percent}</text>"));
                }
                else svg.AppendLine($"<text x=\"{labelWidth}\" y=\"{y + 14}\" fill=\"#999\">{Escape(Status(r))}</text>");
                y += rowHeight;
            }
            y += rowHeight;
        }
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    /// <summary>The powers of ten that enclose every measured GFLOP/s.</summary>
    private (double Low, double High) Decades()
    {
        var values = Results.Select(r => r.GigaflopsPerSecond).OfType<double>().Where(g => g > 0).ToList();
        if (values.Count == 0) return (0.01, 1000);
        double low = Math.Pow(10, Math.Floor(Math.Log10(values.Min()))), high = Math.Pow(10, Math.Ceiling(Math.Log10(values.Max())));
        return (low, high > low ? high : low * 10);
    }

    private static double Scale(double value, double low, double high) =>
        Math.Clamp(Math.Log10(value / low) / Math.Log10(high / low), 0, 1);

    private static string Number(double value) => value >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text) ?? "";

    private static string MachineName()
    {
        const string cpuInfo = "/proc/cpuinfo";
        string? model = File.Exists(cpuInfo)
            ? File.ReadLines(cpuInfo).FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return model ?? System.Runtime.InteropServices.RuntimeInformation.OSArchitecture + " CPU";
    }
}
