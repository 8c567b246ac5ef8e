using System.Text.RegularExpressions;
using Kata;
using Kata.Commands;
using NUnit.Framework;

namespace RunnerTests;

/// <summary>
/// What ./kata prints and where it may be started: no colour in pipes or with NO_COLOR / --no-color, no hard wrap
/// outside a terminal, the shim works from another folder, a bad command line is a short usage error with exit code 2,
/// and a failure shows its small inputs. Nothing here builds: the runner is the one built beside these tests.
/// </summary>
public partial class OutputTests
{
    private Repository _repo = null!;
    private string _elsewhere = "";

    [OneTimeSetUp]
    public void CreateFixture()
    {
        _repo = LoopFixture.Create();
        _elsewhere = Path.Combine(Path.GetTempPath(), "kata-elsewhere-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_elsewhere);
    }

    [OneTimeTearDown]
    public void DeleteFixture()
    {
        LoopFixture.Delete(_repo);
        Directory.Delete(_elsewhere, recursive: true);
    }

    private (int Exit, string Out, string Err) Kata(params string[] args) => Kata(new Dictionary<string, string?>(), args);

    private (int Exit, string Out, string Err) Kata(Dictionary<string, string?> environment, params string[] args)
    {
        environment["KATA_ROOT"] = _repo.Root;
        return LoopFixture.Run(Dotnet.HostPath, [LoopFixture.RunnerDll, .. args], _elsewhere, environment);
    }

    /// <summary>Runs the runner in a pseudo-terminal (util-linux script), the way a learner's shell runs it.</summary>
    private (int Exit, string Out, string Err) InTerminal(Dictionary<string, string?> environment, params string[] args)
    {
        environment["KATA_ROOT"] = _repo.Root;
        string command = string.Join(' ', new[] { Dotnet.HostPath, LoopFixture.RunnerDll }.Concat(args).Select(a => "'" + a + "'"));
        return LoopFixture.Run("script", ["-qec", command, "/dev/null"], _elsewhere, environment);
    }

    [Test]
    public void InAPipe_ThereIsNoColour_AndNoHardWrap()
    {
        var (exit, output, _) = Kata("hint", "K03", "--level", "1");
        Assert.That(exit, Is.Zero, output);
        Assert.That(output, Does.Not.Contain("\u001b"), "no escape codes when the output is not a terminal");
        Assert.That(output.Split('\n'), Has.Some.EqualTo(LoopFixture.LongHint), "the hint stays one line, longer than 80 columns");
        Assert.That(output, Does.Contain("K03 — Stub — hint 1 of 2"));
    }

    [Test]
    public void InATerminal_ColoursShow_UnlessNoColorOrTheOption()
    {
        var coloured = InTerminal([], "hint", "K03", "--level", "1");
        Assert.That(coloured.Exit, Is.Zero, coloured.Out);
        Assert.That(AnsiStyle().IsMatch(coloured.Out), Is.True, "a terminal gets styles (else this test could not fail)\n" + coloured.Out);

        var noColor = InTerminal(new() { ["NO_COLOR"] = "1" }, "hint", "K03", "--level", "1");
        Assert.That(noColor.Out, Does.Contain("hint 1 of 2"));
        Assert.That(AnsiStyle().IsMatch(noColor.Out), Is.False, "NO_COLOR=1 (no-color.org) turns styles off\n" + noColor.Out);

        var option = InTerminal([], "hint", "K03", "--level", "1", "--no-color");
        Assert.That(option.Out, Does.Contain("hint 1 of 2"));
        Assert.That(AnsiStyle().IsMatch(option.Out), Is.False, "--no-color turns styles off\n" + option.Out);
    }

    [TestCase(true, false, null, false)]
    [TestCase(false, false, null, true)]
    [TestCase(true, true, null, true)]
    [TestCase(true, false, "1", true)]
    [TestCase(true, false, "", false)]
    public void Plain_WhenNotATerminal_OrNoColorSet_OrTheOption(bool terminal, bool option, string? variable, bool plain) =>
        Assert.That(Ui.IsPlain(terminal, option, variable), Is.EqualTo(plain), "NO_COLOR counts when it is set and not empty");

    [Test]
    public void TheShim_WorksFromAnotherFolder()
    {
        // The fixture gets the real shim and the runner built beside these tests, as ./kata would have built it.
        string shim = Path.Combine(_repo.Root, "kata");
        File.Copy(Path.Combine(RealRoot(), "kata"), shim, overwrite: true);
        string runner = Path.Combine(_repo.StateDir, "runner");
        Directory.CreateDirectory(runner);
        string built = Path.GetDirectoryName(LoopFixture.RunnerDll)!;
        foreach (string name in new[] { "kata.dll", "kata.deps.json", "kata.runtimeconfig.json", "System.CommandLine.dll", "Spectre.Console.dll" })
            File.Copy(Path.Combine(built, name), Path.Combine(runner, name), overwrite: true);
        File.SetLastWriteTimeUtc(Path.Combine(runner, "kata.dll"), DateTime.UtcNow);

        var direct = LoopFixture.Run(Dotnet.HostPath, [LoopFixture.RunnerDll, "hint", "K03", "--level", "1"], _elsewhere);
        Assert.That(direct.Out + direct.Err, Does.Contain("not a Foundations Katas repository"), "outside the repository, only the shim knows the root");

        string relative = Path.GetRelativePath(_elsewhere, shim);
        var (exit, output, errors) = LoopFixture.Run("bash", [relative, "hint", "K03", "--level", "1"], _elsewhere);
        Assert.That(exit, Is.Zero, output + errors);
        Assert.That(output, Does.Contain(LoopFixture.LongHint));
    }

    [TestCase(new[] { "--bogus" }, "--bogus", "./kata --help")]
    [TestCase(new[] { "hint", "--level", "soon" }, "soon", "./kata hint --help")]
    [TestCase(new[] { "test" }, "kata", "./kata test --help")]
    [TestCase(new[] { "grade", "--min", "lots" }, "lots", "./kata grade --help")]
    public void ABadCommandLine_IsAShortUsageError_WithExitCode2(string[] args, string named, string help)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        int exit = Cli.Run(args, output, errors, isTerminal: false);
        Assert.That(exit, Is.EqualTo(Cli.UsageError));
        Assert.That(errors.ToString(), Does.StartWith("kata: ").And.Contain(named).And.Contain(help));
        Assert.That(output.ToString(), Is.Empty, "the error goes to stderr, not a page of help to stdout");
    }

