using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kata.Grading;

/// <summary>
/// At grading, finds each kata whose code steps outside "safe C#" (katas/SafeCode.targets, katas/BannedSymbols.txt):
/// banned APIs (reflection, files, processes, exits, threads, the test framework…), unsafe code, <c>dynamic</c>,
/// a silenced diagnostic (#pragma warning disable, [SuppressMessage]) and #line, which would move diagnostics out of
/// the kata's files. Such a kata is refused — it scores 0 — and the other katas are graded without it.
/// </summary>
public static partial class SafeCodeCheck
{
    /// <summary>The rule name for each compiler or analyzer code that refuses a kata.</summary>
    private static readonly Dictionary<string, string> Rules = new()
    {
        ["RS0030"] = "banned-api", ["RS0031"] = "banned-api", ["RS0035"] = "banned-api",
        ["CS0227"] = "unsafe-code", ["CS0214"] = "unsafe-code",
        ["CS0656"] = "dynamic",
    };

    public static IReadOnlyDictionary<string, IReadOnlyList<RefusedUse>> Find(Repository repo, BuildResult build, string diagnosticsLog)
    {
        var found = new Dictionary<string, List<RefusedUse>>();
        void Add(string kata, RefusedUse use)
        {
            if (!found.TryGetValue(kata, out var list)) found[kata] = list = [];
            if (!list.Contains(use)) list.Add(use);
        }
        foreach (var (kata, errors) in build.ErrorsByKata)
            foreach (string error in errors)
                if (ErrorPattern().Match(error) is { Success: true } m && Rules.TryGetValue(m.Groups["code"].Value, out var rule))
                    Add(kata, new RefusedUse(rule, m.Groups["file"].Value, int.Parse(m.Groups["line"].Value), Clean(m.Groups["text"].Value)));
        foreach (var (kata, use) in Silenced(repo, diagnosticsLog)) Add(kata, use);
        foreach (var (kata, use) in LineDirectives(repo)) Add(kata, use);
        return found.ToDictionary(p => p.Key, p => (IReadOnlyList<RefusedUse>)p.Value);
    }

    /// <summary>The refusal in a sentence or two, for the report's detail column.</summary>
    public static string Describe(IReadOnlyList<RefusedUse> uses) =>
        $"refused (kata code may not do this, see katas/BannedSymbols.txt): {uses[0]}{(uses.Count > 1 ? $" — and {uses.Count - 1} more" : "")}"
        + string.Concat(uses.Skip(1).Take(9).Select(u => "\n" + u));

    /// <summary>Diagnostics of the refusing rules that a #pragma or [SuppressMessage] silenced, from the compiler's SARIF log.</summary>
    private static IEnumerable<(string Kata, RefusedUse Use)> Silenced(Repository repo, string log)
    {
        if (!File.Exists(log)) yield break;
        JsonDocument doc;
        try { doc = JsonDocument.Parse(File.ReadAllText(log)); }
        catch (JsonException) { yield break; }
        using (doc)
        {
            foreach (var run in doc.RootElement.GetProperty("runs").EnumerateArray())
            {
                if (!run.TryGetProperty("results", out var results)) continue;
                foreach (var result in results.EnumerateArray())
                {
                    string code = result.GetProperty("ruleId").GetString() ?? "";
                    if (!Rules.ContainsKey(code) || !result.TryGetProperty("suppressions", out var s) || s.GetArrayLength() == 0) continue;
                    if (!result.TryGetProperty("locations", out var locations) || locations.GetArrayLength() == 0) continue;
                    var where = locations[0].GetProperty("physicalLocation");
                    string path = new Uri(where.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath;
                    int line = where.GetProperty("region").GetProperty("startLine").GetInt32();
                    string message = result.GetProperty("message").GetProperty("text").GetString() ?? "";
                    if (KataOf(repo, path) is { } kata)
                        yield return (kata, new RefusedUse("suppressed-diagnostic", repo.Relative(path), line, $"{code} silenced by #pragma or [SuppressMessage]: {Clean(message)}"));
                }
            }
        }
    }

    /// <summary>#line moves the compiler's file and line elsewhere: kata code may not use it.</summary>
    private static IEnumerable<(string Kata, RefusedUse Use)> LineDirectives(Repository repo)
    {
        foreach (var kata in repo.Katas)
            foreach (string file in Directory.EnumerateFiles(kata.Directory, "*.cs", SearchOption.AllDirectories).Where(f => !Fingerprint.IsBuildOutput(repo.Relative(f))))
            {
                string[] lines = File.ReadAllLines(file);
                for (int i = 0; i < lines.Length; i++)
                    if (LineDirective().IsMatch(lines[i]))
                        yield return (kata.Number, new RefusedUse("line-directive", repo.Relative(file), i + 1, "#line changes where the compiler reports errors: kata code may not use it"));
            }
    }

    private static string? KataOf(Repository repo, string path)
    {
        string relative = repo.Relative(path);
        return KataPath().Match(relative) is { Success: true } m ? m.Groups[1].Value : null;
    }

    /// <summary>Drops the analyzer's help link from a message.</summary>
    private static string Clean(string text) => HelpLink().Replace(text, "").Trim();

    [GeneratedRegex(@"^(?<file>.+?)\((?<line>\d+),\d+\): (?<code>[A-Z]+\d+): (?<text>.*)$")]
    private static partial Regex ErrorPattern();

    [GeneratedRegex(@"\s*\(https?://[^)]*\)")]
    private static partial Regex HelpLink();

    [GeneratedRegex(@"^\s*#\s*line\b")]
    private static partial Regex LineDirective();

    [GeneratedRegex(@"^katas/(K\d\d)_\w+/")]
    private static partial Regex KataPath();
}
