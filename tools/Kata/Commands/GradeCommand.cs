using Spectre.Console;

namespace Kata.Commands;

/// <summary>
/// <c>./kata grade [--report DIR] [--min SCORE] [--timeout S]</c>: the instructor's score. It refuses to grade when the
/// shipped tests were changed; otherwise every kata runs in its own process with a time limit, so a kata that hangs or
/// crashes scores 0 for itself and the others are still graded.
/// </summary>
public static class GradeCommand
{
    public const int Refused = 3, BelowMinimum = 1;

    public static int Run(Repository repo, IAnsiConsole console, string reportDir, double? min, int timeoutSeconds, string? manifest)
    {
        var tampered = Manifest.Differences(repo, ManifestEntry.Test, manifest);
        if (tampered.Count > 0)
        {
            console.MarkupLine("[red bold]Refusing to grade:[/] the tests or build files differ from the versions the instructor shipped:");
            foreach (var line in tampered) console.MarkupLine($"  [red]{Ui.Escape(line)}[/]");
            console.MarkupLine("[grey]Restore them (git checkout <upstream> -- tests) and grade again.[/]");
            WriteRefusal(reportDir, tampered);
            return Refused;
        }
        var session = new TestSession(repo, "katas")
        {
            ProcessPerKata = true,
            Grading = true,
            // --timeout is per test: a hung test costs only itself; a kata's tests get ten times that in all.
            TimeoutPerTest = TimeSpan.FromSeconds(timeoutSeconds),
            TimeoutPerKata = TimeSpan.FromSeconds(10.0 * timeoutSeconds),
            Progress = text => console.MarkupLine($"[grey]{Ui.Escape(text)}…[/]"),
        };
        var results = session.Run(repo.Katas);
        var report = new GradeReport(repo.Katas.Select(k => new KataGrade(k, results[k.Number])).ToList(), min);
        report.WriteAll(reportDir);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Kata").AddColumn("Tests").AddColumn("Points").AddColumn("Status");
        foreach (var k in repo.Katas.Select(k => new KataGrade(k, results[k.Number])))
            table.AddRow(Ui.Escape(k.Kata.Label), k.Result.Total > 0 ? $"{k.Result.Passed}/{k.Result.Total}" : "–", $"{k.Points:0.#}", Ui.StateMarkup(k.Result.State));
        console.Write(table);
        console.MarkupLine($"[bold]Score: {report.Score:0.#} / 100[/]{(min is { } m ? $" (minimum {m:0.#})" : "")} — reports in {Ui.Escape(reportDir)}/grade.md, grade.json, junit.xml");
        return report.BelowMin ? BelowMinimum : 0;
    }

    private static void WriteRefusal(string dir, IReadOnlyList<string> differences)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "grade.md"),
            "## Foundations Katas — not graded\n\nThe tests or build files differ from the versions the instructor shipped:\n\n" +
            string.Join('\n', differences.Select(d => $"- {d}")) + "\n");
        File.WriteAllText(Path.Combine(dir, "grade.json"),
            System.Text.Json.JsonSerializer.Serialize(new { refused = true, reason = "tests differ from the manifest", differences }, new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }
}
