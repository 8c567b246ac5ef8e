using Kata;
using NUnit.Framework;

namespace RunnerTests;

public class KataReadmeTests
{
    private const string Readme = """
        # K07 — Matmul on the GPU

        ## The idea

        1. This numbered list is not a hint: it is in another section.

        ## Your task

        Do it.

        ## Hints

        1. The gentlest hint,
           continued on a second line.
        2. A hint with code:
           ```
           var c = a.Matmul(b);
           ```
        3) The most explicit hint.

        ## Done when

        1. Not a hint either.
        """;

    [Test]
    public void ParseHints_TakesTheNumberedItemsUnderHintsOnly_GentlestFirst()
    {
        var hints = KataReadme.ParseHints(Readme);
        Assert.That(hints, Has.Count.EqualTo(3));
        Assert.That(hints[0], Is.EqualTo("The gentlest hint, continued on a second line."));
        Assert.That(hints[1], Does.StartWith("A hint with code:").And.Contain("var c = a.Matmul(b);"));
        Assert.That(hints[2], Is.EqualTo("The most explicit hint."));
    }

    [Test]
    public void ParseHints_WithoutAHintsSection_IsEmpty()
    {
        Assert.That(KataReadme.ParseHints("# K01 — X\n\n## The idea\n\n1. not a hint\n"), Is.Empty);
    }

    [Test]
    public void ParseHints_IgnoresWindowsLineEndings()
    {
        Assert.That(KataReadme.ParseHints(Readme.Replace("\n", "\r\n")), Has.Count.EqualTo(3));
    }

    [Test]
    public void ReadTitle_TakesTheTextAfterTheDash()
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, Readme);
            Assert.That(KataReadme.ReadTitle(file), Is.EqualTo("Matmul on the GPU"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Sections_AreTheLevelTwoHeadingsInOrder()
    {
        Assert.That(KataReadme.Sections(Readme), Is.EqualTo(new[] { "The idea", "Your task", "Hints", "Done when" }));
    }

    [Test]
    public void TheRealKatasHaveHints()
    {
        // Every kata in this repository shows at least one hint through ./kata hint.
        var repo = Repository.Find(TestContext.CurrentContext.TestDirectory);
        Assert.That(repo.Katas, Is.Not.Empty);
        foreach (var kata in repo.Katas)
            Assert.That(KataReadme.ReadHints(Path.Combine(kata.Directory, "README.md")), Is.Not.Empty, kata.ReadmePath);
    }
}
