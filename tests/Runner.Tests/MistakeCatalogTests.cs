using Kata;
using Kata.Commands;
using Kata.Mistakes;
using NUnit.Framework;

namespace RunnerTests;

/// <summary>
/// Reading the mistake catalog and its records, without building anything: a malformed entry is a problem naming its
/// file and what is wrong, and tests/mistakes.json must agree with the catalog entry for entry.
/// </summary>
public class MistakeCatalogTests
{
    private const string Diff = """
        diff --git a/solutions/K02_Loops/Loops.cs b/solutions/K02_Loops/Loops.cs
        --- a/solutions/K02_Loops/Loops.cs
        +++ b/solutions/K02_Loops/Loops.cs
        @@ -1 +1 @@
        -return 1;
        +return 2;

        """;

    private string _root = "";
    private Repository _repo = null!;

    [SetUp]
    public void CreateRepository()
    {
        _root = FixtureRepository.NewRoot("catalog");
        FixtureRepository.Write(_root, "katas/K02_Loops/README.md", "# K02 — Loops\n\n## Hints\n\n1. Gentle.\n2. Explicit.\n");
        FixtureRepository.Write(_root, "solutions/K02_Loops/Loops.cs", "return 1;\n");
        Directory.CreateDirectory(Path.Combine(_root, "tests", "Katas.Tests"));
        _repo = new Repository(_root);
    }

    [TearDown]
    public void Delete() => Directory.Delete(_root, recursive: true);

    private void Patch(string name, string text) => FixtureRepository.Write(_root, $"solutions/K02_Loops/mistakes/{name}", text);

    [Test]
    public void AWellFormedEntry_IsRead_WithItsHeaderAndPaths()
    {
        Patch("01-off-by-one.patch", "Title: Off by one\nMisconception: Loops end at n.\nHint: 2\n\n" + Diff);
        var catalog = MistakeCatalog.Load(_repo);
        Assert.That(catalog.Problems, Is.Empty);
        var mistake = catalog.Mistakes.Single();
        Assert.That((mistake.Kata, mistake.Id, mistake.Title, mistake.Misconception, mistake.Hint),
            Is.EqualTo(("K02", "01-off-by-one", "Off by one", "Loops end at n.", 2)));
        Assert.That(mistake.Paths, Is.EqualTo(new[] { "solutions/K02_Loops/Loops.cs" }));
    }

    [Test]
    public void AHeaderWithoutAMisconception_IsAProblem_NamingTheFile()
    {
        Patch("01-x.patch", "Title: Off by one\nHint: 2\n\n" + Diff);
        var catalog = MistakeCatalog.Load(_repo);
        Assert.That(catalog.Mistakes, Is.Empty);
        Assert.That(catalog.Problems, Is.EqualTo(new[] { "solutions/K02_Loops/mistakes/01-x.patch: the header has no Misconception (three lines Title:, Misconception:, Hint: before the diff)" }));
    }

    [Test]
    public void AHeaderLineThatIsNotNameColonValue_IsAProblem()
    {
        Patch("01-x.patch", "Off by one\nMisconception: m\nHint: 2\n\n" + Diff);
        Assert.That(MistakeCatalog.Load(_repo).Problems.Single(), Does.StartWith("solutions/K02_Loops/mistakes/01-x.patch: line 1 is not a header line"));
    }

    [Test]
    public void AHintTheReadmeDoesNotHave_IsAProblem_SayingWhichHintsThereAre()
    {
        Patch("01-x.patch", "Title: t\nMisconception: m\nHint: 3\n\n" + Diff);
        var catalog = MistakeCatalog.Load(_repo);
        Assert.That(catalog.Mistakes, Is.Empty);
        Assert.That(catalog.Problems.Single(), Is.EqualTo("solutions/K02_Loops/mistakes/01-x.patch: Hint: 3, but katas/K02_Loops/README.md has hints 1 to 2 under ## Hints"));
    }

    [Test]
    public void APatchOutsideItsOwnKata_IsAProblem_NamingThePath()
    {
        Patch("01-x.patch", "Title: t\nMisconception: m\nHint: 1\n\n" + Diff.Replace("solutions/K02_Loops/Loops.cs", "tests/Katas.Tests/K02_Loops/LoopsTests.cs"));
        Assert.That(MistakeCatalog.Load(_repo).Problems.Single(),
            Is.EqualTo("solutions/K02_Loops/mistakes/01-x.patch: the diff touches tests/Katas.Tests/K02_Loops/LoopsTests.cs; a mistake of K02 may only edit solutions/K02_Loops/ (its own solution files)"));
    }

    [Test]
    public void APatchWithNoDiff_IsAProblem()
    {
        Patch("01-x.patch", "Title: t\nMisconception: m\nHint: 1\n\n");
        Assert.That(MistakeCatalog.Load(_repo).Problems.Single(), Does.Contain("no 'diff --git a/… b/…' after the header"));
    }

    [Test]
    public void WithAnEmptyCatalog_VerifyMistakes_ListsTheKataAsZero_AndPasses()
    {
        var output = new StringWriter();
        int exit = MistakesCommand.Run(_repo, UsageErrorTests.Wide(output), null, 60, update: false);
        Assert.That(exit, Is.Zero, output.ToString());
        Assert.That(output.ToString(), Does.Contain("K02: 0 mistakes, 0 caught").And.Contain("verify --mistakes: 0 mistakes in 1 katas, 0 caught, 0 not caught; 0 problem(s)"));
    }

    [Test]
    public void ARecordWithNoCatalogEntry_IsAProblem()
    {
        MistakeSignatures.Save(_repo, [new MistakeRecord("K02", "01-gone", "Gone", "m", 1, ["KataTests.K02_Loops.LoopsTests.A"])]);
        var output = new StringWriter();
        int exit = MistakesCommand.Run(_repo, UsageErrorTests.Wide(output), null, 60, update: false);
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output.ToString(), Does.Contain("tests/mistakes.json records K02 01-gone \"Gone\", which has no patch in the catalog"));
    }

    [Test]
    public void AMalformedEntry_MakesVerifyFail_BeforeAnyBuild()
    {
        Patch("01-x.patch", "Title: t\nMisconception: m\nHint: 9\n\n" + Diff);
        var output = new StringWriter();
        Assert.That(MistakesCommand.Run(_repo, UsageErrorTests.Wide(output), null, 60, update: false), Is.EqualTo(1));
        Assert.That(output.ToString(), Does.Contain("01-x.patch: Hint: 9, but katas/K02_Loops/README.md has hints 1 to 2"));
    }

    [Test]
    public void WithoutSolutions_VerifyMistakes_IsRefused()
    {
        Directory.Delete(Path.Combine(_root, "solutions"), recursive: true);
        var output = new StringWriter();
        Assert.That(MistakesCommand.Run(_repo, UsageErrorTests.Wide(output), null, 60, update: true), Is.EqualTo(GradeCommand.Refused));
        Assert.That(output.ToString(), Does.Contain("has no solutions/"));
    }
}
