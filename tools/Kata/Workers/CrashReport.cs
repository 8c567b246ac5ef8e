using System.Text.RegularExpressions;

namespace Kata.Workers;

/// <summary>
/// Explains a worker that died: what the runtime printed (stack overflow, FailFast, an unhandled exception) and
/// the learner's file and line when a kata frame is on the stack — not a frame inside FsCheck or NUnit.
/// </summary>
public static partial class CrashReport
{
    public static (string Why, string? Where) Describe(int exitCode, IEnumerable<string> stderr, Repository repo)
    {
        var lines = stderr.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        string first = lines.FirstOrDefault(l => l.Contains("overflow", StringComparison.OrdinalIgnoreCase))
                       ?? lines.FirstOrDefault(l => l.Contains("Unhandled", StringComparison.OrdinalIgnoreCase) || l.Contains("FailFast", StringComparison.OrdinalIgnoreCase))
                       ?? lines.FirstOrDefault(l => !l.TrimStart().StartsWith("at ", StringComparison.Ordinal)) ?? "";
        first = first.Trim();
        if (first.Length > 200) first = first[..200] + "…";
        string kind = first.Contains("overflow", StringComparison.OrdinalIgnoreCase) ? "a stack overflow (endless recursion?)"
            : "the process ended (Environment.Exit, FailFast or an exception on another thread)";
        string why = $"{kind}, exit code {exitCode}{(first.Length > 0 ? $": {first}" : "")}";
        return (why, LearnerFrame(lines, repo));
    }

    /// <summary>The first frame in kata code: "katas/KNN_…/File.cs:line" when the trace has lines, else found from the method's name.</summary>
    public static string? LearnerFrame(IReadOnlyList<string> lines, Repository repo)
    {
        foreach (string line in lines)
        {
            var withLine = NUnitResults.FileToOpen(line, "", repo);
            if (withLine != null && withLine.Contains(':')) return withLine;
        }
        foreach (string line in lines)
        {
            var frame = KataFramePattern().Match(line);
            if (frame.Success && Locate(repo, frame.Groups["type"].Value, frame.Groups["method"].Value) is { } where) return where;
        }
        return null;
    }

    /// <summary>Finds where a kata type declares a method: "katas/K03_…/Recursion.cs:5", or null.</summary>
    private static string? Locate(Repository repo, string type, string method)
    {
        if (!Directory.Exists(repo.KatasDir)) return null;
        var declaration = new Regex($@"\b(class|struct|record|interface)\s+{Regex.Escape(type)}\b");
        var member = new Regex($@"\b{Regex.Escape(method)}\s*(<[^>]*>)?\s*\(");
        foreach (string file in Directory.EnumerateFiles(repo.KatasDir, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Fingerprint.IsBuildOutput(repo.Relative(file))) continue;
            string[] source = File.ReadAllLines(file);
            if (!source.Any(declaration.IsMatch)) continue;
            int index = Array.FindIndex(source, l => member.IsMatch(l) && !l.TrimStart().StartsWith("//", StringComparison.Ordinal));
            if (index >= 0) return $"{repo.Relative(file)}:{index + 1}";
        }
        return null;
    }

    /// <summary>"at Katas.Topic.Type.Method(…)" — a frame in kata code (namespace Katas, not the tests' KataTests).</summary>
    [GeneratedRegex(@"\bat Katas\.(?:[\w`]+\.)*(?<type>[\w`]+)\.(?<method>[\w]+)(?:\[[^\]]*\])?\(")]
    private static partial Regex KataFramePattern();
}
