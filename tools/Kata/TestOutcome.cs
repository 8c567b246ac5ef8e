namespace Kata;

/// <summary>One test's result, with what a learner needs to act on a failure.</summary>
public sealed record TestOutcome(
    string Name,
    string FullName,
    string Result,
    string Message = "",
    string StackTrace = "",
    string? Expected = null,
    string? Actual = null,
    string? FileToOpen = null)
{
    public bool Passed => Result == "Passed";

    /// <summary>The operands a failed assertion printed ("inputs:   a = …"), shown between the failure and expected/actual.</summary>
    public string? Inputs { get; init; }

    /// <summary>Why <see cref="FileToOpen"/> is the place to look, when it is not the line the failure came from.</summary>
    public string? OpenNote { get; init; }

    /// <summary>True when the failure is the stub's own NotImplementedException (the learner has not started).</summary>
    public bool IsStub => !Passed && (Message.Contains("NotImplementedException", StringComparison.Ordinal)
                                      || StackTrace.Contains("NotImplementedException", StringComparison.Ordinal));
}
