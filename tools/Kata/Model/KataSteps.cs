using System.Text.RegularExpressions;

namespace Kata.Model;

/// <summary>How many of one step's tests pass. A staircase kata (K05, K06) puts each step's tests in a fixture
/// named <c>Step{N}_{What}Tests</c>; the step is read from <c>.Step{N}_</c> in a test's full name.</summary>
public sealed record StepCount(int Step, int Passed, int Total)
{
    public bool Done => Total > 0 && Passed == Total;
}

/// <summary>Progress within a staircase kata: which steps pass, which is next, and the steps' titles from the README.</summary>
public static partial class KataSteps
{
    /// <summary>The step a test belongs to, from <c>.Step{N}_</c> in its full name; null for a test outside any step.</summary>
    public static int? StepOf(string fullName)
    {
        var match = StepInName().Match(fullName);
        return match.Success && int.TryParse(match.Groups[1].Value, out int step) ? step : null;
    }

    /// <summary>Passed and total per step, in step order; empty when no test names a step (an ordinary kata).</summary>
    public static IReadOnlyList<StepCount> Count(IEnumerable<TestOutcome> tests) =>
        tests.Select(t => (Step: StepOf(t.FullName), t.Passed)).Where(t => t.Step != null)
            .GroupBy(t => t.Step!.Value).OrderBy(g => g.Key)
            .Select(g => new StepCount(g.Key, g.Count(t => t.Passed), g.Count())).ToList();

    /// <summary>
    /// The titles of the <c>### Step N — Title</c> headings under <c>## Your task</c>, by step number
    /// ("Parse the equation" for <c>### Step 1 — Parse the equation</c>). Headings inside code blocks do not count.
    /// </summary>
    public static IReadOnlyDictionary<int, string> ParseTitles(string markdown)
    {
        var titles = new SortedDictionary<int, string>();
        bool inTask = false, inCode = false;
        foreach (var raw in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            string line = raw.TrimEnd();
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) inCode = !inCode;
            if (inCode) continue;
            if (line.StartsWith("## ", StringComparison.Ordinal)) inTask = line[3..].Trim().Equals("Your task", StringComparison.OrdinalIgnoreCase);
            else if (inTask && StepHeading().Match(line) is { Success: true } heading)
                titles.TryAdd(int.Parse(heading.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), heading.Groups[2].Value.Trim());
        }
        return titles;
    }

    /// <summary>The step titles of a README file; empty when the file is missing or has no steps.</summary>
    public static IReadOnlyDictionary<int, string> ReadTitles(string readmePath) =>
        File.Exists(readmePath) ? ParseTitles(File.ReadAllText(readmePath)) : new Dictionary<int, string>();

    /// <summary>"2/4 steps" for a staircase kata, or "" for one without steps.</summary>
    public static string Summary(IReadOnlyList<StepCount> steps) =>
        steps.Count == 0 ? "" : $"{steps.Count(s => s.Done)}/{steps.Count} steps";

    /// <summary>The first step not done, in order; null when every step is (or the kata has none).</summary>
    public static StepCount? Next(IReadOnlyList<StepCount> steps) => steps.FirstOrDefault(s => !s.Done);

    /// <summary>"step 3 — Diagonals and ellipses (0/9 tests)", or just "step 3 (0/9 tests)" when the README has no such heading.</summary>
    public static string Describe(StepCount step, IReadOnlyDictionary<int, string> titles) =>
        $"step {step.Step}{(titles.TryGetValue(step.Step, out var title) ? " — " + title : "")} ({step.Passed}/{step.Total} tests)";

    [GeneratedRegex(@"\.Step(\d+)_")]
    private static partial Regex StepInName();

    [GeneratedRegex(@"^###\s+Step\s+(\d+)\s*[—–:-]+\s*(.+)$")]
    private static partial Regex StepHeading();
}
