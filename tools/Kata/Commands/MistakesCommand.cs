using System.Diagnostics;
using Kata.Mistakes;
using Spectre.Console;

namespace Kata.Commands;

/// <summary>
/// <c>./kata verify --mistakes</c> (maintainers, CI): every catalogued mistake must make its kata's visible tests fail
/// with a readable message, and match its recorded signature in tests/mistakes.json. <c>--update-mistakes</c>
/// (instructors) runs the same and records the signatures.
/// </summary>
public static class MistakesCommand
{
    public static int Run(Repository repo, IAnsiConsole console, string? kataNumber, int timeoutSeconds, bool update)
    {
        if (!Directory.Exists(repo.SolutionsDir))
        {
            console.MarkupLine("[red bold]Nothing to check:[/] [red]the mistake catalog lives beside the solutions (solutions/KNN_Name/mistakes/), and this repository has no solutions/.[/]");
            return GradeCommand.Refused;
        }
        var clock = Stopwatch.StartNew();
        var katas = kataNumber != null ? kataNumber.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(repo.Get).ToList() : repo.Katas;
        var catalog = MistakeCatalog.Load(repo, katas);
        var recorded = MistakeSignatures.Load(repo);
        var problems = catalog.Problems.ToList();
        var warnings = new List<string>();

        var run = new MistakeRun(repo)
        {
            TimeoutPerKata = TimeSpan.FromSeconds(timeoutSeconds),
            // As plain verify: --timeout bounds each test and each mistake's run (K12/K13 train for a while on a busy machine).
            TimeoutPerTest = TimeSpan.FromSeconds(timeoutSeconds),
            Progress = t => console.MarkupLine($"[grey]{Ui.Escape(t)}…[/]"),
        };
        var verdicts = run.Run(catalog.Mistakes, v => console.MarkupLine(Line(v)));
        problems.AddRange(verdicts.Select(v => v.Problem).OfType<string>());

        console.WriteLine();
        foreach (var kata in katas)
        {
            var mine = verdicts.Where(v => v.Mistake.Kata == kata.Number).ToList();
            console.MarkupLine($"{kata.Number}: {mine.Count} mistake{(mine.Count == 1 ? "" : "s")}, {mine.Count(v => v.Caught)} caught");
        }
        foreach (var twins in verdicts.Where(v => v.Caught).GroupBy(v => (v.Mistake.Kata, string.Join('\n', v.Fails))).Where(g => g.Count() > 1))
            warnings.Add($"{string.Join(" and ", twins.Select(v => v.Mistake.Label))} fail exactly the same tests: the runner will name neither (a test that tells them apart helps the learner)");

        var selected = katas.Select(k => k.Number).ToHashSet();
        if (update)
        {
            var kept = recorded?.Mistakes.Where(r => !selected.Contains(r.Kata)) ?? [];
            var fresh = verdicts.Where(v => v.Caught).Select(v => new MistakeRecord(v.Mistake.Kata, v.Mistake.Id, v.Mistake.Title, v.Mistake.Misconception, v.Mistake.Hint, v.Fails));
            MistakeSignatures.Save(repo, [.. kept, .. fresh]);
            console.MarkupLine($"[green]Wrote {MistakeSignatures.RelativePath}[/] ({verdicts.Count(v => v.Caught)} signature(s) for {string.Join(", ", selected.Order())}). " +
                               "Commit it: releases ship it, and the runner recognises a learner's failures by it.");
        }
        else
        {
            CompareWithRecords(recorded, selected, catalog, verdicts, problems, warnings);
        }

        foreach (string warning in warnings) console.MarkupLine($"  [yellow]warning: {Ui.Escape(warning)}[/]");
        foreach (string problem in problems) console.MarkupLine($"  [red]{Ui.Escape(problem)}[/]");
        int caught = verdicts.Count(v => v.Caught), total = catalog.Mistakes.Count;
        console.WriteLine($"verify --mistakes: {total} mistakes in {katas.Count} katas, {caught} caught, {total - caught} not caught; " +
                          $"{problems.Count} problem(s), {warnings.Count} warning(s) ({clock.Elapsed.TotalSeconds:0} s)");
        return problems.Count == 0 ? 0 : 1;
    }

