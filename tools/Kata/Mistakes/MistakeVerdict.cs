namespace Kata.Mistakes;

/// <summary>What became of one mistake: the visible tests caught it with a readable message, or why not.</summary>
public enum MistakeOutcome
{
    /// <summary>At least one visible test failed with a message a learner can read.</summary>
    Caught,
    /// <summary>Every visible test passes: the tests let the mistake through.</summary>
    Escaped,
    /// <summary>Tests were lost (crashed, timed out) but none failed with a message: nothing a learner can read.</summary>
    OnlyCrashes,
    DoesNotApply,
    DoesNotCompile,
    /// <summary>The mistake changes a public signature, so the tests compiled against the solution cannot run it.</summary>
    ChangesApi,
}

/// <summary>
/// One mistake's check: its outcome, the visible tests it fails (sorted full names: its signature), how many of
/// them failed with a message, the first of those, and what went wrong when it was not caught.
/// </summary>
public sealed record MistakeVerdict(MistakePatch Mistake, MistakeOutcome Outcome, IReadOnlyList<string> Fails, int CaughtBy, TestOutcome? FirstFailing, string Detail)
{
    /// <summary>How long the apply, compile and test run took.</summary>
    public TimeSpan Elapsed { get; init; }

    public bool Caught => Outcome == MistakeOutcome.Caught;

    /// <summary>The problem line for a mistake that was not caught (null when it was).</summary>
    public string? Problem => Outcome switch
    {
        MistakeOutcome.Caught => null,
        MistakeOutcome.Escaped => $"ESCAPED: {Mistake.Label} \"{Mistake.Title}\" ({Mistake.File}): every visible test passes with this mistake",
        MistakeOutcome.OnlyCrashes => $"NOT READABLE: {Mistake.Label} \"{Mistake.Title}\" ({Mistake.File}): no test fails with a message; only {Detail}",
        MistakeOutcome.DoesNotApply => $"DOES NOT APPLY: {Mistake.Label} ({Mistake.File}): git apply says: {Detail}",
        MistakeOutcome.DoesNotCompile => $"DOES NOT COMPILE: {Mistake.Label} ({Mistake.File}) (a mistake must compile): {Detail}",
        MistakeOutcome.ChangesApi => $"CHANGES THE API: {Mistake.Label} ({Mistake.File}): it changes a public signature, so the kata's tests cannot run it; a mistake changes only what the code does",
        _ => Outcome.ToString(),
    };
}
