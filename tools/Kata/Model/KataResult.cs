namespace Kata.Model;

/// <summary>The outcome of one kata's tests: counts, state and, for failures, the details.</summary>
public sealed record KataResult(string Number, KataState State, int Passed, int Total, IReadOnlyList<TestOutcome> Tests, string Detail = "")
{
    /// <summary>Compiler warnings in the kata's files ("katas/K02_…/Matmul.cs(12,13): CS0168: …"); they never block.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The state a set of test outcomes means (see <see cref="KataState"/>).</summary>
    public static KataResult FromTests(string number, IReadOnlyList<TestOutcome> tests)
    {
        int passed = tests.Count(t => t.Passed);
        KataState state = tests.Count == 0 ? KataState.NoTests
            : passed == tests.Count ? KataState.Done
            : passed == 0 && tests.All(t => t.IsStub) ? KataState.NotStarted
            : KataState.InProgress;
        return new KataResult(number, state, passed, tests.Count, tests) { Steps = KataSteps.Count(tests) };
    }

    /// <summary>Per step of a staircase kata, how many tests pass (empty for other katas); kept in the status cache.</summary>
    public IReadOnlyList<StepCount> Steps { get; init; } = [];

    /// <summary>A kata whose tests could not give counts: it does not build, hung, crashed or was blocked.</summary>
    public static KataResult Failed(string number, KataState state, string detail, int total = 0) =>
        new(number, state, 0, total, [], detail);

    /// <summary>Why the kata was refused at grading: each use of a banned API, with its file and line (empty when none).</summary>
    public IReadOnlyList<RefusedUse> Refused { get; init; } = [];

    /// <summary>
    /// The catalogued mistake the failing tests point to (tests/mistakes.json), set by <see cref="KataProgress"/> so the
    /// status screen can show it from the cache; null when there is no exact match.
    /// </summary>
    public Mistakes.KnownMistake? LooksLike { get; init; }

    /// <summary>The fraction of tests passed, 0 when there are none or the run failed.</summary>
    public double Fraction => Total == 0 ? 0 : (double)Passed / Total;
}
