using System.CommandLine;
using System.Globalization;
using Kata.Gradebook;
using Spectre.Console;

namespace Kata.Commands;

/// <summary>
/// <c>./kata gradebook add | collect | report | synthetic</c>: the instructor's view across a class, kept in an SQLite
/// gradebook (default <c>gradebook.db</c> in the current folder; see Gradebook/GradebookSchema.cs for the tables).
/// </summary>
public static class GradebookCommand
{
    public static Command Create(Func<IAnsiConsole> consoleOf)
    {
        var db = new Option<string>("--db") { Description = "The gradebook file (SQLite).", DefaultValueFactory = _ => "gradebook.db", Recursive = true };
        var gradebook = new Command("gradebook", "Instructors: a gradebook of every learner, kata by kata (add, collect, report).") { db };

        var files = new Argument<string[]>("grade.json") { Description = "grade.json files written by ./kata grade (v1 or v2).", Arity = ArgumentArity.OneOrMore };
        var student = new Option<string>("--student") { Description = "The learner's id, e.g. their GitHub login.", Required = true };
        var when = new Option<string?>("--when") { Description = "When the grade was made (ISO-8601; default: the file's gradedAt, else its time)." };
        var add = new Command("add", "Add grade.json files of one learner; the same file twice changes nothing; a bad file is refused and nothing is written.") { files, student, when };
        add.SetAction(r => { var console = consoleOf(); return Cli.Guard(console, () => Add(console, r.GetValue(db)!, r.GetValue(student)!, r.GetValue(files)!, r.GetValue(when))); });
        gradebook.Subcommands.Add(add);

        var source = new Argument<string>("repositories") { Description = "A folder of learner clones (one per sub-folder) or a file with one \"[student] path-or-git-url\" per line." };
        var reference = new Option<string?>("--reference") { Description = "The instructor's reference, <path-or-git-url>@<commit> (passed to kata grade). Without it each repository grades itself: a self-check." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds each kata's tests may take (passed to kata grade).", DefaultValueFactory = _ => 120 };
        var repoTimeout = new Option<int>("--repo-timeout") { Description = "Seconds one repository's grading may take before it is killed and reported.", DefaultValueFactory = _ => 1800 };
        var work = new Option<string>("--work") { Description = "Folder for clones, reports and logs.", DefaultValueFactory = _ => Path.Combine(".kata", "collect") };
        var collect = new Command("collect", "Grade each learner repository in turn with this runner and add each grade; goes on past a repository that fails.") { source, reference, timeout, repoTimeout, work };
        collect.SetAction(r => { var console = consoleOf(); return Cli.Guard(console, () => Collect(console, r.GetValue(db)!, r.GetValue(source)!, r.GetValue(reference), r.GetValue(timeout), r.GetValue(repoTimeout), r.GetValue(work)!)); });
        gradebook.Subcommands.Add(collect);

        var output = new Argument<string>("out") { Description = "The HTML page to write, e.g. class.html (a CSV for an LMS goes next to it)." };
        var csv = new Option<string?>("--csv") { Description = "Where the CSV goes (default: the page's name with .csv)." };
        var title = new Option<string>("--title") { Description = "The page's title.", DefaultValueFactory = _ => "Foundations Katas — class report" };
        var report = new Command("report", "Write the class report: one self-contained HTML page (heatmap, pass rates, most-failed tests, progress, refused or hung) and a CSV.") { output, csv, title };
        report.SetAction(r => { var console = consoleOf(); return Cli.Guard(console, () => Report(console, r.GetValue(db)!, r.GetValue(output)!, r.GetValue(csv), r.GetValue(title)!)); });
        gradebook.Subcommands.Add(report);

        var dir = new Argument<string>("dir") { Description = "Where the synthetic grade.json files go." };
        var learners = new Option<int>("--learners") { Description = "How many invented learners.", DefaultValueFactory = _ => 40 };
        var weeks = new Option<int>("--weeks") { Description = "How many weekly grades each.", DefaultValueFactory = _ => 8 };
        var seed = new Option<int>("--seed") { Description = "The seed: the same seed gives the same class.", DefaultValueFactory = _ => 19 };
        var synthetic = new Command("synthetic", "Invent a SYNTHETIC class (learners synthetic-NNN) for demos and scale checks, and add it to the gradebook.") { dir, learners, weeks, seed };
        synthetic.SetAction(r => { var console = consoleOf(); return Cli.Guard(console, () => Synthetic(console, Repository.Find(), r.GetValue(db)!, r.GetValue(dir)!, r.GetValue(learners), r.GetValue(weeks), r.GetValue(seed))); });
        gradebook.Subcommands.Add(synthetic);
        return gradebook;
    }

    public static int Add(IAnsiConsole console, string db, string student, IReadOnlyList<string> files, string? when)
    {
        DateTimeOffset? time = when == null ? null
            : DateTimeOffset.TryParse(when, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t.ToUniversalTime()
            : throw new RunnerException($"--when \"{when}\" is not a time; use ISO-8601, e.g. 2026-03-01T09:30:00Z.");
        foreach (var outcome in GradeImport.AddFiles(db, student, files, time))
            console.MarkupLine(outcome.Added
                ? $"[green]added[/] {Markup.Escape(outcome.File)} for {Markup.Escape(student)}: {Describe(outcome.Grade)}"
                : $"[grey]unchanged: {Markup.Escape(outcome.File)} is already in the gradebook for {Markup.Escape(student)}[/]");
        return 0;
    }

    public static int Collect(IAnsiConsole console, string db, string source, string? reference, int timeout, int repoTimeout, string work)
    {
        if (timeout <= 0 || repoTimeout <= 0) throw new RunnerException($"--timeout and --repo-timeout must be positive seconds (got {timeout} and {repoTimeout}).");
        var submissions = ClassCollector.ReadSubmissions(source);
        var collector = new ClassCollector(console, db, Path.GetFullPath(work), RunnerCommand.ThisRunner())
        {
            Reference = reference, KataTimeoutSeconds = timeout, RepositoryTimeout = TimeSpan.FromSeconds(repoTimeout),
        };
        if (reference == null) console.MarkupLine("[yellow]No --reference: each repository is graded against its own tests — a self-check, not a grade.[/]");
        var results = collector.Collect(submissions);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Learner").AddColumn("Result");
        foreach (var result in results)
            table.AddRow(Markup.Escape(result.Submission.Student), result.Graded ? Markup.Escape(result.Summary) : $"[red]{Markup.Escape(result.Summary)}[/]");
        console.Write(table);
        int failed = results.Count(r => !r.Graded);
        console.MarkupLine($"{results.Count - failed} graded, {failed} not graded (refused or failed; listed in the report) — gradebook {Markup.Escape(Path.GetFullPath(db))}");
        return 0;
    }

    public static int Report(IAnsiConsole console, string db, string output, string? csv, string title = "Foundations Katas — class report")
    {
        if (!File.Exists(db)) throw new RunnerException($"There is no gradebook at {Path.GetFullPath(db)}: add grades first (./kata gradebook add or collect), or pass --db.");
        using var store = GradebookStore.Open(db);
        var view = ClassView.Load(store);
        string page = Path.GetFullPath(output);
        string table = Path.GetFullPath(csv ?? Path.ChangeExtension(output, ".csv"));
        Directory.CreateDirectory(Path.GetDirectoryName(page)!);
        Directory.CreateDirectory(Path.GetDirectoryName(table)!);
        File.WriteAllText(page, ClassReportHtml.Render(view, DateTimeOffset.UtcNow, title));
        File.WriteAllText(table, ClassReportCsv.Render(view));
        console.MarkupLine($"{view.Learners.Count} learners × {view.Katas.Count} katas → {Markup.Escape(page)} ({new FileInfo(page).Length / 1024.0:0} KB) and {Markup.Escape(table)}");
        return 0;
    }

    public static int Synthetic(IAnsiConsole console, Repository repo, string db, string dir, int learners, int weeks, int seed)
    {
        var katas = SyntheticClass.KatasOf(repo);
        var written = SyntheticClass.Write(Path.GetFullPath(dir), katas, learners, weeks, seed);
        using (var store = GradebookStore.Open(db))
            foreach (var (student, files) in written) GradeImport.AddFiles(store, student, files, null);
        console.MarkupLine($"SYNTHETIC class: {written.Count} learners, {written.Sum(w => w.Files.Count)} grade.json files in {Markup.Escape(dir)}, added to {Markup.Escape(Path.GetFullPath(db))}");
        return 0;
    }

    private static string Describe(GradeDocument grade) =>
        grade.Refused ? $"refused ({grade.RefusalReason})" : $"{grade.Score:0.#} / {grade.Max:0.#}, {grade.Katas.Count} katas, grade.json v{grade.SchemaVersion}";
}