    [Test]
    public void AFailure_ShowsItsSmallInputs_BetweenTheMessageAndExpectedActual()
    {
        // What TensorAssert.Equal writes for K02's 2×2 product when element [0, 0] is wrong.
        const string message =
            "c[i, j] = Σₖ a[i, k]·b[k, j]: element [0, 0] is 5 but should be 19 (difference 14, tolerance rtol=0, atol=0).\n" +
            "inputs:   a = tensor([[1., 2.],\n" +
            "                      [3., 4.]])\n" +
            "          b = tensor([[5., 6.],\n" +
            "                      [7., 8.]])\n" +
            "expected: tensor([[19., 22.],\n        [43., 50.]])\n" +
            "actual:   tensor([[ 5., 22.],\n        [43., 50.]])";
        Assert.That(NUnitResults.InputsOf(message), Is.EqualTo(
            "a = tensor([[1., 2.],\n            [3., 4.]])\nb = tensor([[5., 6.],\n            [7., 8.]])"));

        var (expected, actual) = NUnitResults.ExpectedAndActual(message);
        var test = new TestOutcome("SmallProduct_IsExact", "K.SmallProduct_IsExact", "Failed", message, "", expected, actual) { Inputs = NUnitResults.InputsOf(message) };
        var output = new StringWriter();
        Ui.WriteFailure(Ui.CreateConsole(output, isTerminal: false, noColorOption: false), test);
        string[] lines = output.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.That(lines, Has.Some.EqualTo("    inputs:   a = tensor([[1., 2.],"));
        Assert.That(lines, Has.Some.EqualTo("                          [3., 4.]])"), "a tensor's second row stays under its first");
        Assert.That(lines, Has.Some.EqualTo("              b = tensor([[5., 6.],"));
        int inputs = Array.FindIndex(lines, l => l.Contains("inputs:")), expectedAt = Array.FindIndex(lines, l => l.Contains("expected:"));
        Assert.That(inputs, Is.GreaterThan(0).And.LessThan(expectedAt), "the failure's line, then the inputs, then expected and actual");
    }

