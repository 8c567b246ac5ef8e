using System.Reflection;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;
using NUnit.Framework.Internal.Commands;

namespace KataTests.Support;

/// <summary>
/// Runs a method that returns an FsCheck <see cref="FsCheck.Property"/> as one NUnit test, and fails it the way the other
/// kata tests fail: with the property's own sentence, the shrunk counterexample and the failed assertion (the first
/// differing element), or — on a stub — with the stub's NotImplementedException itself, so the runner groups it
/// with the other tests stopped at that stub. <see cref="PropertyCheck"/> does the checking and the wording.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PropertyTestAttribute(string description) : NUnitAttribute, ISimpleTestBuilder, IImplyFixture, IWrapTestMethod
{
    /// <summary>What must hold, in one sentence: the first line of the failure.</summary>
    public string Description { get; } = description;

    /// <summary>How many random cases to try (FsCheck's MaxTest).</summary>
    public int MaxTest { get; set; } = 100;

    /// <summary>Replays one run: the "(seed,gamma,size)" a failure printed.</summary>
    public string? Replay { get; set; }

    public TestMethod BuildFrom(IMethodInfo method, Test? suite)
    {
        // NUnit builds a method that returns a value only when a result is expected; Wrap below runs the returned
        // property instead of comparing it with anything.
        var test = new NUnitTestCaseBuilder().BuildTestMethod(method, suite, new TestCaseParameters { ExpectedResult = null });
        test.Properties.Set(PropertyNames.Description, Description);
        return test;
    }

    public TestCommand Wrap(TestCommand command) => new CheckPropertyCommand(command.Test, this);

    private sealed class CheckPropertyCommand(Test test, PropertyTestAttribute attribute) : TestCommand(test)
    {
        public override TestResult Execute(TestExecutionContext context)
        {
            var method = Test.Method!.MethodInfo;
            var property = (FsCheck.Property)method.Invoke(method.IsStatic ? null : context.TestObject, BindingFlags.DoNotWrapExceptions, null, null, null)!;
            // Assertions that fail while FsCheck tries and shrinks cases go to a context of their own, not to this result.
            var verdict = PropertyCheck.Run(attribute.Description, property, attribute.MaxTest, attribute.Replay);
            switch (verdict)
            {
                case PropertyVerdict.Held:
                    context.CurrentResult.SetResult(ResultState.Success);
                    break;
                case PropertyVerdict.Stub stub:
                    context.CurrentResult.RecordException(stub.Exception);
                    break;
                case PropertyVerdict.Falsified falsified:
                    context.CurrentResult.SetResult(ResultState.Failure, falsified.Message, falsified.StackTrace);
                    break;
            }
            return context.CurrentResult;
        }
    }
}
