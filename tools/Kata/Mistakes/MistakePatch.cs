using System.Text.RegularExpressions;

namespace Kata.Mistakes;

/// <summary>
/// One catalogued learner mistake, <c>solutions/KNN_Name/mistakes/NN-slug.patch</c>: three header lines (Title,
/// Misconception, Hint), a blank line, then a git diff against the solution with paths from the repository root.
/// </summary>
public sealed partial record MistakePatch(string Kata, string Id, string File, string Title, string Misconception, int Hint, string Diff, IReadOnlyList<string> Paths)
{
    /// <summary>"K02 01-wrong-bounds", how every message names the mistake.</summary>
    public string Label => $"{Kata} {Id}";

    /// <summary>
    /// Reads a patch file's text; <paramref name="problem"/> says what is wrong (naming <paramref name="file"/>) and the
    /// result is null when the header or the diff cannot be read. Checks that need the kata (hint range, paths) are
    /// <see cref="MistakeCatalog"/>'s.
    /// </summary>
    public static MistakePatch? Parse(string kata, string file, string text, out string? problem)
    {
        problem = null;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var header = new Dictionary<string, string>();
        int i = 0;
        for (; i < lines.Length && lines[i].Length > 0 && !lines[i].StartsWith("diff --git ", StringComparison.Ordinal); i++)
        {
            var field = HeaderPattern().Match(lines[i]);
            if (!field.Success) { problem = $"{file}: line {i + 1} is not a header line 'Name: value' (expected Title:, Misconception:, Hint:, then a blank line): '{lines[i]}'"; return null; }
            header[field.Groups[1].Value] = field.Groups[2].Value.Trim();
        }
        string diff = string.Join('\n', lines[i..]).TrimStart('\n');
        var missing = new[] { "Title", "Misconception", "Hint" }.Where(f => string.IsNullOrWhiteSpace(header.GetValueOrDefault(f))).ToList();
        if (missing.Count > 0) { problem = $"{file}: the header has no {string.Join(", no ", missing)} (three lines Title:, Misconception:, Hint: before the diff)"; return null; }
        if (!int.TryParse(header["Hint"], out int hint)) { problem = $"{file}: Hint: '{header["Hint"]}' is not a number (the number of a hint in the kata README's ## Hints)"; return null; }
        var paths = DiffPathPattern().Matches(diff).SelectMany(m => new[] { m.Groups[1].Value, m.Groups[2].Value }).Distinct().ToList();
        if (paths.Count == 0) { problem = $"{file}: no 'diff --git a/… b/…' after the header: the patch changes nothing"; return null; }
        string id = Path.GetFileNameWithoutExtension(file);
        return new MistakePatch(kata, id, file, header["Title"], header["Misconception"], hint, diff, paths);
    }

    /// <summary>True when the diff creates, deletes or renames a file (the fast compile only edits existing files).</summary>
    public bool ChangesFileSet => FileSetPattern().IsMatch(Diff);

    [GeneratedRegex(@"^([A-Za-z]+):\s*(.*)$")]
    private static partial Regex HeaderPattern();

    [GeneratedRegex(@"^diff --git a/(\S+) b/(\S+)$", RegexOptions.Multiline)]
    private static partial Regex DiffPathPattern();

    [GeneratedRegex(@"^(new file mode|deleted file mode|rename from|rename to|copy from|--- /dev/null|\+\+\+ /dev/null)", RegexOptions.Multiline)]
    private static partial Regex FileSetPattern();
}
