using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;

namespace Benchmarks.Ladder;

/// <summary>
/// <c>--ladder [--quick|--dry]</c>: runs <see cref="MatmulLadder"/> through BenchmarkDotNet, then writes the ladder
/// summary (Markdown and SVG) next to BenchmarkDotNet's reports and draws it in the terminal.
/// </summary>
/// <remarks>
/// Full: 4 warm-up and 12 measured iterations per case, sizes up to 2048². Quick: BenchmarkDotNet's short job, up to
/// 1024². Dry: one invocation per case in this process (no child build), tiny sizes — proof that every level runs.
/// </remarks>
public static class LadderCommand
{
    public static int Run(string[] args)
    {
        bool dry = args.Contains("--dry"), quick = args.Contains("--quick");
        string mode = dry ? "dry" : quick ? "quick" : "full";
        LadderPlan.Sizes = dry ? LadderPlan.Dry : quick ? LadderPlan.Quick : LadderPlan.Full;
        Job job = dry ? Job.Dry.WithToolchain(InProcessNoEmitToolchain.Instance)
                : quick ? Job.ShortRun
                : Job.Default.WithWarmupCount(4).WithIterationCount(12);

        var config = ManualConfig.Create(DefaultConfig.Instance).AddJob(job.WithId("Ladder-" + mode));
        Summary summary = BenchmarkRunner.Run<MatmulLadder>(config);

        var report = new LadderReport(summary, mode);
        Console.WriteLine();
        Console.Write(report.TerminalChart());
        string markdown = Path.Combine(summary.ResultsDirectoryPath, "MatmulLadder-summary.md");
        string svg = Path.Combine(summary.ResultsDirectoryPath, "MatmulLadder-chart.svg");
        File.WriteAllText(markdown, report.Markdown());
        File.WriteAllText(svg, report.Svg());
        Console.WriteLine($"Ladder summary: {markdown}");
        Console.WriteLine($"Ladder chart:   {svg}");

        // A level that should have run but has no time is a failure: CI's dry run exists to catch exactly that.
        var failed = report.Results.Where(r => r.Nanoseconds is null && r.Note is null).ToList();
        foreach (var result in failed)
            Console.Error.WriteLine($"{result.Level.Name} at {result.Shape.Display} produced no measurement (see BenchmarkDotNet's log above).");
        return failed.Count == 0 ? 0 : 1;
    }
}
