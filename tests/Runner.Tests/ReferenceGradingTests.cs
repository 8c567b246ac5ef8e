using System.Text.Json;
using Kata;
using Kata.Commands;
using Kata.Grading;
using NUnit.Framework;

namespace RunnerTests;

/// <summary>
/// Grading from a reference on the fixture of <see cref="ReferenceFixture"/>: only the learner's kata sources count, so
/// editing the given code, weakening a test (and re-recording the manifest) or reading the reference's answers earns
/// nothing, while the honest kata is still scored — and the same attacks do work on a self-check, which is why a
/// self-check says it is not a grade. One grade of each kind is shared by the tests.
/// </summary>
[NonParallelizable]
public class ReferenceGradingTests
{
    private const int TimeoutSeconds = 60;
    private Repository _reference = null!, _submission = null!;
    private string _commit = "", _reports = "";
    private JsonElement _graded, _selfCheck, _insideReference;
    private string _gradedMarkdown = "", _selfCheckOutput = "";

    [OneTimeSetUp]
    public void GradeTheSubmissionBothWays()
    {
        (_reference, _commit) = ReferenceFixture.CreateReference();
        _submission = ReferenceFixture.CreateSubmission(_reference);
        _reports = Path.Combine(Path.GetTempPath(), "kata-reports-" + Guid.NewGuid().ToString("N")[..8]);

        var output = new StringWriter();
        int exit = GradeCommand.Run(_submission, UsageErrorTests.Wide(output), Options("graded", ReferenceSource.Parse($"{_reference.Root}@{_commit}")));
        Assert.That(exit, Is.Zero, output.ToString());
        _graded = Json("graded");
        _gradedMarkdown = File.ReadAllText(Path.Combine(_reports, "graded", "grade.md"));

        output = new StringWriter();
        GradeCommand.Run(_submission, UsageErrorTests.Wide(output), Options("self", reference: null));
        _selfCheckOutput = output.ToString();
        _selfCheck = Json("self");

        // The same kata code, graded inside the reference's own working tree (where solutions/ sits beside the tests).
        foreach (string kata in new[] { "K01_Adder", "K02_Doubler", "K03_Reader" })
            foreach (string file in Directory.GetFiles(Path.Combine(_submission.KatasDir, kata)))
                File.Copy(file, Path.Combine(_reference.KatasDir, kata, Path.GetFileName(file)), overwrite: true);
        GradeCommand.Run(_reference, UsageErrorTests.Wide(new StringWriter()), Options("inside", reference: null));
        _insideReference = Json("inside");
    }

    [OneTimeTearDown]
    public void Delete()
    {
        foreach (string? dir in new[] { _reference?.Root, _submission?.Root, _reports }) if (dir != null) ReferenceFixture.Delete(dir);
    }

