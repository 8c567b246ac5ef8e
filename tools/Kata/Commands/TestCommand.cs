using Kata.Mistakes;
using Spectre.Console;

namespace Kata.Commands;

/// <summary><c>./kata test KNN</c>: one kata's tests, each failure with its message, expected and actual values and the file to open.</summary>
public static class TestCommand
{
    public static int Run(Repository repo, IAnsiConsole console, string number)
    {
        var kata = repo.Get(number);
        KataResult result = null!;
        console.Status().Start("Building…", ctx =>
        {
            var session = new TestSession(repo) { Progress = text => ctx.Status(Ui.Escape(text) + "…") };
            result = session.Run([kata])[kata.Number];
        });
        Write(console, kata, result, MistakeRecognizer.Recognize(repo, kata, result));
        return result.State == KataState.Done ? 0 : 1;
    }

    /// <summary>The passes in one line each, then the failures in full, then the verdict.</summary>
    public static void Write(IAnsiConsole console, KataInfo kata, KataResult result, KnownMistake? known = null)
    {
        foreach (var test in result.Tests.Where(t => t.Passed)) console.MarkupLine($"[green]✓[/] {Ui.Escape(test.Name)}");
        // Tests that all stop at the same stub say one thing: say it once.
        foreach (var group in result.Tests.Where(t => !t.Passed).GroupBy(t => t.IsStub && t.Message.StartsWith("System.NotImplementedException", StringComparison.Ordinal) ? t.Message + t.FileToOpen : t.FullName))
        {
            var first = group.First();
            if (group.Count() == 1) { Ui.WriteFailure(console, first); continue; }
            console.MarkupLine($"[red]✗[/] [bold]{group.Count()} tests[/] stop at the stub: {Ui.Escape(first.Message)}");
            if (first.FileToOpen != null) console.MarkupLine($"    [blue]open:[/] {Ui.Escape(first.FileToOpen)}");
        }
        if (result.Detail.Length > 0) console.MarkupLine($"[red]{Ui.Escape(result.Detail)}[/]");
        if (known != null) MistakeRecognizer.Write(console, kata, known);
        // A staircase kata: one line per step, so the learner sees where they are on the stairs.
        var titles = KataSteps.ReadTitles(Path.Combine(kata.Directory, "README.md"));
        foreach (var step in result.Steps)
            console.MarkupLine($"  {(step.Done ? "[green]✓[/]" : step.Passed > 0 ? "[yellow]…[/]" : "[grey]·[/]")} {Ui.Escape(KataSteps.Describe(step, titles))}");
        Ui.WriteWarnings(console, result.Warnings);
        console.MarkupLine(Verdict(kata, result));
    }

    public static string Verdict(KataInfo kata, KataResult result) => result.State switch
    {
        KataState.Done => $"[green bold]{kata.Number}: all {result.Total} tests pass — done.[/]",
        KataState.NotStarted => $"[grey]{kata.Number}: 0/{result.Total} — not started: every test hits a stub. Read {Ui.Escape(kata.ReadmePath)}.{NextStep(kata, result)}[/]",
        KataState.InProgress => $"[yellow]{kata.Number}: {result.Passed}/{result.Total} tests pass.{NextStep(kata, result)}[/]",
        KataState.TimedOut or KataState.Crashed when result.Total > 0 => $"[red]{kata.Number}: {result.Passed}/{result.Total} tests pass; {Ui.StateText(result.State)}.[/]",
        _ => $"[red]{kata.Number}: {Ui.StateText(result.State)}.[/]",
    };

    /// <summary>" 1/4 steps; next: step 2 — … (0/13 tests)." for a staircase kata, else nothing.</summary>
    private static string NextStep(KataInfo kata, KataResult result) => KataSteps.Next(result.Steps) is { } step
        ? Ui.Escape($" {KataSteps.Summary(result.Steps)}; next: {KataSteps.Describe(step, KataSteps.ReadTitles(Path.Combine(kata.Directory, "README.md")))}.")
        : "";
}
