using System.Text.Json;
using Spectre.Console;

namespace Kata.Commands;

/// <summary>
/// <c>./kata hint [KNN] [--level L]</c>: one hint at a time, gentlest first. Each call without a level shows the next
/// one (remembered in <c>.kata/hints.json</c>), so a learner asks for exactly as much help as they need.
/// </summary>
public static class HintCommand
{
    public static int Run(Repository repo, IAnsiConsole console, string? number, int? level)
    {
        var kata = number != null ? repo.Get(number) : KataProgress.Measure(repo, console).Current
                   ?? throw new RunnerException("Every kata is done — no hints needed. Name one to reread its hints: ./kata hint K01");
        var hints = KataReadme.ReadHints(Path.Combine(kata.Directory, "README.md"));
        if (hints.Count == 0) throw new RunnerException($"{kata.ReadmePath} has no numbered list under '## Hints'.");
        var seen = LoadSeen(repo);
        int shown = level ?? Math.Min(seen.GetValueOrDefault(kata.Number) + 1, hints.Count);
        if (shown < 1 || shown > hints.Count)
            throw new RunnerException($"{kata.Number} has hints 1 to {hints.Count}; there is no hint {shown}.");
        seen[kata.Number] = Math.Max(seen.GetValueOrDefault(kata.Number), shown);
        SaveSeen(repo, seen);
        console.MarkupLine($"[bold]{Ui.Escape(kata.Label)}[/] — hint {shown} of {hints.Count}");
        console.WriteLine();
        console.WriteLine(hints[shown - 1]);
        console.WriteLine();
        console.MarkupLine(shown < hints.Count
            ? $"[grey]Stuck still? ./kata hint {kata.Number} shows hint {shown + 1} (more explicit). The lesson: {Ui.Escape(kata.ReadmePath)}[/]"
            : $"[grey]That was the most explicit hint. The lesson: {Ui.Escape(kata.ReadmePath)}[/]");
        return 0;
    }

    private static string SeenPath(Repository repo) => Path.Combine(repo.StateDir, "hints.json");

    private static Dictionary<string, int> LoadSeen(Repository repo)
    {
        try
        {
            return File.Exists(SeenPath(repo)) ? JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(SeenPath(repo))) ?? [] : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static void SaveSeen(Repository repo, Dictionary<string, int> seen)
    {
        Directory.CreateDirectory(repo.StateDir);
        File.WriteAllText(SeenPath(repo), JsonSerializer.Serialize(seen));
    }
}
