using Spectre.Console;

namespace Kata.Commands;

/// <summary>
/// <c>./kata verify</c> (maintainers, CI): every kata folder is complete, the manifest is current, every test passes
/// against solutions/ and no kata test passes against katas/. <c>--update-manifest</c> rewrites tests/manifest.txt.
/// </summary>
public static class VerifyCommand
{
    private static readonly string[] Sections = ["The idea", "Your task", "Hints", "Done when", "Going further"];

    public static int Run(Repository repo, IAnsiConsole console, bool updateManifest, int timeoutSeconds)
    {
        if (updateManifest) return UpdateManifest(repo, console, TimeSpan.FromSeconds(timeoutSeconds));
        var problems = new List<string>();
        problems.AddRange(Layout(repo));
        console.MarkupLine($"[bold]Layout[/] of {repo.Katas.Count} katas: {Ok(problems.Count == 0)}");
        int before = problems.Count;
        problems.AddRange(ManifestProblems(repo));
        console.MarkupLine($"[bold]Manifest[/] {Ui.Escape(repo.Relative(repo.ManifestPath))}: {Ok(problems.Count == before)}");

        var timeout = TimeSpan.FromSeconds(timeoutSeconds);
        before = problems.Count;
        var solved = new TestSession(repo, "solutions") { TimeoutPerKata = timeout, TimeoutPerTest = timeout, Progress = t => console.MarkupLine($"[grey]{Ui.Escape(t)}…[/]") }.Run(repo.Katas);
        foreach (var kata in repo.Katas)
        {
            var r = solved[kata.Number];
            if (r.State != KataState.Done) problems.Add($"{kata.Number} against solutions/: {r.Passed}/{r.Total} pass, {Ui.StateText(r.State)} {r.Detail}".Trim());
            foreach (var test in r.Tests.Where(t => !t.Passed).Take(5)) problems.Add($"  {test.Result}: {test.FullName}: {test.Message.Split('\n')[0]}");
        }
        int solvedTests = solved.Values.Sum(r => r.Total);
        console.MarkupLine($"[bold]Against solutions/[/] ({solvedTests} tests, all must pass): {Ok(problems.Count == before)}");

        before = problems.Count;
        var stubs = new TestSession(repo, "katas") { TimeoutPerKata = timeout, TimeoutPerTest = timeout, Progress = t => console.MarkupLine($"[grey]{Ui.Escape(t)}…[/]") }.Run(repo.Katas);
        foreach (var kata in repo.Katas)
        {
            var r = stubs[kata.Number];
            if (r.Total == 0) problems.Add($"{kata.Number} against katas/: no test ran ({Ui.StateText(r.State)} {r.Detail})".Trim());
            foreach (var test in r.Tests.Where(t => t.Result != "Failed"))
                problems.Add($"{kata.Number} against katas/: {test.FullName} is {test.Result} on the stubs (each test must fail)");
        }
        int stubTests = stubs.Values.Sum(r => r.Total);
        console.MarkupLine($"[bold]Against katas/[/] ({stubTests} tests, none may pass): {Ok(problems.Count == before)}");

        foreach (var problem in problems) console.MarkupLine($"  [red]{Ui.Escape(problem)}[/]");
        console.WriteLine(problems.Count == 0
            ? $"verify: OK — {repo.Katas.Count} katas, {solvedTests} tests pass against solutions/, {stubTests} fail against katas/"
            : $"verify: {problems.Count} problem(s)");
        return problems.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// The instructor's tool, in the reference repository: records the shipped tests and stubs (for <c>reset</c> and the
    /// self-check). It refuses where there are no solutions/ (a learner's copy) and when a kata in katas/ is not a stub,
    /// so a solved file is never recorded as the stub. It cannot launder a weakened test into a grade either way: a grade
    /// comes from the reference's own tests (<c>grade --reference</c>), which never reads the submission's manifest.
    /// </summary>
    private static int UpdateManifest(Repository repo, IAnsiConsole console, TimeSpan timeout)
    {
        if (!Directory.Exists(repo.SolutionsDir))
        {
            console.MarkupLine("[red bold]Not updated:[/] [red]--update-manifest is for the instructor's reference repository, and this one has no solutions/. " +
                               "(A learner gains nothing by re-recording it: grading with --reference ignores this manifest entirely.)[/]");
            return GradeCommand.Refused;
        }
        var problems = Grading.StubCheck.Problems(repo, timeout, t => console.MarkupLine($"[grey]{Ui.Escape(t)}…[/]"));
        if (problems.Count > 0)
        {
            console.MarkupLine("[red bold]Not updated:[/] the manifest records katas/ as the shipped stubs, and these are not stubs:");
            foreach (string problem in problems) console.MarkupLine($"  [red]{Ui.Escape(problem)}[/]");
            console.MarkupLine("[grey]Put the stubs back (./kata reset KNN) and keep the implementations in solutions/.[/]");
            return GradeCommand.Refused;
        }
        Manifest.Write(repo);
        console.MarkupLine($"[green]Wrote {Ui.Escape(repo.Relative(repo.ManifestPath))}[/] ({Manifest.Compute(repo).Count} files). Commit it with the tests it describes. " +
                           "It serves reset and the self-check; grades come from the reference's tests (grade --reference) and never read a submission's manifest.");
        return 0;
    }

    /// <summary>Each kata has a README with the sections in order and hints, stubs, a solution twin of every stub file, and tests.</summary>
    public static IEnumerable<string> Layout(Repository repo)
    {
        foreach (var kata in repo.Katas)
        {
            string readme = Path.Combine(kata.Directory, "README.md");
            if (!File.Exists(readme)) { yield return $"{kata.Number}: {kata.ReadmePath} is missing"; }
            else
            {
                string text = File.ReadAllText(readme);
                if (kata.Title.Length == 0) yield return $"{kata.Number}: the README does not start with '# {kata.Number} — Title'";
                var found = KataReadme.Sections(text).Where(Sections.Contains).ToList();
                if (!found.SequenceEqual(Sections)) yield return $"{kata.Number}: README sections are [{string.Join(", ", found)}], expected [{string.Join(", ", Sections)}] in that order";
                if (KataReadme.ParseHints(text).Count == 0) yield return $"{kata.Number}: the README's '## Hints' has no numbered hint";
            }
            var stubs = CodeFiles(kata.Directory);
            if (stubs.Count == 0) yield return $"{kata.Number}: katas/{kata.FolderName} has no .cs stub";
            string twin = Path.Combine(repo.SolutionsDir, kata.FolderName);
            if (!Directory.Exists(twin)) yield return $"{kata.Number}: solutions/{kata.FolderName} is missing";
            else
            {
                // Every stub needs its implemented twin; a solution may add internal helper files of its own
                // (K05's equation parser), since the learner is free to organise their code the same way.
                var withoutTwin = stubs.Except(CodeFiles(twin)).ToList();
                if (withoutTwin.Count > 0) yield return $"{kata.Number}: solutions/{kata.FolderName} lacks [{string.Join(", ", withoutTwin)}], which katas/{kata.FolderName} has";
            }
            string tests = Path.Combine(repo.TestsDir, kata.FolderName);
            if (!Directory.Exists(tests) || CodeFiles(tests).Count == 0) yield return $"{kata.Number}: tests/Katas.Tests/{kata.FolderName} has no tests";
        }
        foreach (string problem in HiddenTestProblems(repo)) yield return problem;
        if (Directory.Exists(repo.SolutionsDir))
            foreach (string dir in Directory.GetDirectories(repo.SolutionsDir).Select(Path.GetFileName).Where(d => d!.StartsWith('K')).Order()!)
                if (!repo.Katas.Any(k => k.FolderName == dir)) yield return $"solutions/{dir} has no kata twin katas/{dir}";
    }

    /// <summary>
    /// A hidden test is known by its namespace (KataTests.Hidden.KNN_…) and left out of a release by its folder
    /// (tests/Katas.Tests/Hidden/), so both must agree with its [Category("Hidden")].
    /// </summary>
    private static IEnumerable<string> HiddenTestProblems(Repository repo)
    {
        if (!Directory.Exists(repo.TestsDir)) yield break;
        foreach (string file in Directory.EnumerateFiles(repo.TestsDir, "*.cs", SearchOption.AllDirectories).Where(f => !Fingerprint.IsBuildOutput(repo.Relative(f))))
        {
            string relative = repo.Relative(file), text = File.ReadAllText(file);
            bool inFolder = relative.StartsWith(Grading.HiddenTests.RelativeFolder + "/", StringComparison.Ordinal);
            bool marked = text.Contains("[Category(\"Hidden\")]", StringComparison.Ordinal);
            if (marked && !inFolder) yield return $"{relative}: a [Category(\"Hidden\")] test outside {Grading.HiddenTests.RelativeFolder}/ would be shipped in the release";
            if (inFolder && !text.Contains("namespace KataTests.Hidden.", StringComparison.Ordinal))
                yield return $"{relative}: files in {Grading.HiddenTests.RelativeFolder}/ need the namespace KataTests.Hidden.KNN_Name (grading counts hidden tests by it)";
            if (inFolder && text.Contains("[Test", StringComparison.Ordinal) && !marked)
                yield return $"{relative}: a hidden test class needs [Category(\"Hidden\")] beside its [Category(\"KNN\")]";
        }
    }

    private static IEnumerable<string> ManifestProblems(Repository repo)
    {
        if (!File.Exists(repo.ManifestPath))
        {
            yield return $"{repo.Relative(repo.ManifestPath)} is missing: run ./kata verify --update-manifest";
            yield break;
        }
        foreach (string kind in new[] { ManifestEntry.Test, ManifestEntry.Stub })
            foreach (string difference in Manifest.Differences(repo, kind))
                yield return $"manifest out of date ({kind}) — {difference}; run ./kata verify --update-manifest";
    }

    private static List<string> CodeFiles(string dir) =>
        Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/'))
            .Where(f => !Fingerprint.IsBuildOutput(f)).Order(StringComparer.Ordinal).ToList();

    private static string Ok(bool ok) => ok ? "[green]ok[/]" : "[red]FAILED[/]";
}
