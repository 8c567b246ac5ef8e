using Kata;
using Kata.Commands;
using NUnit.Framework;

namespace RunnerTests;

/// <summary>
/// The learner's loop on a built fixture (see <see cref="LoopFixture"/>): a warning never blocks a kata, a failure
/// points at the learner's line (or the method the test calls), and watch's first save takes the quick path.
/// </summary>
[NonParallelizable]
public class LearnerLoopTests
{
    private Repository _repo = null!;
    private IReadOnlyDictionary<string, KataResult> _results = null!;

    [OneTimeSetUp]
    public void BuildAndRun()
    {
        _repo = LoopFixture.Create();
        _results = new TestSession(_repo) { TimeoutPerKata = TimeSpan.FromSeconds(60) }.Run(_repo.Katas);
    }

    [OneTimeTearDown]
    public void DeleteFixture() => LoopFixture.Delete(_repo);

    [Test]
    public void AWarningInTheLearnersCode_DoesNotBlock_AndIsListed()
    {
        var k01 = _results["K01"];
        Assert.That(k01.State, Is.EqualTo(KataState.InProgress), "an unused local is a warning in katas/: the tests still run\n" + k01.Detail);
        Assert.That(k01.Total, Is.EqualTo(2));
        Assert.That(k01.Warnings, Has.Some.Contains("katas/K01_Warned/Adder.cs(7,13): CS0168"));
        Assert.That(_results["K02"].Warnings, Is.Empty, "a kata without warnings lists none");

        var output = new StringWriter();
        TestCommand.Write(Ui.CreateConsole(output, isTerminal: false, noColorOption: false), _repo.Get("K01"), k01);
        Assert.That(output.ToString(), Does.Contain("warning katas/K01_Warned/Adder.cs(7,13): CS0168"));
    }

    [Test]
    public void AnExceptionInTheLearnersCode_PointsAtTheLearnersLine()
    {
        var failure = _results["K02"].Tests.Single(t => !t.Passed);
        Assert.That(failure.FileToOpen, Is.EqualTo("katas/K02_Throws/Lookup.cs:8"), failure.StackTrace);
        Assert.That(failure.OpenNote, Is.Null, "the learner's own line needs no explanation");
    }

    [Test]
    public void AWrongAnswer_PointsAtTheMethodTheTestCalls()
    {
        var failures = _results["K01"].Tests.Where(t => !t.Passed).ToList();
        Assert.That(failures, Has.Count.EqualTo(2));
        // AddsOne calls Adder.Call on the line above its assertion; AddsOneToZero on the same line.
        Assert.That(failures.Select(f => f.FileToOpen), Is.All.EqualTo("katas/K01_Warned/Adder.cs:5"));
        Assert.That(failures.Select(f => f.OpenNote), Is.All.Contains("Adder.Call"));

        var output = new StringWriter();
        Ui.WriteFailure(Ui.CreateConsole(output, isTerminal: false, noColorOption: false), failures[0]);
        Assert.That(output.ToString(), Does.Contain("open: katas/K01_Warned/Adder.cs:5 (Adder.Call, which this test calls)"));
    }

    [Test]
    public void WatchsStartUp_LeavesTheFirstSaveOnTheQuickPath()
    {
        var builder = new Builder(_repo);
        File.Delete(builder.TestDll); // as on a first start: the whole test build has to run
        var (startup, startupKatas) = builder.WarmUpForWatch();
        Assert.That(startup.Succeeded, Is.True, startup.Output);
        Assert.That(startupKatas, Is.EqualTo(builder.KatasDll), "the start-up run goes through the warm worker");

        string file = Path.Combine(_repo.KatasDir, "K02_Throws", "Lookup.cs");
        string shipped = File.ReadAllText(file);
        try
        {
            File.WriteAllText(file, shipped.Replace("return values[x] + 1;", "return values[x] + 1; // saved"));
            var (save, saveKatas) = builder.BuildForWatch();
            Assert.That(save.Succeeded, Is.True, save.Output);
            Assert.That(saveKatas, Is.EqualTo(Path.Combine(_repo.StateDir, "watch", "Katas.dll")),
                "the first save is compiled straight through the compiler server, not by a new MSBuild");
        }
        finally
        {
            File.WriteAllText(file, shipped);
        }
    }
}
