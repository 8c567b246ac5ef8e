using Kata;
using NUnit.Framework;

namespace RunnerTests;

/// <summary>From NUnit's result XML and MSBuild's output to what ./kata status and ./kata test show.</summary>
public class StatusParsingTests
{
    private string _root = "";
    private Repository _repo = null!;

    [SetUp]
    public void CreateRepository()
    {
        _root = Path.Combine(Path.GetTempPath(), "kata-status-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(_root, "katas", "K01_OneNeuron"));
        Directory.CreateDirectory(Path.Combine(_root, "katas", "K03_Elementwise"));
        Directory.CreateDirectory(Path.Combine(_root, "katas", "notes"));
        Directory.CreateDirectory(Path.Combine(_root, "tests", "Katas.Tests"));
        File.WriteAllText(Path.Combine(_root, "katas", "K01_OneNeuron", "README.md"), "# K01 — One neuron\n\n## The idea\n");
        File.WriteAllText(Path.Combine(_root, "katas", "K01_OneNeuron", "Neuron.cs"), "// stub");
        _repo = new Repository(_root);
    }

    [TearDown]
    public void DeleteRepository() => Directory.Delete(_root, recursive: true);

    private const string Xml = """
        <test-run>
          <test-suite type="TestFixture" name="NeuronTests" fullname="KataTests.K01_OneNeuron.NeuronTests">
            <test-case name="Output_AddsTheBias" fullname="KataTests.K01_OneNeuron.NeuronTests.Output_AddsTheBias" classname="KataTests.K01_OneNeuron.NeuronTests" result="Passed" />
            <test-case name="Output_Sums" fullname="KataTests.K01_OneNeuron.NeuronTests.Output_Sums" classname="KataTests.K01_OneNeuron.NeuronTests" result="Failed">
              <failure>
                <message><![CDATA[  the sum of the products
          Expected: 11.0f
          But was:  10.0f
        ]]></message>
                <stack-trace><![CDATA[   at KataTests.K01_OneNeuron.NeuronTests.Output_Sums() in /somewhere/tests/Katas.Tests/K01_OneNeuron/NeuronTests.cs:line 20]]></stack-trace>
              </failure>
            </test-case>
            <test-case name="Relu_IsZeroBelowZero" fullname="KataTests.K01_OneNeuron.NeuronTests.Relu_IsZeroBelowZero" classname="KataTests.K01_OneNeuron.NeuronTests" result="Failed" label="Error">
              <failure>
                <message><![CDATA[System.NotImplementedException : Kata 01: return x when it is positive]]></message>
                <stack-trace><![CDATA[   at Katas.OneNeuron.Neuron.Relu(Single x) in /ci/clone/katas/K01_OneNeuron/Neuron.cs:line 31
           at KataTests.K01_OneNeuron.NeuronTests.Relu_IsZeroBelowZero() in /ci/clone/tests/Katas.Tests/K01_OneNeuron/NeuronTests.cs:line 40]]></stack-trace>
              </failure>
            </test-case>
          </test-suite>
        </test-run>
        """;

    [Test]
    public void Discovery_FindsTheKataFoldersInOrder_AndTheirTitles()
    {
        Assert.That(_repo.Katas.Select(k => k.Number), Is.EqualTo(new[] { "K01", "K03" }));
        Assert.That(_repo.Katas[0].Title, Is.EqualTo("One neuron"));
        Assert.That(_repo.Katas[1].Title, Is.Empty, "a kata without a README has no title, but is still listed");
    }

    [TestCase("K03"), TestCase("k3"), TestCase("3"), TestCase("03")]
    public void Get_AcceptsTheUsualSpellings(string number) => Assert.That(_repo.Get(number).Number, Is.EqualTo("K03"));

    [Test]
    public void Get_AnUnknownKata_NamesTheKnownOnes()
    {
        var error = Assert.Throws<RunnerException>(() => _repo.Get("K99"));
        Assert.That(error!.Message, Does.Contain("K99").And.Contain("K01, K03"));
    }

    [Test]
    public void Parse_ReadsEveryTestCase_WithResultMessageAndExpectedActual()
    {
        var tests = NUnitResults.Parse(Xml, _repo);
        Assert.That(tests.Select(t => t.Result), Is.EqualTo(new[] { "Passed", "Failed", "Failed" }));
        Assert.That(tests[1].Expected, Is.EqualTo("11.0f"));
        Assert.That(tests[1].Actual, Is.EqualTo("10.0f"));
        Assert.That(tests[1].IsStub, Is.False);
        Assert.That(tests[2].IsStub, Is.True);
    }

    [Test]
    public void FileToOpen_IsTheKataFrameInTheStack_MappedIntoThisRepository()
    {
        var tests = NUnitResults.Parse(Xml, _repo);
        Assert.That(tests[2].FileToOpen, Is.EqualTo("katas/K01_OneNeuron/Neuron.cs:31"), "the stub's own line, even from another clone's paths");
        Assert.That(tests[1].FileToOpen, Is.EqualTo("katas/K01_OneNeuron/Neuron.cs"), "no kata frame: the file named after the test class");
    }

    [Test]
    public void ExpectedAndActual_ReadTensorAssertsWording_KeepingMultiLineTensors()
    {
        const string message = "y = x @ wᵀ + b: element [1, 0] is 3 but should be 3.5 (difference 0.5, tolerance rtol=0.001, atol=1E-05).\n" +
                               "expected: tensor([[1.5000, 1.0000],\n        [3.5000, 3.0000]])\nactual:   tensor([[1.5000, 1.0000],\n        [3.0000, 3.0000]])";
        var (expected, actual) = NUnitResults.ExpectedAndActual(message);
        Assert.That(expected, Is.EqualTo("tensor([[1.5000, 1.0000],\n        [3.5000, 3.0000]])"));
        Assert.That(actual, Is.EqualTo("tensor([[1.5000, 1.0000],\n        [3.0000, 3.0000]])"));
    }

    [Test]
    public void State_AllStubFailuresIsNotStarted_SomePassingIsInProgress_AllPassingIsDone()
    {
        var stub = new TestOutcome("a", "A.a", "Failed", "System.NotImplementedException : Kata 01");
        var wrong = new TestOutcome("b", "A.b", "Failed", "Expected: 1 But was: 2");
        var pass = new TestOutcome("c", "A.c", "Passed");
        Assert.Multiple(() =>
        {
            Assert.That(KataResult.FromTests("K01", [stub, stub]).State, Is.EqualTo(KataState.NotStarted));
            Assert.That(KataResult.FromTests("K01", [stub, wrong]).State, Is.EqualTo(KataState.InProgress), "a real wrong answer means work has started");
            Assert.That(KataResult.FromTests("K01", [pass, stub]).State, Is.EqualTo(KataState.InProgress));
            Assert.That(KataResult.FromTests("K01", [pass, pass]).State, Is.EqualTo(KataState.Done));
            Assert.That(KataResult.FromTests("K01", []).State, Is.EqualTo(KataState.NoTests));
        });
        var inProgress = KataResult.FromTests("K01", [pass, stub, wrong]);
        Assert.That((inProgress.Passed, inProgress.Total), Is.EqualTo((1, 3)));
    }

    [Test]
    public void BuildErrors_AreAttributedToTheKataWhoseFolderHoldsThem()
    {
        const string output = """
            /r/katas/K03_Elementwise/TwoLoops.cs(12,9): error CS1002: ; expected [/r/katas/Katas.csproj]
            /r/katas/K03_Elementwise/TwoLoops.cs(12,9): error CS1002: ; expected [/r/katas/Katas.csproj]
            /r/tests/Katas.Tests/K01_OneNeuron/NeuronTests.cs(20,13): error CS1501: No overload for method 'Output' takes 3 arguments [/r/tests/Katas.Tests/Katas.Tests.csproj]
            /r/core/Foundations/Tensor.cs(1,1): error CS0246: The type or namespace name 'Nope' could not be found [/r/core/Foundations/Foundations.csproj]
            /r/katas/K03_Elementwise/TwoLoops.cs(14,1): warning CS0168: The variable 'x' is declared but never used
            """;
        var build = Builder.Parse(output, succeeded: false);
        Assert.That(build.ErrorsByKata.Keys, Is.EquivalentTo(new[] { "K01", "K03" }));
        Assert.That(build.ErrorsByKata["K03"], Is.EqualTo(new[] { "katas/K03_Elementwise/TwoLoops.cs(12,9): CS1002: ; expected" }), "duplicates and warnings are dropped");
        Assert.That(build.ErrorsByKata["K01"][0], Does.StartWith("tests/Katas.Tests/K01_OneNeuron/NeuronTests.cs(20,13): CS1501"));
        Assert.That(build.OtherErrors, Has.Count.EqualTo(1));
    }

    [Test]
    public void ABrokenBuild_MarksTheCulpritAsNotBuilding_AndTheOthersAsBlocked()
    {
        var build = Builder.Parse("/r/katas/K03_Elementwise/A.cs(1,1): error CS1002: ; expected [/r/katas/Katas.csproj]", succeeded: false);
        var results = TestSession.FromBrokenBuild(_repo.Katas, build);
        Assert.That(results["K03"].State, Is.EqualTo(KataState.DoesNotBuild));
        Assert.That(results["K03"].Detail, Does.Contain("A.cs(1,1)"));
        Assert.That(results["K01"].State, Is.EqualTo(KataState.Blocked));
        Assert.That(results["K01"].Detail, Does.Contain("K03"));
    }

    [Test]
    public void ABuildFailureNoKataOwns_IsReportedAsSuch()
    {
        var build = Builder.Parse("/r/core/Foundations/Tensor.cs(1,1): error CS0246: The type 'Nope' could not be found [/r/x.csproj]", succeeded: false);
        var error = Assert.Throws<RunnerException>(() => TestSession.FromBrokenBuild(_repo.Katas, build));
        Assert.That(error!.Message, Does.Contain("not because of a kata").And.Contain("Nope"));
    }
}