    /// <summary>"K02 01-bounds  Loop bounds from the wrong operand  caught by 3 tests, first: …", or what went wrong.</summary>
    private static string Line(MistakeVerdict v)
    {
        string head = $"{Ui.Escape(v.Mistake.Label)}  {Ui.Escape(v.Mistake.Title)} [grey]({v.Elapsed.TotalSeconds:0.0} s)[/]";
        return v.Outcome switch
        {
            MistakeOutcome.Caught => $"[green]✓[/] {head}  [grey]caught by {v.CaughtBy} test{(v.CaughtBy == 1 ? "" : "s")}, first: {Ui.Escape(v.FirstFailing!.Name)}[/]",
            MistakeOutcome.Escaped => $"[red]✗[/] {head}  [red]ESCAPED: every visible test passes[/]",
            MistakeOutcome.OnlyCrashes => $"[red]✗[/] {head}  [red]not readable: {Ui.Escape(v.Detail)}[/]",
            _ => $"[red]✗[/] {head}  [red]{Ui.Escape(v.Outcome.ToString())}: {Ui.Escape(v.Detail)}[/]",
        };
    }

    /// <summary>
    /// Every entry needs its record and every record its entry (problems). A signature that changed is only a warning:
    /// which tests a mistake fails can depend on the CPU (its vector width), and the catch itself was checked above.
    /// </summary>
    private static void CompareWithRecords(MistakeSignatures? recorded, HashSet<string> selected, MistakeCatalog catalog,
        IReadOnlyList<MistakeVerdict> verdicts, List<string> problems, List<string> warnings)
    {
        var records = (recorded?.Mistakes ?? []).Where(r => selected.Contains(r.Kata)).ToDictionary(r => r.Label);
        foreach (var mistake in catalog.Mistakes.Where(m => !records.ContainsKey(m.Label)))
            problems.Add($"{mistake.Label} ({mistake.File}) has no recorded signature in {MistakeSignatures.RelativePath}: record it with ./kata verify --update-mistakes");
        var entries = catalog.Mistakes.Select(m => m.Label).ToHashSet();
        foreach (var record in records.Values.Where(r => !entries.Contains(r.Label)))
            problems.Add($"{MistakeSignatures.RelativePath} records {record.Label} \"{record.Title}\", which has no patch in the catalog: record again with ./kata verify --update-mistakes");
        foreach (var verdict in verdicts.Where(v => v.Caught && records.ContainsKey(v.Mistake.Label)))
        {
            var record = records[verdict.Mistake.Label];
            if (!record.Fails.SequenceEqual(verdict.Fails))
                warnings.Add($"{record.Label} now fails {verdict.Fails.Count} test(s), recorded {record.Fails.Count}" +
                             $" ({string.Join(", ", verdict.Fails.Except(record.Fails).Take(2).Concat(record.Fails.Except(verdict.Fails).Take(2)).Select(Short))} differ);" +
                             $" signatures can depend on the CPU's vector width (recorded with {recorded!.VectorBits}-bit vectors, this machine has {MistakeSignatures.AcceleratedVectorBits})");
            if (record.Title != verdict.Mistake.Title || record.Misconception != verdict.Mistake.Misconception || record.Hint != verdict.Mistake.Hint)
                warnings.Add($"{record.Label}: its title, misconception or hint changed since it was recorded; record again with ./kata verify --update-mistakes");
        }
    }

    /// <summary>"Method(args)" from "Namespace.Class.Method(args)".</summary>
    private static string Short(string fullName)
    {
        string head = fullName.Split('(')[0];
        return fullName[(head.LastIndexOf('.') + 1)..];
    }
}
