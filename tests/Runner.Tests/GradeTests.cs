using System.Security.Cryptography;
using System.Text.Json;
using System.Xml.Linq;
using Kata;
using Kata.Commands;
using NUnit.Framework;

namespace RunnerTests;

/// <summary>
/// Grading and status on the fixture repository: the solved kata scores, the hanging, overflowing and exiting
/// katas score 0 on their own while the rest is graded, and a tampered test file stops grading altogether.
/// </summary>
[NonParallelizable]
public class GradeTests
{
    private const int TimeoutSeconds = 20;
    private Repository _repo = null!;

    [OneTimeSetUp]
    public void CreateFixture() => _repo = FixtureRepository.Create();

    [OneTimeTearDown]
    public void DeleteFixture() => FixtureRepository.Delete(_repo);

    [Test]
    public void Grade_ScoresEachKataAlone_AndWritesTheThreeReports()
    {
        string before = Snapshot(_repo.KatasDir);
        string reports = Path.Combine(_repo.Root, "out");
        var output = new StringWriter();

        int exit = GradeCommand.Run(_repo, ManifestAndResetTests.Quiet(output), reports, min: 50, TimeoutSeconds, manifest: null);

        Assert.That(exit, Is.EqualTo(GradeCommand.BelowMinimum), "one kata of five solved is 20 points, below --min 50\n" + output);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(reports, "grade.json")));
        var katas = json.RootElement.GetProperty("katas").EnumerateArray().ToDictionary(k => k.GetProperty("kata").GetString()!);
        Assert.Multiple(() =>
        {
            Assert.That(Line(katas["K01"]), Is.EqualTo((2, 2, 100.0, "done")));
            Assert.That(Line(katas["K02"]), Is.EqualTo((0, 0, 0.0, "timed out")));
            Assert.That(Line(katas["K03"]), Is.EqualTo((0, 0, 0.0, "crashed")));
            Assert.That(Line(katas["K04"]), Is.EqualTo((0, 0, 0.0, "crashed")), "Environment.Exit(0) must not pass for a success");
            Assert.That(Line(katas["K05"]), Is.EqualTo((0, 2, 0.0, "not started")), "the kata after the crashes is still graded");
            Assert.That(json.RootElement.GetProperty("score").GetDouble(), Is.EqualTo(20.0));
            Assert.That(katas["K03"].GetProperty("detail").GetString(), Does.Contain("died"));
        });
        string markdown = File.ReadAllText(Path.Combine(reports, "grade.md"));
        Assert.That(markdown, Does.Contain("score 20 / 100").And.Contain("| K01 — Solved | 2/2 | 100 |").And.Contain("timed out"));
        var junit = XDocument.Load(Path.Combine(reports, "junit.xml"));
        Assert.That(junit.Root!.Elements("testsuite").Count(), Is.EqualTo(5));
        Assert.That(junit.Root.Elements("testsuite").First().Elements("testcase").Count(c => !c.HasElements), Is.EqualTo(2), "K01's two passing tests");
        Assert.That(Snapshot(_repo.KatasDir), Is.EqualTo(before), "grading never changes the learner's files");
    }

    [Test]
    public void Grade_RefusesWhenATestFileDiffersFromTheManifest()
    {
        string test = Path.Combine(_repo.TestsDir, "K05_Tampered", "DoublerTests.cs");
        string shipped = File.ReadAllText(test);
        string reports = Path.Combine(_repo.Root, "out-tampered");
        try
        {
            File.WriteAllText(test, shipped.Replace("Assert.That(Doubler.Call(1), Is.EqualTo(2))", "Assert.Pass()"));
            var output = new StringWriter();
            int exit = GradeCommand.Run(_repo, ManifestAndResetTests.Quiet(output), reports, min: null, TimeoutSeconds, manifest: null);
            Assert.That(exit, Is.EqualTo(GradeCommand.Refused));
            Assert.That(output.ToString(), Does.Contain("Refusing to grade").And.Contain("changed: tests/Katas.Tests/K05_Tampered/DoublerTests.cs"));
            Assert.That(File.ReadAllText(Path.Combine(reports, "grade.md")), Does.Contain("not graded").And.Contain("K05_Tampered/DoublerTests.cs"));
            Assert.That(File.Exists(Path.Combine(reports, "junit.xml")), Is.False, "no score is given at all");
        }
        finally
        {
            File.WriteAllText(test, shipped);
        }
    }

    [Test]
    public void Status_RunsTheKatasInOneWorker_AndLosesNothingToTheHangOrTheCrashes()
    {
        var results = new TestSession(_repo) { TimeoutPerKata = TimeSpan.FromSeconds(TimeoutSeconds) }.Run(_repo.Katas);
        Assert.Multiple(() =>
        {
            Assert.That(results["K01"].State, Is.EqualTo(KataState.Done));
            Assert.That(results["K02"].State, Is.EqualTo(KataState.TimedOut));
            Assert.That(results["K03"].State, Is.EqualTo(KataState.Crashed));
            Assert.That(results["K04"].State, Is.EqualTo(KataState.Crashed));
            Assert.That(results["K05"].State, Is.EqualTo(KataState.NotStarted));
            Assert.That(results["K05"].Tests.Select(t => t.FileToOpen), Is.All.EqualTo("katas/K05_Tampered/Doubler.cs:5"));
        });
    }

    [Test]
    public void WatchsWarmWorker_SurvivesACrashAndAHang_AndKeepsGoing()
    {
        var builder = new Builder(_repo);
        Assert.That(builder.BuildTests().Succeeded, Is.True);
        using var warm = new WarmWorker(_repo, builder.TestDll);
        var timeout = TimeSpan.FromSeconds(TimeoutSeconds);
        Assert.Multiple(() =>
        {
            Assert.That(warm.Run(_repo.Get("K01"), builder.KatasDll, timeout).State, Is.EqualTo(KataState.Done));
            Assert.That(warm.Run(_repo.Get("K03"), builder.KatasDll, timeout).State, Is.EqualTo(KataState.Crashed));
            Assert.That(warm.Run(_repo.Get("K01"), builder.KatasDll, timeout).State, Is.EqualTo(KataState.Done), "a fresh worker after the crash");
            Assert.That(warm.Run(_repo.Get("K02"), builder.KatasDll, timeout).State, Is.EqualTo(KataState.TimedOut));
            Assert.That(warm.Run(_repo.Get("K05"), builder.KatasDll, timeout).State, Is.EqualTo(KataState.NotStarted));
        });
    }

    private static (int Passed, int Total, double Points, string Status) Line(JsonElement kata) =>
        (kata.GetProperty("passed").GetInt32(), kata.GetProperty("total").GetInt32(), kata.GetProperty("points").GetDouble(), kata.GetProperty("status").GetString()!);

    private static string Snapshot(string dir) => Convert.ToHexString(SHA256.HashData(
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/") && !f.Contains("/bin/")).Order()
            .SelectMany(f => File.ReadAllBytes(f).Concat(System.Text.Encoding.UTF8.GetBytes(f))).ToArray()));
}