    [Test]
    public void HonestWork_IsScored_WithItsHiddenTest_AndTheGradeNamesTheReferenceCommit()
    {
        var k01 = Kata(_graded, "K01");
        Assert.Multiple(() =>
        {
            Assert.That(Line(k01), Is.EqualTo((3, 3, 100.0)), "K01's two tests and its hidden one");
            Assert.That(k01.GetProperty("hidden").GetProperty("passed").GetInt32(), Is.EqualTo(1));
            Assert.That(k01.GetProperty("hidden").GetProperty("total").GetInt32(), Is.EqualTo(1));
            Assert.That(k01.GetProperty("tests").EnumerateArray().Count(t => t.GetProperty("hidden").GetBoolean()), Is.EqualTo(1));
            Assert.That(k01.GetProperty("tests").EnumerateArray().Select(t => t.GetProperty("outcome").GetString()), Is.All.EqualTo("Passed"));
            Assert.That(k01.GetProperty("refused").GetArrayLength(), Is.Zero);
            Assert.That(_graded.GetProperty("schema").GetString(), Is.EqualTo("foundations-katas-grade/2"));
            Assert.That(_graded.GetProperty("selfCheck").GetBoolean(), Is.False);
            Assert.That(_graded.GetProperty("reference").GetProperty("commit").GetString(), Is.EqualTo(_commit).And.Length.EqualTo(40));
            Assert.That(_graded.GetProperty("reference").GetProperty("source").GetString(), Is.EqualTo(_reference.Root));
            Assert.That(DateTimeOffset.Parse(_graded.GetProperty("gradedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromHours(1)));
            Assert.That(_graded.GetProperty("score").GetDouble(), Is.EqualTo(25.0), "K01 alone: 100 / 4 katas");
            Assert.That(_gradedMarkdown, Does.Contain(_commit).And.Not.Contain("Self-check"));
            Assert.That(_gradedMarkdown, Does.Contain("| K01 — Adder | 3/3 | 100 | ✅ done | 1/1 |"));
        });
    }

    [Test]
    public void EditingTheGivenCode_HasNoEffect()
    {
        Assert.That(Line(Kata(_selfCheck, "K02")), Is.EqualTo((2, 2, 100.0)), "the attack is real: on a self-check the edited core/ hides the off-by-one");
        Assert.That(Line(Kata(_graded, "K02")), Is.EqualTo((0, 2, 0.0)), "from the reference, core/ is the reference's: the off-by-one fails");
        Assert.That(Line(Kata(_graded, "K01")), Is.EqualTo((3, 3, 100.0)), "the other katas are still scored");
    }

    [Test]
    public void WeakeningATest_AndReRecordingTheManifest_HasNoEffect()
    {
        Assert.That(Line(Kata(_selfCheck, "K04")), Is.EqualTo((2, 2, 100.0)), "the attack is real: the self-check runs the weakened test");
        Assert.That(Line(Kata(_graded, "K04")), Is.EqualTo((0, 2, 0.0)), "from the reference, its own test runs against the stub");
        Assert.That(Kata(_graded, "K04").GetProperty("status").GetString(), Is.EqualTo("not started"));
        Assert.That(_selfCheckOutput, Does.Contain("Self-check, not a grade"));
        Assert.That(_selfCheck.GetProperty("selfCheck").GetBoolean(), Is.True);
        Assert.That(_selfCheck.GetProperty("reference").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public void UpdateManifest_RefusesWithoutSolutions_AndWhenAKataIsNotAStub()
    {
        string manifest = File.ReadAllText(_reference.ManifestPath);
        var output = new StringWriter();
        Assert.That(VerifyCommand.Run(_submission, UsageErrorTests.Wide(output), updateManifest: true, TimeoutSeconds), Is.EqualTo(GradeCommand.Refused));
        Assert.That(output.ToString(), Does.Contain("no solutions/").And.Contain("ignores this manifest"));

        output = new StringWriter(); // the reference's katas/ now holds the learner's K01 and K03, which pass their tests
        Assert.That(VerifyCommand.Run(_reference, UsageErrorTests.Wide(output), updateManifest: true, TimeoutSeconds), Is.EqualTo(GradeCommand.Refused));
        Assert.That(output.ToString(), Does.Contain("K01: katas/K01_Adder is not a stub").And.Contain("K03: katas/K03_Reader is not a stub"));
        Assert.That(output.ToString(), Does.Not.Contain("K04: katas/K04_Tripler"), "K04 is still the stub");
        Assert.That(File.ReadAllText(_reference.ManifestPath), Is.EqualTo(manifest), "nothing was recorded");
    }

    [Test]
    public void ReadingTheReferencesAnswers_FindsNothing()
    {
        Assert.That(Line(Kata(_insideReference, "K03")), Is.EqualTo((2, 2, 100.0)), "the attack is real: where solutions/ is reachable, it reads the answer");
        Assert.That(Line(Kata(_graded, "K03")), Is.EqualTo((0, 2, 0.0)), "the graded copy has no solutions/ to read");
        using var copy = GradedCopy.Create(ReferenceSource.Parse($"{_reference.Root}@{_commit}"), _submission);
        Assert.Multiple(() =>
        {
            Assert.That(Directory.Exists(Path.Combine(copy.Root, "solutions")), Is.False);
            Assert.That(Directory.EnumerateFiles(copy.Root, "*", SearchOption.AllDirectories).Where(f => File.ReadAllText(f).Contains("=> x + 3;")), Is.Empty,
                "no file of the graded copy, git objects aside, holds the reference's answer");
            Assert.That(copy.CopiedFiles, Is.EquivalentTo(new[] { "katas/K01_Adder/Adder.cs", "katas/K02_Doubler/Doubler.cs", "katas/K03_Reader/Reader.cs", "katas/K04_Tripler/Tripler.cs" }),
                "only the learner's kata sources come in");
            Assert.That(File.ReadAllText(Path.Combine(copy.Root, "core/Foundations/Values.cs")), Does.Contain("=> x;"), "core/ is the reference's");
        });
    }

    [Test]
    public void TheSameCode_ScoresTheSameFromTheReference_AsInsideTheReference_ForHonestKatas()
    {
        foreach (string kata in new[] { "K01", "K02", "K04" })
            Assert.That(Line(Kata(_graded, kata)), Is.EqualTo(Line(Kata(_insideReference, kata))), kata);
    }

    private GradeOptions Options(string name, ReferenceSource? reference) =>
        new(Path.Combine(_reports, name), Min: null, TimeoutSeconds, Manifest: null, reference);

    private JsonElement Json(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(_reports, name, "grade.json")));
        return document.RootElement.Clone();
    }

    private static JsonElement Kata(JsonElement grade, string number) =>
        grade.GetProperty("katas").EnumerateArray().Single(k => k.GetProperty("kata").GetString() == number);

    private static (int Passed, int Total, double Points) Line(JsonElement kata) =>
        (kata.GetProperty("passed").GetInt32(), kata.GetProperty("total").GetInt32(), kata.GetProperty("points").GetDouble());
}
