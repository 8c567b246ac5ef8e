using System.CommandLine;
using Kata.Commands;
using Kata.Grading;
using Spectre.Console;

namespace Kata;

/// <summary>The verbs of <c>./kata</c> and their options (System.CommandLine); each verb's work is in Commands/.</summary>
public static class Cli
{
    /// <summary>Exit code of a command line that does not parse (an unknown option, a missing argument).</summary>
    public const int UsageError = 2;

    public static int Run(string[] args) => Run(args, Console.Out, Console.Error, isTerminal: !Console.IsOutputRedirected);

    public static int Run(string[] args, TextWriter output, TextWriter errors, bool isTerminal)
    {
        IAnsiConsole console = null!; // made once --no-color is known, before any action runs
        var root = new RootCommand("Foundations Katas: where you are, what to do next, and grading.");
        var noColor = new Option<bool>("--no-color")
        {
            Description = "No colours or styles (also without this when NO_COLOR is set or the output is not a terminal).",
            Recursive = true,
        };
        root.Options.Add(noColor);
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
            var progress = KataProgress.Measure(repo, console);
            StatusCommand.WriteNext(repo, console, progress.Current, progress.CurrentResult);
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
        // --min and --timeout are read as text so a bad value gets our own usage message (exit 2), not a type name.
        var min = new Option<string?>("--min") { Description = "Exit with 1 when the score (0–100) is below this." };
        var timeout = new Option<string>("--timeout") { Description = "Seconds each test may take before it counts as hung (only that test is lost).", DefaultValueFactory = _ => "60" };
        var manifest = new Option<string?>("--manifest") { Description = "Self-check only: the manifest of test-file hashes (default tests/manifest.txt)." };
        var reference = new Option<string?>("--reference") { Description = "The instructor's reference, <path-or-git-url>@<commit>: its tests grade the submission's kata sources. Without it, a self-check." };
        var submission = new Option<string?>("--submission") { Description = "The learner's repository to grade (default: this one). Only its katas/KNN_*/**/*.cs are read." };
        var grade = new Command("grade", "Score every kata from the instructor's reference (--reference), each kata in its own process with a time limit.") { report, min, timeout, manifest, reference, submission };
        grade.SetAction(r => Guard(console, () =>
        {
            // Every option is checked before any work: a typo must not cost a build.
            var options = new GradeOptions(Path.GetFullPath(r.GetValue(report)!), GradeOptions.ParseMin(r.GetValue(min)), GradeOptions.ParseTimeout(r.GetValue(timeout)!),
                r.GetValue(manifest), r.GetValue(reference) is { } text ? ReferenceSource.Parse(text) : null);
            options.Validate();
            var learner = r.GetValue(submission) is { } dir ? Submission(dir) : Repository.Find();
            return GradeCommand.Run(learner, console, options);
        }));
        root.Subcommands.Add(grade);

        var releaseDir = new Argument<string>("dir") { Description = "An empty or new folder for the learner's starting repository." };
        var release = new Command("release", "Instructors: write the learner's starting repository (no solutions/, no hidden tests, a git repository with one commit).") { releaseDir };
        release.SetAction(r => Guard(console, () => ReleaseCommand.Run(Repository.Find(), console, Path.GetFullPath(r.GetValue(releaseDir)!))));
        root.Subcommands.Add(release);

        var update = new Option<bool>("--update-manifest") { Description = "Rewrite tests/manifest.txt from the working tree (after changing tests or stubs)." };
        var verifyTimeout = new Option<int>("--timeout") { Description = "Seconds each kata's tests may take.", DefaultValueFactory = _ => 300 };
        var mistakes = new Option<bool>("--mistakes") { Description = "Instead: each catalogued mistake (solutions/KNN_Name/mistakes/*.patch) must fail a visible test with a readable message." };
        var updateMistakes = new Option<bool>("--update-mistakes") { Description = "Instructors: check the mistakes and record their failing tests in tests/mistakes.json." };
        var mistakesKata = new Option<string?>("--kata") { Description = "With --mistakes or --update-mistakes: only these katas' catalogs, e.g. K02 or K05,K07." };
        var verify = new Command("verify", "Maintainers: solutions pass, stubs fail, every kata is complete, the manifest is current.") { update, verifyTimeout, mistakes, updateMistakes, mistakesKata };
        verify.SetAction(r => Guard(console, () => r.GetValue(mistakes) || r.GetValue(updateMistakes)
            ? MistakesCommand.Run(Repository.Find(), console, r.GetValue(mistakesKata), r.GetValue(verifyTimeout), r.GetValue(updateMistakes))
            : r.GetValue(mistakesKata) != null ? throw new RunnerException("--kata goes with --mistakes or --update-mistakes", UsageError)
            : VerifyCommand.Run(Repository.Find(), console, r.GetValue(update), r.GetValue(verifyTimeout))));
        root.Subcommands.Add(verify);

        var quick = new Option<bool>("--quick") { Description = "A shorter ladder." };
        var benchSolutions = new Option<bool>("--solutions") { Description = "Time the reference solutions instead of your katas." };
        // Read as text and passed on as given: the ladder checks them, and lists its level names when one is wrong.
        var rounds = new Option<string?>("--rounds") { Description = "Run the ladder this many times (1–20); the summary gives the median of each ratio." };
        var levels = new Option<string?>("--levels") { Description = "Only these levels, e.g. OpenBlas,Fast (a wrong name lists them all)." };
        var note = new Option<string?>("--note") { Description = "A line for the summary's header, e.g. \"the machine was busy\"." };
        var bench = new Command("bench", "Time the progression: the benchmarks' ladder.") { quick, benchSolutions, rounds, levels, note };
        bench.SetAction(r => Guard(console, () => ForwardCommand.Bench(Repository.Find(), console,
            new ForwardCommand.LadderChoice(r.GetValue(benchSolutions), r.GetValue(quick), r.GetValue(rounds), r.GetValue(levels), r.GetValue(note)))));
        root.Subcommands.Add(bench);

        var trainSolutions = new Option<bool>("--solutions") { Description = "Train with the reference solutions instead of your katas." };
        var trainArgs = new Argument<string[]>("args") { Description = "Passed on to tools/Train, e.g. --epochs 3.", Arity = ArgumentArity.ZeroOrMore };
        var train = new Command("train", "Train the network you built (tools/Train).") { trainSolutions, trainArgs };
        train.TreatUnmatchedTokensAsErrors = false;
        train.SetAction(r => Guard(console, () => ForwardCommand.Train(Repository.Find(), console, r.GetValue(trainSolutions),
            [.. r.GetValue(trainArgs) ?? [], .. r.UnmatchedTokens])));
        root.Subcommands.Add(train);

        var plotKata = new Argument<string>("kata") { Description = "K08 (activations per layer for each init) or K13 (why √5)." };
        var plotSolutions = new Option<bool>("--solutions") { Description = "Plot with the reference solutions instead of your katas." };
        var plot = new Command("plot", "Chart a kata's experiment (PNG and SVG): K08, K13.") { plotKata, plotSolutions };
        plot.SetAction(r => Guard(console, () => ForwardCommand.Plot(Repository.Find(), console, r.GetValue(plotKata)!, r.GetValue(plotSolutions))));
        root.Subcommands.Add(plot);

        root.Subcommands.Add(GradebookCommand.Create(() => console));

        var parsed = root.Parse(args);
        console = Ui.CreateConsole(output, isTerminal, parsed.GetValue(noColor));
        if (parsed.Errors.Count > 0)
        {
            // One clear line per problem and where to read the usage, on stderr, and exit code 2 like other tools.
            foreach (var error in parsed.Errors) errors.WriteLine($"kata: {error.Message}");
            string verb = parsed.CommandResult.Command == root ? "" : parsed.CommandResult.Command.Name + " ";
            errors.WriteLine($"Usage: ./kata {verb}--help shows the {(verb == "" ? "commands and " : "")}options.");
            return UsageError;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = errors, EnableDefaultExceptionHandler = false });
        }
        catch (RunnerException e) when (e.ExitCode == UsageError)
        {
            // A value the parser accepted but the verb cannot use (--min lots, --timeout -5): the same short usage error.
            string verb = parsed.CommandResult.Command == root ? "" : parsed.CommandResult.Command.Name + " ";
            errors.WriteLine($"kata: {e.Message}");
            errors.WriteLine($"Usage: ./kata {verb}--help shows the options.");
            return UsageError;
        }
    }

    /// <summary>The learner's repository for --submission: a folder with katas/ (tests/ is not needed and not read).</summary>
    private static Repository Submission(string dir)
    {
        if (!Directory.Exists(Path.Combine(dir, "katas")))
            throw new RunnerException($"--submission {dir}: there is no folder {Path.Combine(Path.GetFullPath(dir), "katas")}; give the learner's repository.", UsageError);
        return new Repository(dir);
    }

    private static Argument<string?> OptionalKata() =>
        new("kata") { Description = "The kata, e.g. K01 (default: the first one not done).", Arity = ArgumentArity.ZeroOrOne };

    /// <summary>A problem the user can fix prints as one red message and an exit code, not a stack trace.</summary>
    internal static int Guard(IAnsiConsole console, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (RunnerException e) when (e.ExitCode != UsageError)
        {
            console.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return e.ExitCode;
        }
    }
}
