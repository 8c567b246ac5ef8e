namespace Kata.Gradebook;

/// <summary>
/// One grade.json as the gradebook stores it (schema v1 or v2, see HELPERS/README): the whole grade, or a refusal.
/// Fields that v1 files lack are null or empty.
/// </summary>
public sealed record GradeDocument(
    int SchemaVersion,
    double Score,
    double Max,
    double? Min,
    bool Passed,
    bool Refused,
    string? RefusalReason,
    IReadOnlyList<string> Differences,
    DateTimeOffset? GradedAt,
    string? ReferenceSource,
    string? ReferenceCommit,
    bool? SelfCheck,
    IReadOnlyList<KataScore> Katas);

/// <summary>One kata's line of a grade: points are 0–100; hidden counts and test outcomes only exist in v2.</summary>
public sealed record KataScore(
    string Kata,
    string Title,
    int Passed,
    int Total,
    double Points,
    string Status,
    string Detail,
    int? HiddenPassed,
    int? HiddenTotal,
    IReadOnlyList<RefusedUse> Refused,
    IReadOnlyList<TestLine> Tests);

/// <summary>One test's outcome: Passed, Failed, TimedOut, Crashed or NotRun; the message is the failure's first line.</summary>
public sealed record TestLine(string Name, string FullName, string Outcome, string Message, bool Hidden);

/// <summary>A banned use found in the learner's code when grading (rule, where, why).</summary>
public sealed record RefusedUse(string Rule, string File, int? Line, string Message);
