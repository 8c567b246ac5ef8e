using System.Security.Cryptography;
using System.Text.Json;
using System.Xml.Linq;
using Kata;
using Kata.Commands;
using NUnit.Framework;

namespace RunnerTests;

/// <summary>
/// Grading the fixture repository once (see <see cref="FixtureRepository"/>): the honest kata scores, each attack
/// scores nothing it did not earn while the other katas are still scored, and the report names what was refused and
/// where, the test that hung and the line that crashed. Also: a tampered test file stops grading altogether, and the
/// learner's loop (status, watch) loses only the hung or crashed test.
/// </summary>
[NonParallelizable]
public class GradeTests
{
    private const int TimeoutSeconds = 15;
    private Repository _repo = null!;
    private string _reports = "", _console = "", _snapshotBefore = "", _snapshotAfter = "";
    private int _exit;
    private Dictionary<string, JsonElement> _katas = null!;
    private JsonDocument _json = null!;
    private XDocument _junit = null!;

    [OneTimeSetUp]
    public void CreateAndGradeFixture()
    {
        _repo = FixtureRepository.Create();
        _snapshotBefore = Snapshot(_repo.KatasDir);
        _reports = Path.Combine(_repo.Root, "out");
        var output = new StringWriter();
        _exit = GradeCommand.Run(_repo, ManifestAndResetTests.Quiet(output), _reports, min: 50, TimeoutSeconds, manifest: null);
        _console = output.ToString();
        _snapshotAfter = Snapshot(_repo.KatasDir);
        _json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_reports, "grade.json")));
        _katas = _json.RootElement.GetProperty("katas").EnumerateArray().ToDictionary(k => k.GetProperty("kata").GetString()!);
        _junit = XDocument.Load(Path.Combine(_reports, "junit.xml"));
    }

    [OneTimeTearDown]
    public void DeleteFixture()
    {
        _json?.Dispose();
        FixtureRepository.Delete(_repo);
    }

    [Test]
    public void Grade_ScoresTheHonestKata_AndOnlyWhatTheOthersEarned()
    {
        Assert.That(_exit, Is.EqualTo(GradeCommand.BelowMinimum), "K01 solved and half of K02 and K03 is far below --min 50\n" + _console);
        Assert.Multiple(() =>
        {
            Assert.That(Line("K01"), Is.EqualTo((2, 2, 100.0, "done")));
            Assert.That(Line("K05"), Is.EqualTo((0, 2, 0.0, "not started")));
            // (100 + 50 + 50) / 16 katas
            Assert.That(_json.RootElement.GetProperty("score").GetDouble(), Is.EqualTo(12.5));
            Assert.That(_snapshotAfter, Is.EqualTo(_snapshotBefore), "grading never changes the learner's files");
        });
        Assert.That(File.ReadAllText(Path.Combine(_reports, "grade.md")), Does.Contain("| K01 — Solved | 2/2 | 100 |"));
    }

    [Test]
    public void Hang_CostsTheHungTestOnly_AndNamesIt()
    {
        Assert.That(Line("K02"), Is.EqualTo((1, 2, 50.0, "timed out")), "AddsOne still counts");
        Assert.That(Detail("K02"), Does.Contain("AddsOneToZero timed out"));
        Assert.That(File.ReadAllText(Path.Combine(_reports, "grade.md")), Does.Contain("AddsOneToZero timed out"));
        var hung = Suite("K02").Elements("testcase").Single(c => (string?)c.Attribute("name") == "AddsOneToZero");
        Assert.That((string?)hung.Element("error")?.Attribute("type"), Is.EqualTo(TestOutcome.TimedOut));
    }

    [Test]
    public void StackOverflow_CostsTheCrashedTestOnly_AndNamesTheLearnersLine()
    {
        Assert.That(Line("K03"), Is.EqualTo((1, 2, 50.0, "crashed")));
        Assert.That(Detail("K03"), Does.Contain("AddsOneToZero crashed").And.Contain("katas/K03_Overflows/Recursion.cs:5").And.Contain("stack overflow"));
    }

    [TestCase("K04", "banned-api", "Environment.Exit", Description = "exit early with success")]
    [TestCase("K06", "banned-api", "Type", Description = "reach the test framework by reflection")]
    [TestCase("K07", "banned-api", "read or write files", Description = "rewrite the results")]
    [TestCase("K10", "banned-api", "Process", Description = "start processes")]
    [TestCase("K11", "banned-api", "read or write files", Description = "read the answers at run time")]
    [TestCase("K12", "banned-api", "ModuleInitializer", Description = "module initializer")]
    [TestCase("K13", "unsafe-code", "nsafe", Description = "unsafe code")]
    [TestCase("K14", "suppressed-diagnostic", "RS0030", Description = "silence the analyzer with #pragma")]
    [TestCase("K15", "dynamic", "RuntimeBinder", Description = "dynamic")]
    [TestCase("K16", "banned-api", "lay out memory", Description = "overlapping fields")]
    public void Attack_IsRefused_ScoresNothing_AndTheReportSaysWhereAndWhy(string kata, string rule, string words)
    {
        var json = _katas[kata];
        Assert.That(Line(kata), Is.EqualTo((0, 2, 0.0, "refused (not safe C#)")), "a refused kata keeps its real test count and scores 0");
        var refused = json.GetProperty("refused").EnumerateArray().ToList();
        Assert.That(refused, Is.Not.Empty);
        var first = refused[0];
        string folder = FixtureRepository.Submissions.Single(s => s.Folder.StartsWith(kata, StringComparison.Ordinal)).Folder;
        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("rule").GetString(), Is.EqualTo(rule));
            Assert.That(first.GetProperty("file").GetString(), Does.StartWith($"katas/{folder}/"));
            Assert.That(first.GetProperty("line").GetInt32(), Is.GreaterThan(0));
            Assert.That(first.GetProperty("message").GetString(), Does.Contain(words));
            Assert.That(File.ReadAllText(Path.Combine(_reports, "grade.md")), Does.Contain($"katas/{folder}/"));
            Assert.That(Suite(kata).Elements("testcase").Count(c => c.Element("error") != null), Is.EqualTo(2));
        });
    }

    [Test]
    public void FakeProgressLines_AndFakeVerdictsOnStdout_AreIgnored()
    {
        Assert.That(Line("K08"), Is.EqualTo((0, 2, 0.0, "in progress")));
        Assert.That(_katas["K08"].GetProperty("refused").GetArrayLength(), Is.Zero, "printing is allowed; it just cannot fake anything");
    }

    [Test]
    public void ExhaustingMemory_FailsTheTests_NotTheMachine()
    {
        Assert.That(Line("K09").Passed, Is.Zero);
        Assert.That(Suite("K09").Elements("testcase").Select(c => (string?)c.Element("failure")?.Attribute("message") ?? (string?)c.Element("error")?.Attribute("message")),
            Has.Some.Contains("OutOfMemory"));
    }

    [Test]
    public void JUnit_KeepsEveryKatasRealTestCount()
    {
        Assert.That(_junit.Root!.Elements("testsuite").Count(), Is.EqualTo(FixtureRepository.Submissions.Length));
        Assert.That(_junit.Root.Elements("testsuite").Select(s => (string?)s.Attribute("tests")), Is.All.EqualTo("2"));
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
    public void Status_RunsTheKatasInOneWorker_AndLosesOnlyTheHungAndCrashedTests()
    {
        var katas = new[] { "K01", "K02", "K03", "K04", "K05", "K08" }.Select(_repo.Get).ToList();
        var results = new TestSession(_repo) { TimeoutPerTest = TimeSpan.FromSeconds(TimeoutSeconds) }.Run(katas);
        Assert.Multiple(() =>
        {
            Assert.That(results["K01"].State, Is.EqualTo(KataState.Done));
            Assert.That((results["K02"].State, results["K02"].Passed, results["K02"].Total), Is.EqualTo((KataState.TimedOut, 1, 2)));
            Assert.That(results["K02"].Tests.Single(t => !t.Passed).Name, Is.EqualTo("AddsOneToZero"));
            Assert.That((results["K03"].State, results["K03"].Passed, results["K03"].Total), Is.EqualTo((KataState.Crashed, 1, 2)));
            Assert.That(results["K03"].Tests.Single(t => !t.Passed).FileToOpen, Is.EqualTo("katas/K03_Overflows/Recursion.cs:5"));
            Assert.That((results["K04"].State, results["K04"].Passed, results["K04"].Total), Is.EqualTo((KataState.Crashed, 0, 2)), "Environment.Exit(0) is no success");
            Assert.That(results["K05"].State, Is.EqualTo(KataState.NotStarted));
            Assert.That(results["K05"].Tests.Select(t => t.FileToOpen), Is.All.EqualTo("katas/K05_Tampered/Doubler.cs:5"));
            Assert.That((results["K08"].Passed, results["K08"].Total), Is.EqualTo((0, 2)));
        });
    }

    [Test]
    public void WatchsWarmWorker_SurvivesACrashAndAHang_AndKeepsGoing()
    {
        // The katas that do not compile outside grading (unsafe, dynamic) are set back to their stubs, as watch would.
        var shadow = ShadowWorkspace.Create(_repo, [_repo.Get("K13"), _repo.Get("K15")]);
        var builder = new Builder(shadow);
        Assert.That(builder.BuildTests().Succeeded, Is.True);
        using var warm = new WarmWorker(shadow, builder.TestDll);
        var timeout = TimeSpan.FromSeconds(TimeoutSeconds);
        Assert.Multiple(() =>
        {
            Assert.That(warm.Run(shadow.Get("K01"), builder.KatasDll, timeout).State, Is.EqualTo(KataState.Done));
            var crashed = warm.Run(shadow.Get("K03"), builder.KatasDll, timeout);
            Assert.That((crashed.State, crashed.Passed), Is.EqualTo((KataState.Crashed, 1)));
            Assert.That(warm.Run(shadow.Get("K01"), builder.KatasDll, timeout).State, Is.EqualTo(KataState.Done), "a fresh worker after the crash");
            var hung = warm.Run(shadow.Get("K02"), builder.KatasDll, timeout * 3);
            Assert.That((hung.State, hung.Passed), Is.EqualTo((KataState.TimedOut, 1)));
            Assert.That(hung.Detail, Does.Contain("AddsOneToZero"));
            Assert.That(warm.Run(shadow.Get("K05"), builder.KatasDll, timeout).State, Is.EqualTo(KataState.NotStarted));
        });
    }

    private (int Passed, int Total, double Points, string Status) Line(string kata)
    {
        var k = _katas[kata];
        return (k.GetProperty("passed").GetInt32(), k.GetProperty("total").GetInt32(), k.GetProperty("points").GetDouble(), k.GetProperty("status").GetString()!);
    }

    private string Detail(string kata) => _katas[kata].GetProperty("detail").GetString()!;

    private XElement Suite(string kata) => _junit.Root!.Elements("testsuite").Single(s => ((string?)s.Attribute("name"))!.StartsWith(kata, StringComparison.Ordinal));

    private static string Snapshot(string dir) => Convert.ToHexString(SHA256.HashData(
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/") && !f.Contains("/bin/")).Order()
            .SelectMany(f => File.ReadAllBytes(f).Concat(System.Text.Encoding.UTF8.GetBytes(f))).ToArray()));
}
