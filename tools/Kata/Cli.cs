using System.CommandLine;
using Kata.Commands;
using Spectre.Console;

namespace Kata;

/// <summary>The verbs of <c>./kata</c> and their options (System.CommandLine); each verb's work is in Commands/.</summary>
public static class Cli
{
    public static int Run(string[] args)
    {
        var console = AnsiConsole.Console;
        var root = new RootCommand("Foundations Katas: where you are, what to do next, and grading.");
        var refresh = new Option<bool>("--refresh") { Description = "Re-run the tests even when nothing changed since the last status." };
        root.Options.Add(refresh);
        root.SetAction(r => Guard(console, () => StatusCommand.Run(Repository.Find(), console, r.GetValue(refresh))));

        var status = new Command("status", "Every kata with its state, a progress bar and the next kata (the default).") { refresh };
        status.SetAction(r => Guard(console, () => StatusCommand.Run(Repository.Find(), console, r.GetValue(refresh))));
        root.Subcommands.Add(status);

        var next = new Command("next", "The next kata to do: its lesson and its first hint.");
        next.SetAction(_ => Guard(console, () =>
        {
            var repo = Repository.Find();
            StatusCommand.WriteNext(repo, console, StatusCommand.Next(repo, StatusCommand.Results(repo, console)));
            return 0;
        }));
        root.Subcommands.Add(next);

        var hintKata = OptionalKata();
        var level = new Option<int?>("--level", "-l") { Description = "Show this hint (1 is the gentlest). Without it, each call shows the next one." };
        var hint = new Command("hint", "One hint for a kata (the current one by default), gentlest first.") { hintKata, level };
        hint.SetAction(r => Guard(console, () => HintCommand.Run(Repository.Find(), console, r.GetValue(hintKata), r.GetValue(level))));
        root.Subcommands.Add(hint);

        var testKata = new Argument<string>("kata") { Description = "The kata, e.g. K01 (or 1)." };
        var test = new Command("test", "Run one kata's tests: each failure with its message, expected and actual values and the file to open.") { testKata };
        test.SetAction(r => Guard(console, () => TestCommand.Run(Repository.Find(), console, r.GetValue(testKata)!)));
        root.Subcommands.Add(test);

        var watchKata = OptionalKata();
        var watch = new Command("watch", "Re-test the current kata on every save under katas/; move on when it is done.") { watchKata };
        watch.SetAction((r, cancel) => Task.FromResult(Guard(console, () => WatchCommand.Run(Repository.Find(), console, r.GetValue(watchKata), cancel))));
        root.Subcommands.Add(watch);

        var resetKata = new Argument<string>("kata") { Description = "The kata to put back to its stubs, e.g. K01." };
        var reset = new Command("reset", "Put a kata back to its stubs; your files are first copied to .kata/backup/<timestamp>/.") { resetKata };
        reset.SetAction(r => Guard(console, () => ResetCommand.Run(Repository.Find(), console, r.GetValue(resetKata)!)));
        root.Subcommands.Add(reset);

        var report = new Option<string>("--report") { Description = "Folder for grade.md, grade.json and junit.xml.", DefaultValueFactory = _ => "grade" };
        var min = new Option<double?>("--min") { Description = "Exit with 1 when the score (0–100) is below this." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds each test may take before it counts as hung (only that test is lost).", DefaultValueFactory = _ => 60 };
        var manifest = new Option<string?>("--manifest") { Description = "The instructor's manifest of test-file hashes (default tests/manifest.txt)." };
        var grade = new Command("grade", "Score every kata, each in its own process with a time limit; refuses when the tests were changed.") { report, min, timeout, manifest };
        grade.SetAction(r => Guard(console, () => GradeCommand.Run(Repository.Find(), console, Path.GetFullPath(r.GetValue(report)!), r.GetValue(min), r.GetValue(timeout), r.GetValue(manifest))));
        root.Subcommands.Add(grade);

        var update = new Option<bool>("--update-manifest") { Description = "Rewrite tests/manifest.txt from the working tree (after changing tests or stubs)." };
        var verifyTimeout = new Option<int>("--timeout") { Description = "Seconds each kata's tests may take.", DefaultValueFactory = _ => 300 };
        var verify = new Command("verify", "Maintainers: solutions pass, stubs fail, every kata is complete, the manifest is current.") { update, verifyTimeout };
        verify.SetAction(r => Guard(console, () => VerifyCommand.Run(Repository.Find(), console, r.GetValue(update), r.GetValue(verifyTimeout))));
        root.Subcommands.Add(verify);

        var quick = new Option<bool>("--quick") { Description = "A shorter ladder." };
        var benchSolutions = new Option<bool>("--solutions") { Description = "Time the reference solutions instead of your katas." };
        var bench = new Command("bench", "Time the progression: the benchmarks' ladder.") { quick, benchSolutions };
        bench.SetAction(r => Guard(console, () => ForwardCommand.Bench(Repository.Find(), console, r.GetValue(quick), r.GetValue(benchSolutions))));
        root.Subcommands.Add(bench);

        var trainSolutions = new Option<bool>("--solutions") { Description = "Train with the reference solutions instead of your katas." };
        var trainArgs = new Argument<string[]>("args") { Description = "Passed on to tools/Train, e.g. --epochs 3.", Arity = ArgumentArity.ZeroOrMore };
        var train = new Command("train", "Train the network you built (tools/Train).") { trainSolutions, trainArgs };
        train.TreatUnmatchedTokensAsErrors = false;
        train.SetAction(r => Guard(console, () => ForwardCommand.Train(Repository.Find(), console, r.GetValue(trainSolutions),
            [.. r.GetValue(trainArgs) ?? [], .. r.UnmatchedTokens])));
        root.Subcommands.Add(train);

        return root.Parse(args).Invoke();
    }

    private static Argument<string?> OptionalKata() =>
        new("kata") { Description = "The kata, e.g. K01 (default: the first one not done).", Arity = ArgumentArity.ZeroOrOne };

    /// <summary>A problem the user can fix prints as one red message and an exit code, not a stack trace.</summary>
    private static int Guard(IAnsiConsole console, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (RunnerException e)
        {
            console.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return e.ExitCode;
        }
    }
}
