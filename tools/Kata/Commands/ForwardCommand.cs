using Spectre.Console;

namespace Kata.Commands;

/// <summary><c>./kata bench</c>, <c>./kata train</c> and <c>./kata plot</c>: hand over to the benchmarks' ladder, tools/Train or
/// tools/Plot, if the repository has them.</summary>
public static class ForwardCommand
{
    public static int Bench(Repository repo, IAnsiConsole console, LadderChoice choice)
    {
        if (!File.Exists(Path.Combine(repo.Root, "benchmarks", "Benchmarks.csproj")))
            return Missing(console, "benchmarks/Benchmarks.csproj");
        if (!choice.Solutions) WriteMissingRungs(repo, console, KataProgress.Measure(repo, console).Results);
        return Forward(repo, console, BenchArguments(choice));
    }

    /// <summary>What <c>./kata bench</c> asks of the ladder. The values go through as given: the ladder checks them
    /// and names the levels it has when one is wrong.</summary>
    public sealed record LadderChoice(bool Solutions, bool Quick, string? Rounds = null, string? Levels = null, string? Note = null);

    /// <summary>The <c>dotnet</c> command line that runs the ladder for <paramref name="choice"/>.</summary>
    public static List<string> BenchArguments(LadderChoice choice)
    {
        var args = new List<string> { "run", "-c", "Release", "--project", "benchmarks" };
        if (choice.Solutions) args.Add("-p:Against=solutions");
        args.AddRange(["--", "--ladder"]);
        if (choice.Quick) args.Add("--quick");
        if (choice.Rounds != null) args.AddRange(["--rounds", choice.Rounds]);
        if (choice.Levels != null) args.AddRange(["--levels", choice.Levels]);
        if (choice.Note != null) args.AddRange(["--note", choice.Note]);
        return args;
    }

    /// <summary>The katas whose matrix product is a rung of the ladder, in the ladder's order.</summary>
    public static readonly IReadOnlyList<(string Kata, string Rung)> LadderRungs =
    [
        ("K02", "ThreeLoops"), ("K03", "TwoLoops"), ("K04", "OneLoop"), ("K05", "Einsum"), ("K06", "FastMatmul"), ("K07", "OpenCL"),
    ];

    /// <summary>
    /// Before timing the learner's own code: which rungs will read "not implemented" because their kata is not done
    /// yet, and how to finish them or time the reference instead. Says nothing when every rung is ready.
    /// </summary>
    public static void WriteMissingRungs(Repository repo, IAnsiConsole console, IReadOnlyDictionary<string, KataResult> results)
    {
        var missing = LadderRungs
            .Select(r => (r.Rung, Kata: repo.Katas.FirstOrDefault(k => k.Number == r.Kata)))
            .Where(r => r.Kata != null && (!results.TryGetValue(r.Kata.Number, out var result) || result.State != KataState.Done))
            .ToList();
        if (missing.Count == 0) return;
        console.MarkupLine($"[yellow]The ladder times your katas; {missing.Count} of its rungs are not done yet and will read \"not implemented\" or be left out:[/]");
        foreach (var (rung, kata) in missing)
        {
            var result = results.GetValueOrDefault(kata!.Number);
            string state = result == null ? "not run" : result.Total > 0 ? $"{Ui.StateText(result.State)}, {result.Passed}/{result.Total} tests" : Ui.StateText(result.State);
            console.MarkupLine($"  {Ui.Escape(rung),-10} needs {Ui.Escape(kata.Label)} ({Ui.Escape(state)}) — finish it with [bold]./kata watch {kata.Number}[/]");
        }
        console.MarkupLine("[grey]Or time the reference solutions now: ./kata bench --solutions[/]");
    }

    public static int Train(Repository repo, IAnsiConsole console, bool solutions, IReadOnlyList<string> extra)
    {
        if (!Directory.Exists(Path.Combine(repo.Root, "tools", "Train")))
            return Missing(console, "tools/Train");
        var args = new List<string> { "run", "-c", "Release", "--project", "tools/Train" };
        if (solutions) args.Add("-p:Against=solutions");
        args.Add("--");
        args.AddRange(extra);
        return Forward(repo, console, args);
    }

    public static int Plot(Repository repo, IAnsiConsole console, string kata, bool solutions)
    {
        if (!Directory.Exists(Path.Combine(repo.Root, "tools", "Plot")))
            return Missing(console, "tools/Plot");
        var args = new List<string> { "run", "-c", "Release", "--project", "tools/Plot" };
        if (solutions) args.Add("-p:Against=solutions");
        args.AddRange(["--", kata]);
        return Forward(repo, console, args);
    }

    private static int Missing(IAnsiConsole console, string what)
    {
        console.MarkupLine($"[yellow]{Ui.Escape(what)} is not in this repository yet[/] — nothing to run.");
        return 2;
    }

    /// <summary>
    /// The children write to the runner's own output, so when it has no colour (not a terminal, NO_COLOR, --no-color)
    /// neither do they: NO_COLOR (no-color.org) for the programs, MSBuild's terminal logger off for <c>dotnet run</c>'s
    /// build, and no forced ANSI colours in a redirected .NET console.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string?>> ChildEnvironment(IAnsiConsole console) => console.Profile.Capabilities.Ansi ? [] :
    [
        new("NO_COLOR", "1"), new("MSBUILDTERMINALLOGGER", "off"), new("DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION", null),
    ];

    /// <summary>How the child starts. Not captured: the benchmarks, training and plots write straight to the learner's terminal.</summary>
    public static System.Diagnostics.ProcessStartInfo StartInfo(Repository repo, IAnsiConsole console, IEnumerable<string> args) =>
        ChildProcess.Dotnet(repo.Root, args, capture: false, ChildEnvironment(console));

    private static int Forward(Repository repo, IAnsiConsole console, List<string> args)
    {
        // Shown as it would be typed: an argument with spaces in it (a --note) in quotes.
        console.MarkupLine($"[grey]dotnet {Ui.Escape(string.Join(' ', args.Select(a => a.Any(char.IsWhiteSpace) ? $"\"{a}\"" : a)))}[/]");
        using var process = ChildProcess.Start(StartInfo(repo, console, args), "dotnet");
        process.WaitForExit();
        return process.ExitCode;
    }
}
