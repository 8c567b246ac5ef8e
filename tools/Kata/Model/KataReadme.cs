using System.Text;
using System.Text.RegularExpressions;

namespace Kata.Model;

/// <summary>Reads what the runner needs from a kata README: the title line and the numbered <c>## Hints</c> list.</summary>
public static partial class KataReadme
{
    /// <summary>"One neuron" from "# K01 — One neuron"; empty when there is no such line.</summary>
    public static string ReadTitle(string readmePath)
    {
        if (!File.Exists(readmePath)) return "";
        foreach (var line in File.ReadLines(readmePath))
        {
            var match = TitlePattern().Match(line);
            if (match.Success) return match.Groups[1].Value.Trim();
            if (line.StartsWith("## ", StringComparison.Ordinal)) break;
        }
        return "";
    }

    /// <summary>
    /// The hints, gentlest first: each item of the numbered list under <c>## Hints</c>, with its continuation
    /// lines joined (an item may span several lines, code blocks included), up to the next <c>## </c> heading.
    /// </summary>
    public static IReadOnlyList<string> ParseHints(string markdown)
    {
        var hints = new List<string>();
        StringBuilder? current = null;
        bool inHints = false, inCode = false;
        foreach (var raw in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            string line = raw.TrimEnd();
            if (!inCode && line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (inHints) break;
                inHints = line[3..].Trim().Equals("Hints", StringComparison.OrdinalIgnoreCase);
                continue;
            }
            if (!inHints) continue;
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) inCode = !inCode;
            var item = inCode ? Match.Empty : ItemPattern().Match(line);
            if (item.Success)
            {
                if (current != null) hints.Add(current.ToString().Trim());
                current = new StringBuilder(item.Groups[1].Value);
            }
            else if (current != null)
            {
                // A continuation line keeps code-block lines as they are and joins prose with a space.
                if (inCode || line.TrimStart().StartsWith("```", StringComparison.Ordinal)) current.Append('\n').Append(line.Trim());
                else if (line.Length == 0) current.Append('\n');
                else current.Append(current.Length > 0 && current[^1] != '\n' ? " " : "").Append(line.Trim());
            }
        }
        if (current != null) hints.Add(current.ToString().Trim());
        return hints.Select(h => MultipleBlankLines().Replace(h, "\n\n")).ToList();
    }

    /// <summary>The hints of a README file; empty when the file or the section is missing.</summary>
    public static IReadOnlyList<string> ReadHints(string readmePath) =>
        File.Exists(readmePath) ? ParseHints(File.ReadAllText(readmePath)) : [];

    /// <summary>The level-2 headings in order, for <c>verify</c>'s check of the README layout.</summary>
    public static IReadOnlyList<string> Sections(string markdown) =>
        markdown.Replace("\r\n", "\n").Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..].Trim()).ToList();

    [GeneratedRegex(@"^#\s+K\d\d\s*[—–-]+\s*(.+)$")]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"^\d+[.)]\s+(.*)$")]
    private static partial Regex ItemPattern();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex MultipleBlankLines();
}
