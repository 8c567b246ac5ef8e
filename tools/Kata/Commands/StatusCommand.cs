using Spectre.Console;

namespace Kata.Commands;

/// <summary><c>./kata</c> / <c>./kata status</c>: every kata with its state, a progress bar, and what to do next.</summary>
public static class StatusCommand
{
    public static int Run(Repository repo, IAnsiConsole console, bool refresh)
    {
        if (repo.Katas.Count == 0) throw new RunnerException("There are no katas: no folder katas/KNN_Name was found.");
        var progress = KataProgress.Measure(repo, console, refresh);
        var results = progress.Results;
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Foundations Katas[/]");
        table.AddColumn("#").AddColumn("Kata").AddColumn(new TableColumn("Tests").RightAligned()).AddColumn("State");
        foreach (var kata in repo.Katas)
        {
            var r = results[kata.Number];
            string tests = r.Total > 0 ? $"{r.Passed}/{r.Total}" : "–";
            string steps = r.State == KataState.Done || r.Steps.Count == 0 ? "" : $" [grey]({KataSteps.Summary(r.Steps)})[/]";
            table.AddRow(kata.Number, Ui.Escape(kata.Title), tests, Ui.StateMarkup(r.State) + steps);
        }
        console.Write(table);
        int done = repo.Katas.Count(k => results[k.Number].State == KataState.Done);
        console.MarkupLine(Ui.Bar(done, repo.Katas.Count));
        foreach (var broken in repo.Katas.Select(k => results[k.Number]).Where(r => r.State is KataState.DoesNotBuild or KataState.TimedOut or KataState.Crashed))
            console.MarkupLine($"[red]{broken.Number}[/]: {Ui.Escape(broken.Detail)}");
        // The current kata's recognised mistake is shown under Next; a later kata's gets one line here.
        foreach (var kata in repo.Katas.Where(k => k != progress.Current && results[k.Number].LooksLike != null))
            console.MarkupLine($"[yellow]{kata.Number}[/]: this looks like: {Ui.Escape(results[kata.Number].LooksLike!.Title)} [grey](./kata hint {kata.Number} --level {results[kata.Number].LooksLike!.Hint})[/]");
        console.WriteLine();
        WriteNext(repo, console, progress.Current, progress.CurrentResult);
        return 0;
    }

    /// <summary>"Next: K02 — …", its README, its next step (a staircase kata, when its results are known) and its
    /// first hint, or the congratulations.</summary>
    public static void WriteNext(Repository repo, IAnsiConsole console, KataInfo? next, KataResult? result = null)
    {
        if (next == null)
        {
            console.MarkupLine("[green bold]Every kata is done.[/] Time the progression with [bold]./kata bench[/], or train the network with [bold]./kata train[/].");
            return;
        }
        console.MarkupLine($"[bold]Next:[/] {Ui.Escape(next.Label)}");
        console.MarkupLine($"  [blue]read[/]   {Ui.Escape(next.ReadmePath)}");
        if (result != null && KataSteps.Next(result.Steps) is { } step)
            console.MarkupLine($"  [blue]step[/]   {KataSteps.Summary(result.Steps)} done; next: " +
                               Ui.Escape(KataSteps.Describe(step, KataSteps.ReadTitles(Path.Combine(next.Directory, "README.md")))));
        var hints = KataReadme.ReadHints(Path.Combine(next.Directory, "README.md"));
        // A recognised mistake (exact signature match) gets its own hint instead of the gentlest one.
        if (result?.LooksLike is { } known)
        {
            console.MarkupLine($"  [yellow]this looks like:[/] {Ui.Escape(known.Title)}");
            if (known.HintText != null) console.MarkupLine($"  [blue]hint {known.Hint}[/] {Ui.Escape(known.HintText)}");
        }
        else if (hints.Count > 0) console.MarkupLine($"  [blue]hint 1[/] {Ui.Escape(hints[0])}");
        console.MarkupLine($"  [blue]then[/]   ./kata watch   [grey](re-tests on every save; ./kata test {next.Number} runs once, ./kata hint {next.Number} shows the next hint)[/]");
    }
}