    [Test]
    public void Bench_NamesTheRungsWhoseKataIsNotDone_AndHowToFinishThem()
    {
        string root = Path.Combine(_elsewhere, "ladder");
        foreach (string folder in new[] { "K01_OneNeuron", "K02_ThreeLoopMatmul", "K03_Elementwise", "K05_Einsum" })
            LoopFixture.Write(root, $"katas/{folder}/README.md", $"# {folder[..3]} — {folder[4..]}\n");
        Directory.CreateDirectory(Path.Combine(root, "tests", "Katas.Tests"));
        var repo = new Repository(root);
        var results = new Dictionary<string, KataResult>
        {
            ["K01"] = new("K01", KataState.Done, 2, 2, []),
            ["K02"] = new("K02", KataState.Done, 5, 5, []),
            ["K03"] = new("K03", KataState.InProgress, 3, 7, []),
            ["K05"] = new("K05", KataState.NotStarted, 0, 9, []),
        };
        var output = new StringWriter();
        ForwardCommand.WriteMissingRungs(repo, Ui.CreateConsole(output, isTerminal: false, noColorOption: false), results);
        string text = output.ToString();
        Assert.That(text, Does.Contain("2 of its rungs are not done"));
        Assert.That(text, Does.Contain("TwoLoops").And.Contain("K03 — Elementwise (in progress, 3/7 tests)").And.Contain("./kata watch K03"));
        Assert.That(text, Does.Contain("Einsum").And.Contain("./kata watch K05").And.Contain("./kata bench --solutions"));
        Assert.That(text, Does.Not.Contain("ThreeLoops"), "K02 is done: its rung is ready");

        var ready = new StringWriter();
        ForwardCommand.WriteMissingRungs(repo, Ui.CreateConsole(ready, isTerminal: false, noColorOption: false), results.ToDictionary(p => p.Key, p => p.Value with { State = KataState.Done }));
        Assert.That(ready.ToString(), Is.Empty, "nothing to say when every rung is ready");
    }

    [Test]
    public void WhereToLook_ReadsTheStackInsideTheMessage_AndFindsTheCallOfAPropertyTest()
    {
        string root = Path.Combine(_elsewhere, "where");
        LoopFixture.Write(root, "katas/K09_Doubling/Doubler.cs", "namespace Katas.Doubling;\n\npublic static class Doubler\n{\n    public static int Twice(int x)\n    {\n        return checked(x * 2);\n    }\n}\n");
        LoopFixture.Write(root, "tests/Katas.Tests/K09_Doubling/DoublerTests.cs", """
            namespace KataTests.K09_Doubling;

            public class DoublerTests
            {
                [FsCheck.NUnit.Property]
                public FsCheck.Property Twice_IsEven() => FsCheck.Fluent.Prop.ForAll<int>(x =>
                {
                    int doubled = Doubler.Twice(x);
                    return doubled % 2 == 0;
                });
            }
            """);
        var repo = new Repository(root);
        const string className = "KataTests.K09_Doubling.DoublerTests";

        // Assert.Throws saw another exception: its stack, in the message, passes through the learner's line 7.
        string message = "Expected: <System.ArgumentException>\n  But was: <System.OverflowException: Arithmetic operation resulted in an overflow.\n" +
                         "   at Katas.Doubling.Doubler.Twice(Int32 x) in /elsewhere/clone/katas/K09_Doubling/Doubler.cs:line 7\n>";
        Assert.That(NUnitResults.WhereToLook(message + "\n", className, repo, "Twice_IsEven"), Is.EqualTo(("katas/K09_Doubling/Doubler.cs:7", (string?)null)));

        // FsCheck's failure has no frame in the test file: the kata method the test method calls.
        var (file, note) = NUnitResults.WhereToLook("   at FsCheck.Runner.Check(…)", className, repo, "Twice_IsEven");
        Assert.That(file, Is.EqualTo("katas/K09_Doubling/Doubler.cs:5"));
        Assert.That(note, Does.Contain("Doubler.Twice"));
    }

    [TestCase("katas/Katas.csproj", "false")]
    [TestCase("solutions/Solutions.csproj", "true")]
    [TestCase("tests/Katas.Tests/Katas.Tests.csproj", "true")]
    [TestCase("core/Foundations/Foundations.csproj", "true")]
    public void OnlyTheLearnersProject_BuildsWarningsAsWarnings(string project, string warningsAsErrors)
    {
        // The real repository's settings, as MSBuild evaluates them (the fixture above only mirrors them).
        var (exit, output, errors) = LoopFixture.Run(Dotnet.HostPath, ["msbuild", project, "-nologo", "-getProperty:TreatWarningsAsErrors"], RealRoot());
        Assert.That(exit, Is.Zero, output + errors);
        Assert.That(output.Trim(), Is.EqualTo(warningsAsErrors), $"{project}: TreatWarningsAsErrors");
    }

    private static string RealRoot() => Repository.Find(AppContext.BaseDirectory).Root;

    /// <summary>An SGR escape (colour, bold…), not the keypad-mode codes the .NET console itself sends to a terminal.</summary>
    [GeneratedRegex(@"\u001b\[[0-9;]*m")]
    private static partial Regex AnsiStyle();
}
