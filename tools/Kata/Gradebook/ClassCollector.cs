using System.Diagnostics;
using System.Text.Json;
using Spectre.Console;

namespace Kata.Gradebook;

/// <summary>
/// <c>gradebook collect</c>: grades each learner repository in turn with the instructor's runner (a child
/// <c>kata grade</c> per repository, with a time limit), adds each grade.json to the gradebook, and goes on past a
/// repository that cannot be cloned, built or graded — that one is recorded as a refused run and reported at the end.
/// </summary>
public sealed class ClassCollector(IAnsiConsole console, string db, string workDir, RunnerCommand runner)
{
    /// <summary>The instructor's reference, <c>path-or-url@commit</c>; null grades each repository's own tests (a self-check).</summary>
    public string? Reference { get; init; }
    public int KataTimeoutSeconds { get; init; } = 120;
    public TimeSpan RepositoryTimeout { get; init; } = TimeSpan.FromMinutes(30);

    public sealed record Submission(string Student, string Location);
    public sealed record Result(Submission Submission, bool Graded, string Summary);

    /// <summary>A folder of clones (one learner per sub-folder) or a text file: one <c>[student] path-or-git-url</c> per line.</summary>
    public static IReadOnlyList<Submission> ReadSubmissions(string source)
    {
        if (Directory.Exists(source))
            return Directory.GetDirectories(source).Order(StringComparer.Ordinal)
                .Select(d => new Submission(Path.GetFileName(d), Path.GetFullPath(d))).ToList();
        if (!File.Exists(source)) throw new RunnerException($"{source}: neither a folder of clones nor a list file of repositories.");
        string baseDir = Path.GetDirectoryName(Path.GetFullPath(source))!;
        return File.ReadLines(source).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries))
            .Select(p => p.Length == 2 ? new Submission(p[0], Locate(p[1].Trim(), baseDir)) : new Submission(NameOf(p[0]), Locate(p[0], baseDir)))
            .ToList();
    }

    public IReadOnlyList<Result> Collect(IReadOnlyList<Submission> submissions)
    {
        if (submissions.Count == 0) throw new RunnerException("Nothing to collect: the folder or list names no repository.");
        var duplicate = submissions.GroupBy(s => s.Student).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null) throw new RunnerException($"Learner \"{duplicate.Key}\" appears {duplicate.Count()} times; give each repository its own student id (\"student url\" per line).");
        Directory.CreateDirectory(workDir);
        using var store = GradebookStore.Open(db);
        var results = new List<Result>();
        if (console.Profile.Capabilities.Interactive)
        {
            console.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask("Grading", maxValue: submissions.Count);
                    foreach (var submission in submissions)
                    {
                        task.Description = $"Grading {Markup.Escape(submission.Student)} ({results.Count + 1}/{submissions.Count})";
                        results.Add(GradeOne(store, submission));
                        task.Increment(1);
                    }
                    task.Description = $"Graded {submissions.Count} repositories";
                });
        }
        else
        {
            foreach (var submission in submissions)
            {
                console.MarkupLine($"[grey][[{results.Count + 1}/{submissions.Count}]] grading {Markup.Escape(submission.Student)}…[/]");
                results.Add(GradeOne(store, submission));
            }
        }
        return results;
    }

    private Result GradeOne(GradebookStore store, Submission submission)
    {
        string safe = string.Concat(submission.Student.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        string reportDir = Path.Combine(workDir, safe + "-report");
        string log = Path.Combine(workDir, safe + ".log");
        if (Directory.Exists(reportDir)) Directory.Delete(reportDir, recursive: true);
        string? repo = submission.Location;
        if (IsRemote(repo))
        {
            string clone = Path.Combine(workDir, safe);
            if (Directory.Exists(clone)) Directory.Delete(clone, recursive: true);
            var (cloned, cloneOutput) = Run("git", ["clone", "--quiet", "--depth", "1", repo, clone], workDir, null, TimeSpan.FromMinutes(5), log);
            if (cloned != 0) return Fail(store, submission, $"could not clone {repo}: {LastLine(cloneOutput)}");
            repo = clone;
        }
        if (!Directory.Exists(Path.Combine(repo, "katas")))
            return Fail(store, submission, $"{repo} is not a Foundations Katas repository (no katas/ folder)");

        List<string> args = ["grade", "--report", reportDir, "--timeout", KataTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (Reference != null) args.AddRange(["--reference", Reference, "--submission", repo]);
        var (exit, output) = Run(runner.FileName, [.. runner.Prefix, .. args], repo, Reference == null ? repo : null, RepositoryTimeout, log);
        string gradeJson = Path.Combine(reportDir, "grade.json");
        if (exit == -1) return Fail(store, submission, $"grading did not finish within {RepositoryTimeout.TotalMinutes:0.#} min (killed; log {log})");
        if (exit is not (0 or 1 or Commands.GradeCommand.Refused) || !File.Exists(gradeJson))
            return Fail(store, submission, $"grading failed with exit code {exit}: {Gist(output)} (log {log})");
        try
        {
            var outcome = GradeImport.AddFiles(store, submission.Student, [gradeJson], null);
            var grade = outcome[0].Grade;
            string summary = grade.Refused ? $"refused: {grade.RefusalReason}" : $"{grade.Score:0.#} / 100";
            return new Result(submission, !grade.Refused, outcome[0].Added ? summary : summary + " (already in the gradebook)");
        }
        catch (RunnerException e)
        {
            return Fail(store, submission, e.Message);
        }
    }

    /// <summary>Records the failure as a refused run, so it shows in the report's list, and reports it.</summary>
    private static Result Fail(GradebookStore store, Submission submission, string reason)
    {
        var now = DateTimeOffset.UtcNow;
        string json = JsonSerializer.Serialize(new { schema = GradeFileReader.SchemaV2, refused = true, reason = "collect: " + reason, differences = Array.Empty<string>(), gradedAt = GradebookStore.Iso(now) });
        GradeImport.AddText(store, submission.Student, json, submission.Location, now);
        return new Result(submission, false, reason);
    }

    /// <summary>Runs a process with its output in a log file; exit code −1 when it was killed for taking too long.</summary>
    private static (int Exit, string Output) Run(string file, IReadOnlyList<string> args, string cwd, string? kataRoot, TimeSpan limit, string log)
    {
        // The grade always compiles the learner's katas/, whatever the caller built against (Against); KATA_ROOT only when given.
        var start = ChildProcess.Info(file, cwd, args, environment: [new("KATA_ROOT", kataRoot), new("Against", null), new("NO_COLOR", "1")]);
        var output = new System.Text.StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (127, $"cannot start {file}: {e.Message}");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        bool finished = process.WaitForExit(limit);
        if (!finished) ChildProcess.KillTree(process);
        process.WaitForExit();
        string text;
        lock (output) text = output.ToString();
        File.AppendAllText(log, $"$ {file} {string.Join(' ', args)}\n{text}\n");
        return (finished ? process.ExitCode : -1, text);
    }

    /// <summary>The line that says what went wrong: the first error-like line (a usage error prints help after it), else the last.</summary>
    private static string Gist(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase) || l.StartsWith("Unrecognized", StringComparison.Ordinal)
                                 || l.Contains("required", StringComparison.OrdinalIgnoreCase) || l.StartsWith("Refusing", StringComparison.Ordinal))
        ?? LastLine(output);

    private static string LastLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "(no output)";

    private static bool IsRemote(string location) => location.Contains("://", StringComparison.Ordinal) || location.StartsWith("git@", StringComparison.Ordinal);

    private static string Locate(string location, string baseDir) => IsRemote(location) ? location : Path.GetFullPath(location, baseDir);

    private static string NameOf(string location)
    {
        string name = location.TrimEnd('/', '\\');
        name = name[(name.LastIndexOfAny(['/', '\\', ':']) + 1)..];
        return name.EndsWith(".git", StringComparison.Ordinal) ? name[..^4] : name;
    }
}

/// <summary>How collect starts the instructor's runner: by default this very runner (<c>dotnet kata.dll</c>).</summary>
public sealed record RunnerCommand(string FileName, IReadOnlyList<string> Prefix)
{
    public static RunnerCommand ThisRunner() => new(Dotnet.HostPath, [Path.Combine(AppContext.BaseDirectory, "kata.dll")]);
}
