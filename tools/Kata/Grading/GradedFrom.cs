namespace Kata.Grading;

/// <summary>Where a grade's tests came from: the reference's source (path or URL) and the 40-hex commit.</summary>
public sealed record GradedFrom(string Source, string Commit);
