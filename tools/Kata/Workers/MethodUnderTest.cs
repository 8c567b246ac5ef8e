using System.Text.RegularExpressions;

namespace Kata.Workers;

/// <summary>
/// The kata method a failing test calls, found in the sources: a wrong answer fails in an assertion, so the stack holds
/// only the test's frames; the test's failing line (and the lines above it in the same test) names the call, and the
/// kata's files hold its declaration. Text matching, no compiler: a good guess where to look, never a verdict.
/// </summary>
public static partial class MethodUnderTest
{
    /// <summary>A method (or, when Name is Type, a constructor) declared in the learner's kata folder, at File's Line.</summary>
    public sealed record Declaration(string Name, string Type, string File, int Line);

    /// <summary>The declaration of the kata method called nearest above (or on) <paramref name="line"/> of the test file, or null.</summary>
    public static Declaration? Find(Repository repo, string kataFolder, string testFile, int line)
    {
        string kataDir = Path.Combine(repo.KatasDir, kataFolder);
        if (!File.Exists(testFile) || !Directory.Exists(kataDir)) return null;
        var declarations = Declarations(repo, kataDir);
        if (declarations.Count == 0) return null;
        var body = TestLinesUpTo(File.ReadAllLines(testFile), line);
        string bodyText = string.Join('\n', body);
        // The failing line first, then upwards: the nearest call is the likeliest culprit.
        for (int i = body.Count - 1; i >= 0; i--)
            foreach (Match call in CallPattern().Matches(body[i]))
            {
                var found = call.Groups["new"].Success
                    ? Pick(declarations.Where(d => d.Type == call.Groups["new"].Value && d.Name == d.Type), null, bodyText)
                    : Pick(declarations.Where(d => d.Name == call.Groups["name"].Value && d.Name != d.Type), call.Groups["owner"].Value, bodyText);
                if (found != null) return found;
            }
        return null;
    }

    /// <summary>As <see cref="Find"/> for the whole test method <paramref name="testMethod"/>, found by name in the kata's test files.</summary>
    public static Declaration? FindInTestMethod(Repository repo, string kataFolder, string testMethod)
    {
        string testDir = Path.Combine(repo.TestsDir, kataFolder);
        if (!Directory.Exists(testDir)) return null;
        var declaration = new Regex($@"\b{Regex.Escape(testMethod)}\s*\(");
        foreach (string file in Directory.EnumerateFiles(testDir, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string[] lines = File.ReadAllLines(file);
            int start = Array.FindIndex(lines, l => MemberStartPattern().IsMatch(l) && declaration.IsMatch(l));
            if (start < 0) continue;
            int end = start + 1;
            while (end < lines.Length && end - start < 80 && !MemberStartPattern().IsMatch(lines[end])) end++;
            // "end" is the next member's first line (1-based: the method's last line), so Find scans the method only.
            return Find(repo, kataFolder, file, end);
        }
        return null;
    }

    /// <summary>Of several declarations with the name, the one on the named type, else one whose type the test mentions.</summary>
    private static Declaration? Pick(IEnumerable<Declaration> candidates, string? owner, string bodyText)
    {
        var list = candidates.ToList();
        return list.FirstOrDefault(d => d.Type == owner)
               ?? list.FirstOrDefault(d => Regex.IsMatch(bodyText, $@"\b{Regex.Escape(d.Type)}\b"))
               ?? list.FirstOrDefault();
    }

    /// <summary>The test's own lines up to the failing one: upwards until the line that declares the test method.</summary>
    private static List<string> TestLinesUpTo(string[] lines, int line)
    {
        int last = Math.Clamp(line, 1, lines.Length) - 1, first = last;
        while (first > 0 && last - first < 80 && !MemberStartPattern().IsMatch(lines[first])) first--;
        return lines[first..(last + 1)].ToList();
    }

    /// <summary>Every method and constructor declared in the kata's .cs files, with the type around it.</summary>
    private static List<Declaration> Declarations(Repository repo, string kataDir)
    {
        var found = new List<Declaration>();
        foreach (string file in Directory.EnumerateFiles(kataDir, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string relative = repo.Relative(file);
            if (Fingerprint.IsBuildOutput(relative)) continue;
            string type = "";
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                if (TypePattern().Match(lines[i]) is { Success: true } t) type = t.Groups[1].Value;
                if (MethodPattern().Match(lines[i]) is { Success: true } m) found.Add(new Declaration(m.Groups[1].Value, type, relative, i + 1));
            }
        }
        return found;
    }

    /// <summary>The name shown to the learner: "ThreeLoops.Multiply", or "new Linear" for a constructor.</summary>
    public static string Display(Declaration d) => d.Name == d.Type ? $"new {d.Type}" : $"{d.Type}.{d.Name}";

    [GeneratedRegex(@"\b(?:class|struct|record|interface)\s+(\w+)")]
    private static partial Regex TypePattern();

    /// <summary>"public static Tensor ThreeLoops(" or "public Linear(": modifiers, a return type, the name, a parenthesis.</summary>
    [GeneratedRegex(@"^\s*(?:(?:public|internal|protected|private|static|override|virtual|abstract|sealed|async|new|readonly|partial)\s+)+(?:[\w<>\[\],.?()]+\s+)*?(\w+)\s*(?:<[^<>()]*>)?\s*\(")]
    private static partial Regex MethodPattern();

    [GeneratedRegex(@"(?:\bnew\s+(?<new>\w+)|(?:(?<owner>\w+)\s*\.\s*)?(?<name>\w+))\s*(?:<[^<>()]*>)?\s*\(")]
    private static partial Regex CallPattern();

    [GeneratedRegex(@"^\s*(?:\[|(?:public|private|internal|protected)\b)")]
    private static partial Regex MemberStartPattern();
}
