using Kata.Mistakes;
using NUnit.Framework;

namespace RunnerTests;

/// <summary>
/// The runner names a known mistake only on an exact match of the failing visible tests with exactly one recorded
/// signature; a subset, a superset, a shared signature, a stub or "every test fails" get nothing.
/// </summary>
public class MistakeRecognizerTests
{
    private const string Prefix = "KataTests.K02_Loops.LoopsTests.";
    private static readonly string[] All = ["A", "B", "C", "D"];
    private string _root = "";
    private Repository _repo = null!;

    [SetUp]
    public void CreateRepository()
    {
        _root = FixtureRepository.NewRoot("recognise");
        FixtureRepository.Write(_root, "katas/K02_Loops/README.md", "# K02 — Loops\n\n## Hints\n\n1. Gentle.\n2. The loop over k is the dot product.\n");
        _repo = new Repository(_root);
        MistakeSignatures.Save(_repo,
        [
            new MistakeRecord("K02", "01-rows", "b read along its rows", "m", 2, [Prefix + "A", Prefix + "B"]),
            new MistakeRecord("K02", "02-bounds", "Loop bounds from a", "m", 1, [Prefix + "C"]),
            new MistakeRecord("K02", "03-same", "Also C and D", "m", 1, [Prefix + "C", Prefix + "D"]),
            new MistakeRecord("K02", "04-same", "Also C and D, differently", "m", 1, [Prefix + "C", Prefix + "D"]),
            new MistakeRecord("K02", "05-all", "Everything", "m", 1, [.. All.Select(n => Prefix + n)]),
        ]);
    }

    [TearDown]
    public void Delete() => Directory.Delete(_root, recursive: true);

    private KnownMistake? Recognize(string[] failing, string message = "Expected: 19 But was: 17", params TestOutcome[] extra)
    {
        var tests = All.Select(n => failing.Contains(n) ? new TestOutcome(n, Prefix + n, "Failed", message) : new TestOutcome(n, Prefix + n, "Passed")).Concat(extra).ToList();
        return MistakeRecognizer.Recognize(_repo, _repo.Get("K02"), KataResult.FromTests("K02", tests));
    }

    [Test]
    public void AnExactMatch_NamesTheMistake_AndTheHintItNames()
    {
        var known = Recognize(["A", "B"]);
        Assert.That(known, Is.EqualTo(new KnownMistake("b read along its rows", 2, "The loop over k is the dot product.")));
    }

    [Test]
    public void ASubsetOfASignature_IsNoMatch() => Assert.That(Recognize(["A"]), Is.Null, "A alone is not 01's A and B");

    [Test]
    public void ASupersetOfASignature_IsNoMatch() => Assert.That(Recognize(["A", "B", "C"]), Is.Null);

    [Test]
    public void ASignatureTwoMistakesShare_IsNoMatch() => Assert.That(Recognize(["C", "D"]), Is.Null, "03 and 04 both fail C and D");

    [Test]
    public void StubFailures_AreNoMatch() => Assert.That(Recognize(["A", "B"], "System.NotImplementedException : Kata 02: loops"), Is.Null);

    [Test]
    public void EveryTestFailing_IsNoMatch_EvenWhenRecorded() => Assert.That(Recognize(All), Is.Null);

    [Test]
    public void NoFailure_IsNoMatch() => Assert.That(Recognize([]), Is.Null);

    [Test]
    public void AFailingHiddenTest_IsLeftOut_OfTheComparison()
    {
        var hidden = new TestOutcome("H", "KataTests.Hidden.K02_Loops.HiddenLoopsTests.H", "Failed", "Expected: x But was: y");
        Assert.That(Recognize(["C"], "Expected: 1 But was: 2", hidden)?.Title, Is.EqualTo("Loop bounds from a"));
    }

    [Test]
    public void TheStatusCache_KeepsTheRecognisedMistake()
    {
        var result = KataResult.FromTests("K02", [new TestOutcome("A", Prefix + "A", "Failed", "x")]) with { LooksLike = new KnownMistake("b read along its rows", 2, "hint") };
        new StatusCache(_repo).Save("fingerprint", new Dictionary<string, KataResult> { ["K02"] = result });
        Assert.That(new StatusCache(_repo).Load("fingerprint")?["K02"].LooksLike, Is.EqualTo(result.LooksLike));
    }

    [Test]
    public void WithoutARecordingOrWithADamagedOne_NothingIsClaimed()
    {
        File.WriteAllText(MistakeSignatures.PathIn(_repo), "{ not json");
        Assert.That(Recognize(["A", "B"]), Is.Null, "a damaged file never breaks the learner's run");
        File.Delete(MistakeSignatures.PathIn(_repo));
        Assert.That(Recognize(["A", "B"]), Is.Null);
    }
}
