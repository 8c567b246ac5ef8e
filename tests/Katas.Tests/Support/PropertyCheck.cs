using System.Reflection;
using FsCheck;
using Foundations;

namespace KataTests.Support;

/// <summary>How a property came out: it held, it stopped at a stub, or a case falsified it.</summary>
public abstract record PropertyVerdict
{
    public sealed record Held : PropertyVerdict;

    /// <summary>The kata code threw NotImplementedException: reported as that exception, like any stub failure.</summary>
    public sealed record Stub(NotImplementedException Exception) : PropertyVerdict;

    /// <summary>A (shrunk) case broke the property: what the learner reads, and where the failure came from.</summary>
    public sealed record Falsified(string Message, string StackTrace) : PropertyVerdict;
}

/// <summary>
/// Checks an FsCheck property with FsCheck's Check API and words a failure for a learner:
/// <code>
/// the property's sentence
/// counterexample: the shrunk arguments (small tensors printed) — after n tests, s shrinks; replay: "(seed,gamma,size)"
/// the failed assertion of that case (TensorAssert names the first differing element, expected and actual)
/// </code>
/// </summary>
public static class PropertyCheck
{
    public const string CounterexampleLabel = "counterexample: ";

    public static PropertyVerdict Run(string description, Property property, int maxTest = 100, string? replay = null)
    {
        using var runner = new LastResult();
        var config = Config.Quick.WithMaxTest(maxTest).WithRunner(runner).WithQuietOnSuccess(true);
        if (replay != null) config = config.WithReplay(ParseReplay(replay));
        Check.One(config, property);
        runner.Dispose();
        return runner.Result switch
        {
            TestResult.Failed failed => Verdict(description, failed),
            TestResult.Exhausted exhausted => new PropertyVerdict.Falsified(
                $"{description}\nFsCheck gave up after {exhausted.Item.NumberOfTests} tests: too many generated cases were rejected.", ""),
            _ => new PropertyVerdict.Held(),
        };
    }

    private static PropertyVerdict Verdict(string description, TestResult.Failed failed)
    {
        Exception? error = failed.Item4 is Outcome.Failed outcome ? Unwrap(outcome.Item) : null;
        if (error is NotImplementedException stub) return new PropertyVerdict.Stub(stub);
        var (data, lastSeed, lastSize) = (failed.Item1, failed.Item6, failed.Item7);
        string tests = $"{data.NumberOfTests} test{(data.NumberOfTests == 1 ? "" : "s")}";
        string shrinks = $"{data.NumberOfShrinks} shrink{(data.NumberOfShrinks == 1 ? "" : "s")}";
        string what = error switch
        {
            null => "the property returned false",
            NUnit.Framework.AssertionException assertion => assertion.Message.Trim(),
            _ => $"{error.GetType().FullName} : {error.Message}",
        };
        string message = $"{description}\n{CounterexampleLabel}{Counterexample(failed.Item3)} — after {tests}, {shrinks}; " +
                         $"replay with Replay = \"({lastSeed.Seed},{lastSeed.Gamma},{lastSize})\"\n{what}";
        return new PropertyVerdict.Falsified(message, error?.StackTrace ?? "");
    }

    /// <summary>The shrunk arguments, each as it prints; a small tensor argument in full, a large one by its shape.</summary>
    public static string Counterexample(IEnumerable<object> arguments) =>
        string.Join(", ", arguments.Select(a => a switch
        {
            Tensor t when t.Numel <= TensorAssert.SmallInput => t.ToString(),
            Tensor t => $"a tensor of shape {ShapeRules.Format(t.Shape)}",
            null => "null",
            _ => a.ToString() ?? "",
        }));

    private static Exception Unwrap(Exception e) => e switch
    {
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        _ => e,
    };

    /// <summary>"(seed,gamma)" or "(seed,gamma,size)", as a failure prints it.</summary>
    private static Replay ParseReplay(string text)
    {
        var parts = text.Trim('(', ')', ' ').Split(',', StringSplitOptions.TrimEntries);
        var rnd = new Rnd(ulong.Parse(parts[0]), ulong.Parse(parts[1]));
        return new Replay(rnd, parts.Length > 2 ? Microsoft.FSharp.Core.FSharpOption<int>.Some(int.Parse(parts[2])) : null);
    }

    /// <summary>
    /// FsCheck's runner callbacks: keeps the final result (prints nothing), and gives every case a fresh NUnit
    /// context. NUnit adds each failed assertion to the current test's result and words the exception it throws
    /// from all of them ("Multiple failures…"); a fresh context per case leaves the shrunk case's failure alone.
    /// </summary>
    private sealed class LastResult : IRunner, IDisposable
    {
        private IDisposable? _case = new NUnit.Framework.Internal.TestExecutionContext.IsolatedContext();
        public TestResult? Result { get; private set; }
        public void OnStartFixture(Type type) { }
        public void OnArguments(int ntest, Microsoft.FSharp.Collections.FSharpList<object> args,
                                Microsoft.FSharp.Core.FSharpFunc<int, Microsoft.FSharp.Core.FSharpFunc<Microsoft.FSharp.Collections.FSharpList<object>, string>> every) => NextCase();
        public void OnShrink(Microsoft.FSharp.Collections.FSharpList<object> args,
                             Microsoft.FSharp.Core.FSharpFunc<Microsoft.FSharp.Collections.FSharpList<object>, string> everyShrink) => NextCase();
        public void OnFinished(string name, TestResult result) => Result = result;

        private void NextCase()
        {
            _case?.Dispose();
            _case = new NUnit.Framework.Internal.TestExecutionContext.IsolatedContext();
        }

        public void Dispose()
        {
            _case?.Dispose();
            _case = null;
        }
    }
}
