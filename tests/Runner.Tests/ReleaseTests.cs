using System.Text.Json;
using Kata;
using Kata.Commands;
using Kata.Grading;
using Kata.Mistakes;
using NUnit.Framework;

namespace RunnerTests;

/// <summary>
/// <c>./kata release</c> on this repository: the learner's starting repository builds, shows every kata not started,
/// ships no solutions/ and no hidden test, and its kata code scores the same graded from the reference as inside the
/// reference. The reference is a committed snapshot of this working tree; one release (and its build) is shared.
/// These build the real repository three times (release, graded copy, reference), so they take minutes.
/// </summary>
[NonParallelizable]
[Category("Release")]
public class ReleaseTests
{
    private static readonly string[] Solved = ["K01_OneNeuron", "K02_ThreeLoopMatmul"];
    private Repository _reference = null!, _release = null!;
    private string _commit = "", _releaseOutput = "";
    private int _releaseExit;
    private IReadOnlyDictionary<string, KataResult> _status = null!;
    private string _commits = "", _uncommitted = "";

    [OneTimeSetUp]
    public void Release()
    {
        var real = Repository.Find(AppContext.BaseDirectory);
        string referenceRoot = Path.Combine(Path.GetTempPath(), "kata-ref-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (string file in Kata.Grading.Release.ShippedFiles(real).Where(f => File.Exists(Path.Combine(real.Root, f))))
        {
            string target = Path.Combine(referenceRoot, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(real.Root, file), target);
        }
        _reference = new Repository(referenceRoot);
        AddMistakeCatalogExample(_reference);
        Manifest.Write(_reference); // the snapshot's own manifest, whatever state the working tree's is in
        _commit = GitCommand.CommitAll(referenceRoot, "reference snapshot");

        var output = new StringWriter();
        string releaseRoot = Path.Combine(Path.GetTempPath(), "kata-release-" + Guid.NewGuid().ToString("N")[..8]);
        _releaseExit = ReleaseCommand.Run(_reference, UsageErrorTests.Wide(output), releaseRoot);
        _releaseOutput = output.ToString();
        _release = new Repository(releaseRoot);
        // Taken now, before the grading test puts solved katas into the release.
        _commits = _releaseExit == 0 ? GitCommand.Run(releaseRoot, "rev-list", "--count", "HEAD").Trim() : "";
        _uncommitted = _releaseExit == 0 ? GitCommand.Run(releaseRoot, "status", "--porcelain") : "";
        _status = _releaseExit == 0 ? KataProgress.Measure(_release, UsageErrorTests.Wide(new StringWriter())).Results : new Dictionary<string, KataResult>();
    }

    /// <summary>
    /// Until the real catalog is recorded, the snapshot gets one example: a K02 patch (never shipped) and its record in
    /// tests/mistakes.json (shipped). A snapshot that has them keeps its own.
    /// </summary>
    private static void AddMistakeCatalogExample(Repository reference)
    {
        string dir = Path.Combine(reference.SolutionsDir, "K02_ThreeLoopMatmul", MistakeCatalog.Folder);
        if (!Directory.Exists(dir) || Directory.GetFiles(dir, "*.patch").Length == 0)
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "99-release-example.patch"), """
                Title: b read along its rows
                Misconception: b is indexed like a, row first.
                Hint: 2

                diff --git a/solutions/K02_ThreeLoopMatmul/ThreeLoops.cs b/solutions/K02_ThreeLoopMatmul/ThreeLoops.cs
                --- a/solutions/K02_ThreeLoopMatmul/ThreeLoops.cs
                +++ b/solutions/K02_ThreeLoopMatmul/ThreeLoops.cs
                @@ -33 +33 @@
                -                    sum += a[i, k] * b[k, j];
                +                    sum += a[i, k] * b[j, k];

                """);
        }
        if (MistakeSignatures.Load(reference) == null)
            MistakeSignatures.Save(reference, [new MistakeRecord("K02", "99-release-example", "b read along its rows", "b is indexed like a, row first.", 2,
                ["KataTests.K02_ThreeLoopMatmul.ThreeLoopsTests.ChaptersCase_5x784_Times_784x10_MatchesTheRealProduct", "KataTests.K02_ThreeLoopMatmul.ThreeLoopsTests.SmallProduct_IsExact"])]);
    }

    [OneTimeTearDown]
    public void Delete()
    {
        ReferenceFixture.Delete(_reference.Root);
        ReferenceFixture.Delete(_release.Root);
    }

    [Test]
    public void TheRelease_Builds_AndItsKatasAreStubs_InOneCommit()
    {
        Assert.That(_releaseExit, Is.Zero, _releaseOutput);
        Assert.That(_commits, Is.EqualTo("1"));
        Assert.That(_uncommitted, Is.Empty, "everything is committed; the build's output (in .kata/) is ignored");
    }

    [Test]
    public void TheRelease_HasNoSolutions_NoHiddenTest_AndNoInstructorFile()
    {
        var files = GitCommand.Run(_release.Root, "ls-files").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(files, Has.None.StartsWith("solutions/"));
            Assert.That(files, Has.None.StartsWith("tests/Katas.Tests/Hidden/"));
            Assert.That(files, Has.None.StartsWith("tests/Runner.Tests/").And.None.StartsWith(".ci/"));
            Assert.That(files.Where(f => f.StartsWith("tests/", StringComparison.Ordinal) && f.EndsWith(".cs", StringComparison.Ordinal)).Where(f => File.ReadAllText(Path.Combine(_release.Root, f)).Contains("Category(\"Hidden\")")), Is.Empty);
            Assert.That(files, Does.Contain(".github/workflows/grade.yml").And.Contain("kata").And.Contain("tests/manifest.txt"));
            string sln = File.ReadAllText(Path.Combine(_release.Root, "Katas.sln"));
            Assert.That(sln, Does.Not.Contain("Solutions.csproj").And.Not.Contain("Runner.Tests").And.Contain("Katas.Tests.csproj"));
            string readme = File.ReadAllText(Path.Combine(_release.Root, "README.md"));
            Assert.That(readme, Does.Not.Contain("Against=solutions").And.Not.Contain("--solutions").And.Not.Contain("solutions/"));
            Assert.That(readme, Does.Not.Contain("instructor-only").And.Not.Contain("learner-only"));
            Assert.That(Manifest.Differences(_release, ManifestEntry.Test), Is.Empty, "the release's manifest describes what it ships");
        });
    }

    [Test]
    public void TheRelease_ShipsTheMistakeSignatures_NoPatch_AndRecognisesARecordedMistake()
    {
        Assert.That(_releaseExit, Is.Zero, _releaseOutput);
        var files = GitCommand.Run(_release.Root, "ls-files").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(files, Has.None.EndsWith(".patch").And.None.Contains("/mistakes/"), "the catalog's patches are solutions: they stay in the reference");
        Assert.That(files, Does.Contain(MistakeSignatures.RelativePath));
        Assert.That(File.ReadAllText(MistakeSignatures.PathIn(_release)), Is.EqualTo(File.ReadAllText(MistakeSignatures.PathIn(_reference))));

        // A learner whose visible tests fail exactly as a recorded mistake's do is told which one it looks like.
        var records = MistakeSignatures.Load(_release)!.Mistakes;
        var record = records.First(r => records.Count(o => o.Kata == r.Kata && o.Fails.SequenceEqual(r.Fails)) == 1
                                        && _status.TryGetValue(r.Kata, out var s) && r.Fails.Count < s.Tests.Count && r.Fails.All(f => s.Tests.Any(t => t.FullName == f)));
        var tests = _status[record.Kata].Tests.Select(t => record.Fails.Contains(t.FullName)
            ? t with { Result = "Failed", Message = "Expected: 19 But was: 17", StackTrace = "" } : new TestOutcome(t.Name, t.FullName, "Passed")).ToList();
        var known = MistakeRecognizer.Recognize(_release, _release.Get(record.Kata), KataResult.FromTests(record.Kata, tests));
        Assert.That(known?.Title, Is.EqualTo(record.Title));
        Assert.That(known?.HintText, Is.EqualTo(KataReadme.ReadHints(Path.Combine(_release.Get(record.Kata).Directory, "README.md"))[record.Hint - 1]));
    }

    [Test]
    public void TheReleasesStatus_ShowsEveryKataNotStarted()
    {
        Assert.That(_release.Katas.Select(k => (k.Number, _status.TryGetValue(k.Number, out var r) ? r.State : KataState.NoTests)),
            Is.EqualTo(_reference.Katas.Select(k => (k.Number, KataState.NotStarted))));
    }

    [Test]
    public void GradingTheReleasesCode_FromTheReference_ScoresAsInsideTheReference()
    {
        foreach (string kata in Solved)
            foreach (string file in Directory.GetFiles(Path.Combine(_reference.SolutionsDir, kata), "*.cs"))
            {
                File.Copy(file, Path.Combine(_release.KatasDir, kata, Path.GetFileName(file)), overwrite: true);
                File.Copy(file, Path.Combine(_reference.KatasDir, kata, Path.GetFileName(file)), overwrite: true);
            }
        string reports = Path.Combine(_release.Root, ".kata", "reports");
        var output = new StringWriter();
        GradeCommand.Run(_release, UsageErrorTests.Wide(output), new GradeOptions(Path.Combine(reports, "graded"), null, 300, null, ReferenceSource.Parse($"{_reference.Root}@{_commit}")));
        GradeCommand.Run(_reference, UsageErrorTests.Wide(output), new GradeOptions(Path.Combine(reports, "inside"), null, 300, null, null));
        var graded = Scores(Path.Combine(reports, "graded"));
        var inside = Scores(Path.Combine(reports, "inside"));
        Assert.That(graded, Is.EqualTo(inside), output.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(graded["K01"].Points, Is.EqualTo(100), "the solved katas score in full, hidden tests included");
            Assert.That(graded["K02"].Points, Is.EqualTo(100));
            Assert.That(graded["K01"].Hidden, Is.GreaterThan(0), "the reference's hidden tests ran");
            Assert.That(graded["K03"].Points, Is.Zero);
        });
    }

    private static Dictionary<string, (int Passed, int Total, double Points, int Hidden)> Scores(string dir)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "grade.json")));
        return json.RootElement.GetProperty("katas").EnumerateArray().ToDictionary(k => k.GetProperty("kata").GetString()!,
            k => (k.GetProperty("passed").GetInt32(), k.GetProperty("total").GetInt32(), k.GetProperty("points").GetDouble(),
                  k.GetProperty("hidden").GetProperty("total").GetInt32()));
    }
}
