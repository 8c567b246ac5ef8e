using System.Reflection;
using System.Text.RegularExpressions;
using KataTests.Support;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

namespace KataSupport.Tests;

/// <summary>
/// What a learner reads when a [PropertyTest] fails: the property's sentence first, then the shrunk
/// counterexample, then the failed assertion naming the first differing element; and, on a stub, the stub's
/// own NotImplementedException, worded like any other test stopped at a stub.
/// </summary>
[TestFixture]
public class PropertyFailureTests
{
    private ITestResult _slipped = null!, _stub = null!;

    [OneTimeSetUp]
    public void RunTheDeliberatelyFailingProperties()
    {
        _slipped = Run(nameof(DeliberatelyFailingProperties.SlippedAdd_MatchesTheSubstrate));
        _stub = Run(nameof(DeliberatelyFailingProperties.Stub_ThrowsNotImplemented));
    }

    [Test]
    public void AFalsifiedProperty_FailsTheTest()
    {
        // What the learner reads (shown by: dotnet test tests/KataSupport.Tests --logger "console;verbosity=detailed").
        TestContext.Out.WriteLine(_slipped.Message);
        Assert.That(_slipped.ResultState, Is.EqualTo(ResultState.Failure), _slipped.Message);
    }

    [Test]
    public void TheFirstLine_IsThePropertysDescription() =>
        Assert.That(_slipped.Message.Split('\n')[0], Is.EqualTo(DeliberatelyFailingProperties.AddDescription), _slipped.Message);

    [Test]
    public void TheSecondLine_IsTheShrunkCounterexample_WithAReplaySeed()
    {
        string line = _slipped.Message.Split('\n')[1];
        // The slip needs a second row and nothing else: shrinking takes every other size down to 1.
        Assert.That(line, Does.StartWith(PropertyCheck.CounterexampleLabel + "N=2, K=1, M=1, Seed="), _slipped.Message);
        Assert.That(line, Does.Match(@"replay with Replay = ""\(\d+,\d+,\d+\)"""), _slipped.Message);
    }

    [Test]
    public void TheAssertion_NamesTheFirstDifferingElement_WithExpectedAndActual()
    {
        Assert.That(_slipped.Message, Does.Contain("Add of two 2×1 matrices: element [1, 0] is "), _slipped.Message);
        Assert.That(_slipped.Message, Does.Contain("but should be"), _slipped.Message);
        Assert.That(_slipped.Message, Does.Contain("\nexpected: ").And.Contain("\nactual:   "), _slipped.Message);
    }

    [Test]
    public void OnlyTheShrunkCasesFailure_IsShown_NotEveryCaseTriedOnTheWay()
    {
        Assert.That(_slipped.Message, Does.Not.Contain("Multiple failures"), _slipped.Message);
        Assert.That(Regex.Matches(_slipped.Message, @"element \[").Count, Is.EqualTo(1), _slipped.Message);
    }

    [Test]
    public void TheCounterexamplesValues_ArePrinted() =>
        Assert.That(_slipped.Message, Does.Contain("inputs:   a = tensor(").And.Contain("b = tensor("), _slipped.Message);

    [Test]
    public void NoFsCheckWording_Remains() =>
        Assert.That(_slipped.Message + _stub.Message, Does.Not.Contain("Falsifiable"));

    [Test]
    public void TheStackTrace_LeadsToTheFailedAssertionInTheProperty() =>
        Assert.That(_slipped.StackTrace, Does.Contain(nameof(DeliberatelyFailingProperties)), _slipped.StackTrace);

    [Test]
    public void OnAStub_TheTestFailsWithTheStubsOwnException()
    {
        // The same message NUnit gives any test whose code throws: the runner groups these by it.
        Assert.That(_stub.ResultState.Status, Is.EqualTo(TestStatus.Failed), _stub.Message);
        Assert.That(_stub.Message, Is.EqualTo("System.NotImplementedException : Kata 99: not implemented yet"));
        Assert.That(_stub.StackTrace, Does.Contain(nameof(DeliberatelyFailingProperties.Stub)), "the stack starts at the stub");
    }

    [Test]
    public void APropertyTest_IsARunnableTest_DescribedByItsSentence()
    {
        var test = Build(nameof(DeliberatelyFailingProperties.SlippedAdd_MatchesTheSubstrate), out _);
        Assert.That(test.RunState, Is.EqualTo(RunState.Runnable), test.Properties.Get(PropertyNames.SkipReason)?.ToString());
        Assert.That(test.Properties.Get(PropertyNames.Description), Is.EqualTo(DeliberatelyFailingProperties.AddDescription));
    }

    private static TestMethod Build(string name, out PropertyTestAttribute attribute)
    {
        var method = typeof(DeliberatelyFailingProperties).GetMethod(name)!;
        attribute = method.GetCustomAttribute<PropertyTestAttribute>()!;
        return attribute.BuildFrom(new MethodWrapper(typeof(DeliberatelyFailingProperties), method), null);
    }

    /// <summary>Runs one property test as NUnit would, through the attribute's command, and returns its result.</summary>
    private static ITestResult Run(string name)
    {
        var test = Build(name, out var attribute);
        var context = new TestExecutionContext { CurrentTest = test, CurrentResult = test.MakeTestResult() };
        return attribute.Wrap(new TestMethodCommand(test)).Execute(context);
    }
}
