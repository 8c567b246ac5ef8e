using Kata;
using Kata.Commands;
using Kata.Grading;
using Kata.Mistakes;
using NUnit.Framework;

namespace RunnerTests;

/// <summary>
/// <c>verify --update-mistakes</c> then <c>verify --mistakes</c> on <see cref="MistakesFixture"/> (one build of its tests,
/// then a recompile per mistake), and the learner's side: <c>test</c> and the status screen name the recorded mistake
/// that katas/ holds, also in a release. Builds a small fixture, so it takes a minute or two.
/// </summary>
[NonParallelizable]
[Category("Mistakes")]
public class MistakesTests
{
    private const string Tests = "KataTests.K02_ThreeLoopMatmul.ThreeLoopsTests.";
    private Repository _repo = null!;
    private int _updateExit, _verifyExit;
    private string _update = "", _verify = "";
    private MistakeSignatures? _recorded;

    [OneTimeSetUp]
    public void RecordThenVerify()
    {
        _repo = MistakesFixture.Create();
        var output = new StringWriter();
        _updateExit = MistakesCommand.Run(_repo, UsageErrorTests.Wide(output), null, 30, update: true);
        _update = output.ToString();
        _recorded = MistakeSignatures.Load(_repo);
        output = new StringWriter();
        _verifyExit = MistakesCommand.Run(_repo, UsageErrorTests.Wide(output), null, 30, update: false);
        _verify = output.ToString();
    }

    [OneTimeTearDown]
    public void Delete() => FixtureRepository.Delete(_repo);

    [Test]
    public void ACaughtMistake_IsOneLine_WithHowManyTestsCaughtIt_AndTheFirst()
    {
        Assert.That(_verify, Does.Match(@"✓ K02 01-b-rows  b read along its rows, like a \([0-9.]+ s\)  caught by 2 tests, first: (SmallProduct_IsExact|NonSquare_IsArByBc)"), _verify);
    }

    [Test]
    public void AnEscapedMistake_FailsVerify_NamingItsIdTitleAndFile()
    {
        Assert.That(_verifyExit, Is.EqualTo(1));
        Assert.That(_verify, Does.Contain("ESCAPED: K02 02-no-size-check \"No check that the inner sizes agree\" (solutions/K02_ThreeLoopMatmul/mistakes/02-no-size-check.patch): every visible test passes"),
            "only the hidden test sees it, and verify --mistakes checks what the learner sees\n" + _verify);
    }

    [Test]
    public void AMistakeThatOnlyHangs_IsNotReadable_AndNamesTheTest()
    {
        Assert.That(_verify, Does.Match(@"NOT READABLE: K02 03-k-never-grows ""The k loop never moves on"" \(solutions/K02_ThreeLoopMatmul/mistakes/03-k-never-grows.patch\): no test fails with a message; only (SmallProduct_IsExact|TheIdentity_ChangesNothing|NonSquare_IsArByBc) TimedOut"), _verify);
    }

    [Test]
    public void TheSummary_CountsEachMistake_AsOneCheck()
    {
        Assert.That(_verify, Does.Contain("K02: 3 mistakes, 1 caught").And.Contain("verify --mistakes: 3 mistakes in 1 katas, 1 caught, 2 not caught;"));
    }

    [Test]
    public void UpdateMistakes_RecordsTheCaughtMistakesSignature_WithoutHiddenTests()
    {
        Assert.That(_updateExit, Is.EqualTo(1), "the escaped and the hanging mistake are still problems\n" + _update);
        Assert.That(_recorded, Is.Not.Null, _update);
        var record = _recorded!.Mistakes.Single();
        Assert.That((record.Kata, record.Id, record.Title, record.Misconception, record.Hint),
            Is.EqualTo(("K02", "01-b-rows", MistakesFixture.CaughtTitle, "A learner's belief.", 2)));
        Assert.That(record.Fails, Is.EqualTo(new[] { Tests + "NonSquare_IsArByBc", Tests + "SmallProduct_IsExact" }), "sorted full names; a @ I passes with b read by rows");
        Assert.That(File.ReadAllText(MistakeSignatures.PathIn(_repo)), Does.Not.Contain("diff").And.Not.Contain("ThreeLoops.cs"), "no code and no patch in the shipped file");
    }

    [Test]
    public void Verify_FindsTheRecordedSignatureUnchanged_AndAsksForTheUnrecordedOnes()
    {
        Assert.That(_verify, Does.Not.Contain("01-b-rows (solutions").And.Not.Contain("warning: K02 01-b-rows"), _verify);
        Assert.That(_verify, Does.Contain("K02 02-no-size-check (solutions/K02_ThreeLoopMatmul/mistakes/02-no-size-check.patch) has no recorded signature in tests/mistakes.json"));
    }

    [Test]
    public void TheWorkingTree_IsNeverTouched()
    {
        Assert.That(File.ReadAllText(Path.Combine(_repo.SolutionsDir, "K02_ThreeLoopMatmul", "ThreeLoops.cs")), Is.EqualTo(MistakesFixture.Solution));
    }

    [Test]
    public void Test_And_Status_NameTheRecordedMistake_AndShowItsHint_ButHintIsUntouched()
    {
        var output = new StringWriter();
        int exit = TestCommand.Run(_repo, UsageErrorTests.Wide(output), "K02");
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output.ToString(), Does.Contain($"this looks like: {MistakesFixture.CaughtTitle}")
            .And.Contain($"hint 2 {MistakesFixture.DotProductHint} (./kata hint K02 --level 2)"), output.ToString());

        output = new StringWriter();
        StatusCommand.Run(_repo, UsageErrorTests.Wide(output), refresh: true);
        Assert.That(output.ToString(), Does.Contain($"this looks like: {MistakesFixture.CaughtTitle}").And.Contain($"hint 2 {MistakesFixture.DotProductHint}"), output.ToString());

        output = new StringWriter();
        HintCommand.Run(_repo, UsageErrorTests.Wide(output), "K02", null);
        Assert.That(output.ToString(), Does.Contain("hint 1 of 2").And.Not.Contain("looks like"), "./kata hint still goes gentlest first");
    }

    [Test]
    public void TheRelease_ShipsTheSignatures_NoPatch_AndStillRecognises()
    {
        string target = Path.Combine(Path.GetTempPath(), "kata-mistakes-release-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Release.Write(_repo, target);
            var release = new Repository(target);
            var files = Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).Select(release.Relative).ToList();
            Assert.That(files, Has.None.EndsWith(".patch").And.None.Contains("/mistakes/"));
            Assert.That(File.ReadAllText(MistakeSignatures.PathIn(release)), Is.EqualTo(File.ReadAllText(MistakeSignatures.PathIn(_repo))));
            // The learner's failing tests, as the release's runner would see them: the same visible tests fail.
            var tests = new[] { "SmallProduct_IsExact", "TheIdentity_ChangesNothing", "NonSquare_IsArByBc" }
                .Select(n => new TestOutcome(n, Tests + n, n == "TheIdentity_ChangesNothing" ? "Passed" : "Failed", "Expected: 19 But was: 17")).ToList();
            var known = MistakeRecognizer.Recognize(release, release.Get("K02"), KataResult.FromTests("K02", tests));
            Assert.That(known?.Title, Is.EqualTo(MistakesFixture.CaughtTitle));
            Assert.That(known?.HintText, Is.EqualTo(MistakesFixture.DotProductHint));
        }
        finally
        {
            Directory.Delete(target, recursive: true);
        }
    }
}
