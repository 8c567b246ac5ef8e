using Kata.Grading;
using Spectre.Console;

namespace Kata.Commands;

/// <summary>
/// <c>./kata grade [--reference SRC@COMMIT] [--submission DIR] [--report DIR] [--min SCORE] [--timeout S]</c>.
/// With a reference, the grade: the reference at the pinned commit, with only the submission's kata sources put in,
/// graded by the reference's own tests (hidden ones included); the submission's tests, substrate, build files, runner
/// and manifest are never read. Without one, a self-check of the repository's own tests, said as such everywhere;
/// it still refuses when the tests differ from tests/manifest.txt. Every kata runs in its own process with a time limit.
/// </summary>
public static class GradeCommand
{
    public const int Refused = 3, BelowMinimum = 1;

    /// <summary>A self-check of <paramref name="repo"/>'s own tests (no reference).</summary>
    public static int Run(Repository repo, IAnsiConsole console, string reportDir, double? min, int timeoutSeconds, string? manifest) =>
        Run(repo, console, new GradeOptions(reportDir, min, timeoutSeconds, manifest, Reference: null));

    public static int Run(Repository submission, IAnsiConsole console, GradeOptions options)
    {
        options.Validate();
        if (options.Reference is { } reference) return GradeFromReference(submission, console, options, reference);

        console.MarkupLine($"[yellow bold]Warning:[/] [yellow]{Ui.Escape(GradeReport.SelfCheckWarning)}[/]");
        var tampered = Manifest.Differences(submission, ManifestEntry.Test, options.Manifest);
        if (tampered.Count > 0)
        {
            console.MarkupLine("[red bold]Refusing to grade:[/] the tests or build files differ from the versions the instructor shipped:");
            foreach (var line in tampered) console.MarkupLine($"  [red]{Ui.Escape(line)}[/]");
            console.MarkupLine("[grey]Restore them (git checkout <upstream> -- tests) and grade again.[/]");
            WriteRefusal(options.ReportDir, tampered);
            return Refused;
        }
        return Score(submission, console, options, provenance: null);
    }

    private static int GradeFromReference(Repository submission, IAnsiConsole console, GradeOptions options, ReferenceSource reference)
    {
        console.MarkupLine($"[grey]Grading the kata sources of {Ui.Escape(submission.Root)} with the reference {Ui.Escape(reference.Display)}@{Ui.Escape(reference.Revision)}…[/]");
        using var copy = GradedCopy.Create(reference, submission);
        console.MarkupLine($"[grey]Reference commit {copy.Commit}; {copy.CopiedFiles.Count} kata source file(s) of the submission copied in, nothing else.[/]");
        return Score(copy.Repository, console, options, new GradedFrom(reference.Display, copy.Commit));
    }

    private static int Score(Repository graded, IAnsiConsole console, GradeOptions options, GradedFrom? provenance)
    {
        var session = new TestSession(graded, "katas")
        {
            ProcessPerKata = true,
            Grading = true,
            // --timeout is per test: a hung test costs only itself; a kata's tests get ten times that in all.
            TimeoutPerTest = TimeSpan.FromSeconds(options.TimeoutSeconds),
            TimeoutPerKata = TimeSpan.FromSeconds(10.0 * options.TimeoutSeconds),
            Progress = text => console.MarkupLine($"[grey]{Ui.Escape(text)}…[/]"),
        };
        var results = session.Run(graded.Katas);
        var grades = graded.Katas.Select(k => new KataGrade(k, results[k.Number])).ToList();
        var report = new GradeReport(grades, options.Min) { Reference = provenance };
        report.WriteAll(options.ReportDir);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Kata").AddColumn("Tests").AddColumn("Hidden").AddColumn("Points").AddColumn("Status");
        foreach (var k in grades)
        {
            var (hiddenPassed, hiddenTotal) = GradeReport.Hidden(k.Result);
            table.AddRow(Ui.Escape(k.Kata.Label), k.Result.Total > 0 ? $"{k.Result.Passed}/{k.Result.Total}" : "–",
                hiddenTotal > 0 ? $"{hiddenPassed}/{hiddenTotal}" : "–", $"{k.Points:0.#}", Ui.StateMarkup(k.Result.State));
        }
        console.Write(table);
        string what = provenance is { } p ? $"graded from {Ui.Escape(p.Source)} at {p.Commit[..12]}" : "[yellow]self-check, not a grade[/]";
        console.MarkupLine($"[bold]Score: {report.Score:0.#} / 100[/]{(options.Min is { } m ? $" (minimum {m:0.#})" : "")} — {what} — reports in {Ui.Escape(options.ReportDir)}/grade.md, grade.json, junit.xml");
        return report.BelowMin ? BelowMinimum : 0;
    }

    private static void WriteRefusal(string dir, IReadOnlyList<string> differences)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "grade.md"),
            "## Foundations Katas — not graded\n\nThe tests or build files differ from the versions the instructor shipped:\n\n" +
            string.Join('\n', differences.Select(d => $"- {d}")) + "\n");
        File.WriteAllText(Path.Combine(dir, "grade.json"),
            System.Text.Json.JsonSerializer.Serialize(new { schema = GradeReport.Schema, refused = true, reason = "tests differ from the manifest", differences }, new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }
}
