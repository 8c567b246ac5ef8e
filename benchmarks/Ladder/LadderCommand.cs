using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;

namespace Benchmarks.Ladder;

/// <summary>
/// <c>--ladder [--quick|--dry] [--levels Fast,OpenBlas] [--rounds 3] [--note "machine shared with other builds"]</c>: runs
/// <see cref="MatmulLadder"/> through BenchmarkDotNet, then writes the ladder summary (Markdown), its chart (PNG and SVG)
/// next to BenchmarkDotNet's reports, and draws it in the terminal.
/// </summary>
/// <remarks>
/// Full: 4 warm-up and 12 measured iterations per case, sizes up to 2048². Quick: BenchmarkDotNet's short job, up to
/// 1024². Dry: one invocation per case in this process (no child build), tiny sizes — proof that every level runs.
/// Rounds: the whole selection is run that many times, one BenchmarkDotNet run after the other, and the report gives
/// medians over the rounds (see <see cref="LadderReport"/> for why).
/// </remarks>
public static class LadderCommand
{
    public static int Run(string[] args)
    {
        LadderOptions options;
        try
        {
            options = LadderOptions.Parse(args, [.. LadderLevels.All.Select(level => level.Name)]);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        var (mode, note, levels, rounds) = options;
        bool dry = mode == "dry", quick = mode == "quick";
        string[] sizes = dry ? ["5x784@784x10", MatmulShape.Square(64)]
            : quick ? ["5x784@784x10", MatmulShape.Square(512), MatmulShape.Square(1024)]
            : ["5x784@784x10", MatmulShape.Square(512), MatmulShape.Square(1024), MatmulShape.Square(2048)];
        Job job = dry ? Job.Dry.WithToolchain(InProcessNoEmitToolchain.Instance)
                : quick ? Job.ShortRun
                : Job.Default.WithWarmupCount(4).WithIterationCount(12);

        OpenBlas.UseFastKernelInChildren();
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .WithBuildTimeout(TimeSpan.FromMinutes(10))   // a busy 2-core machine needs more than the default 2 minutes
            .AddJob(job.WithId("Ladder-" + mode))
            .WithOrderer(new TimeAdjacentOrderer())   // the rungs compared with OpenBLAS run right next to it
            .AddFilter(new SimpleFilter(benchmark => sizes.Contains((string)benchmark.Parameters[nameof(MatmulLadder.Size)])
                && (levels is null || levels.Contains((string)benchmark.Parameters[nameof(MatmulLadder.Level)]))));
        var summaries = new List<Summary>();
        for (int round = 1; round <= rounds; round++)
        {
            if (rounds > 1) Console.WriteLine($"// ladder round {round} of {rounds}");
            summaries.Add(BenchmarkRunner.Run<MatmulLadder>(config));
        }
        Summary summary = summaries[^1];

        var report = new LadderReport(summaries, sizes, mode, note, levels);
        Console.WriteLine();
        Console.Write(report.TerminalChart());
        string markdown = Path.Combine(summary.ResultsDirectoryPath, "MatmulLadder-summary.md");
        File.WriteAllText(markdown, report.Markdown());
        var chart = report.Chart(summary.ResultsDirectoryPath);
        Console.WriteLine($"Ladder summary: {markdown}");
        Console.WriteLine($"Ladder chart:   {chart.Png}");
        Console.WriteLine($"                {chart.Svg}");

        // A level that should have run but has no time is a failure: CI's dry run exists to catch exactly that.
        var failed = report.Results.Where(r => r.Nanoseconds is null && r.Note is null).ToList();
        foreach (var result in failed)
            Console.Error.WriteLine($"{result.Level.Name} at {result.Shape.Display} produced no measurement (see BenchmarkDotNet's log above).");
        return failed.Count == 0 ? 0 : 1;
    }
}
