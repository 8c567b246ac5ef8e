namespace Kata.Grading;

/// <summary>
/// The README's two markers, applied by <c>./kata release</c>. In the reference a line <c>&lt;!-- instructor-only --&gt;</c>
/// opens what only the reference shows, up to <c>&lt;!-- /instructor-only --&gt;</c>; the release drops it. A line
/// <c>&lt;!-- learner-only</c> opens what only the release shows (hidden in the reference as an HTML comment), up to a
/// line <c>--&gt;</c>; the release keeps the lines between and drops the two markers.
/// </summary>
public static class ReadmeMarkers
{
    public const string InstructorOnly = "<!-- instructor-only -->", InstructorOnlyEnd = "<!-- /instructor-only -->";
    public const string LearnerOnly = "<!-- learner-only", LearnerOnlyEnd = "-->";

    public static string ForRelease(string text)
    {
        var kept = new List<string>();
        string? open = null;
        foreach (string line in text.Replace("\r\n", "\n").Split('\n'))
        {
            string marker = line.Trim();
            if (open == null && marker == InstructorOnly) { open = InstructorOnly; continue; }
            if (open == null && marker == LearnerOnly) { open = LearnerOnly; continue; }
            if (open == InstructorOnly && marker == InstructorOnlyEnd) { open = null; continue; }
            if (open == LearnerOnly && marker == LearnerOnlyEnd) { open = null; continue; }
            if (open != InstructorOnly) kept.Add(line);
        }
        if (open != null) throw new RunnerException($"README.md: a '{open}' block is never closed; nothing was released.");
        return string.Join('\n', kept);
    }
}
