using Kata;
using Kata.Commands;
using NUnit.Framework;
using Spectre.Console;

namespace RunnerTests;

/// <summary>Progress within a staircase kata: a test's step from its fixture name, step titles from the README.</summary>
public class KataStepsTests
{
    private const string Readme = """
        # K05 — Einsum

        ## The idea

        ### Step 9 — Not a step: this heading is not under Your task

        ## Your task

        Four steps.

        ### Step 1 — Parse the equation

        ```
        ### Step 7 — Not a step either: inside a code block
        ```

        ### Step 2 – Contract two operands
        ### Step 3 - Diagonals and `...`
        ### Step 4 — Any number of operands

        ## Hints

        1. A hint.
        """;

    private static TestOutcome Test(string fixture, string name, bool passed) =>
        new(name, $"KataTests.K05_Einsum.{fixture}.{name}", passed ? "Passed" : "Failed", passed ? "" : "wrong");

    private static readonly TestOutcome[] Tests =
    [
        Test("Step1_ParseTheEquationTests", "A", passed: true),
        Test("Step1_ParseTheEquationTests", "B", passed: true),
        Test("Step2_ContractTwoOperandsTests", "C", passed: true),
        Test("Step2_ContractTwoOperandsTests", "D", passed: false),
        Test("Step4_EinsteinRulesTests", "E", passed: false),
        Test("Step4_ManyOperandsTests", "F", passed: false),
        Test("Step3_DiagonalsAndEllipsisTests", "G", passed: false),
    ];

    [TestCase("KataTests.K05_Einsum.Step1_ParseTheEquationTests.SpacesAreIgnored", 1)]
    [TestCase("KataTests.K06_FastMatmul.Step12_ThreadsTests.Property(3)", 12)]
    [TestCase("KataTests.K05_Einsum.Step2_ContractTwoOperandsTests.Matmul(\"ik,kj->ij\")", 2)]
    public void StepOf_ReadsTheNumberFromTheFixtureName(string fullName, int step) =>
        Assert.That(KataSteps.StepOf(fullName), Is.EqualTo(step));

    [TestCase("KataTests.K01_OneNeuron.NeuronTests.Output_Sums")]
    [TestCase("KataTests.K05_Einsum.MyStep1_Tests.A")]
    [TestCase("KataTests.K05_Einsum.StepOneTests.A")]
    public void StepOf_IsNullOutsideAStepFixture(string fullName) =>
        Assert.That(KataSteps.StepOf(fullName), Is.Null, "only '.Step{N}_' at the start of a name segment counts");

    [Test]
    public void Count_GroupsTheTestsByStep_InStepOrder()
    {
        var steps = KataSteps.Count(Tests);
        Assert.That(steps, Is.EqualTo(new[] { new StepCount(1, 2, 2), new StepCount(2, 1, 2), new StepCount(3, 0, 1), new StepCount(4, 0, 2) }));
        Assert.That(steps.Select(s => s.Done), Is.EqualTo(new[] { true, false, false, false }));
        Assert.That(KataSteps.Summary(steps), Is.EqualTo("1/4 steps"));
        Assert.That(KataSteps.Next(steps), Is.EqualTo(new StepCount(2, 1, 2)), "the first step not done");
    }

    [Test]
    public void AKataWithoutSteps_HasNoStepProgress()
    {
        var steps = KataSteps.Count([new TestOutcome("A", "KataTests.K01_OneNeuron.NeuronTests.A", "Failed")]);
        Assert.That(steps, Is.Empty);
        Assert.That(KataSteps.Summary(steps), Is.Empty);
        Assert.That(KataSteps.Next(steps), Is.Null);
    }

    [Test]
    public void ParseTitles_TakesTheStepHeadingsUnderYourTask_OutsideCode()
    {
        var titles = KataSteps.ParseTitles(Readme);
        Assert.That(titles.Keys, Is.EqualTo(new[] { 1, 2, 3, 4 }));
        Assert.That(titles[1], Is.EqualTo("Parse the equation"));
        Assert.That(titles[2], Is.EqualTo("Contract two operands"), "an en dash works too");
        Assert.That(titles[3], Is.EqualTo("Diagonals and `...`"), "and a hyphen");
        Assert.That(KataSteps.ParseTitles(Readme.Replace("\n", "\r\n")), Has.Count.EqualTo(4), "Windows line endings");
        Assert.That(KataSteps.ParseTitles("# K01 — X\n\n## Your task\n\nDo it.\n"), Is.Empty, "a kata without steps");
    }

    [Test]
    public void Describe_NamesTheStepItsTitleAndItsCounts()
    {
        var titles = KataSteps.ParseTitles(Readme);
        Assert.That(KataSteps.Describe(new StepCount(2, 1, 2), titles), Is.EqualTo("step 2 — Contract two operands (1/2 tests)"));
        Assert.That(KataSteps.Describe(new StepCount(5, 0, 3), titles), Is.EqualTo("step 5 (0/3 tests)"), "a step the README does not title");
    }

    [Test]
    public void FromTests_KeepsTheStepCounts_EvenWithoutTheTests()
    {
        var result = KataResult.FromTests("K05", Tests);
        Assert.That(result.Steps, Has.Count.EqualTo(4));
        var slim = result with { Tests = [] }; // what the status cache keeps
        Assert.That(slim.Steps, Is.EqualTo(result.Steps));
    }

    [Test]
    public void StatusCache_RoundTripsTheSteps()
    {
        string root = Path.Combine(Path.GetTempPath(), "kata-steps-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        try
        {
            var cache = new StatusCache(new Repository(root));
            cache.Save("abc", new Dictionary<string, KataResult> { ["K05"] = KataResult.FromTests("K05", Tests) });
            var loaded = cache.Load("abc");
            Assert.That(loaded, Is.Not.Null);
            Assert.That(loaded!["K05"].Steps, Is.EqualTo(KataSteps.Count(Tests)), "./kata status reads the steps from the cache");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void TestAndNext_ShowTheStepsAndWhichIsNext()
    {
        string root = Path.Combine(Path.GetTempPath(), "kata-steps-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(root, "katas", "K05_Einsum"));
        File.WriteAllText(Path.Combine(root, "katas", "K05_Einsum", "README.md"), Readme);
        try
        {
            var repo = new Repository(root);
            var kata = repo.Get("K05");
            var result = KataResult.FromTests("K05", Tests);
            var (console, output) = PlainConsole();
            TestCommand.Write(console, kata, result);
            Assert.That(output.ToString(), Does.Contain("step 1 — Parse the equation (2/2 tests)").And.Contain("step 4 — Any number of operands (0/2 tests)"));
            Assert.That(output.ToString(), Does.Contain("K05: 3/7 tests pass. 1/4 steps; next: step 2 — Contract two operands (1/2 tests)."));

            var (next, nextOutput) = PlainConsole();
            StatusCommand.WriteNext(repo, next, kata, result);
            Assert.That(nextOutput.ToString(), Does.Contain("1/4 steps done; next: step 2 — Contract two operands (1/2 tests)"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>A console that writes plain text, wide enough not to wrap, into a StringWriter.</summary>
    private static (IAnsiConsole Console, StringWriter Output) PlainConsole()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 300;
        return (console, output);
    }
}
