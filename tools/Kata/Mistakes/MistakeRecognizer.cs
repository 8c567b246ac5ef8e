using Kata.Grading;
using Spectre.Console;

namespace Kata.Mistakes;

/// <summary>A recognised mistake: the record it matched and the text of the hint it names (null if the README lacks it).</summary>
public sealed record KnownMistake(string Title, int Hint, string? HintText);

/// <summary>
/// Names a known mistake when a learner's failing visible tests are exactly one recorded signature
/// (tests/mistakes.json). It would rather say nothing than guess: no match on a subset or a superset, none when two
/// mistakes share the signature, none while a test still stops at a stub, none when every test fails.
/// </summary>
public static class MistakeRecognizer
{
    public static KnownMistake? Recognize(Repository repo, KataInfo kata, KataResult result)
    {
        var visible = result.Tests.Where(t => !HiddenTests.IsHidden(t)).ToList();
        var failing = visible.Where(t => !t.Passed).ToList();
        if (failing.Count == 0 || failing.Count == visible.Count || failing.Any(t => t.IsStub)) return null;
        MistakeSignatures? recorded;
        try { recorded = MistakeSignatures.Load(repo); }
        catch (RunnerException) { return null; } // a damaged file costs the learner the guess, never the test run
        if (recorded == null) return null;
        var names = failing.Select(t => t.FullName).Order(StringComparer.Ordinal).ToList();
        var matches = recorded.Mistakes.Where(r => r.Kata == kata.Number && r.Fails.SequenceEqual(names)).Take(2).ToList();
        if (matches.Count != 1) return null;
        var hints = KataReadme.ReadHints(Path.Combine(kata.Directory, "README.md"));
        var match = matches[0];
        return new KnownMistake(match.Title, match.Hint, match.Hint >= 1 && match.Hint <= hints.Count ? hints[match.Hint - 1] : null);
    }

    /// <summary>"this looks like: …" and the hint it names, under a kata's failures.</summary>
    public static void Write(IAnsiConsole console, KataInfo kata, KnownMistake known)
    {
        console.MarkupLine($"[yellow]this looks like:[/] [bold]{Ui.Escape(known.Title)}[/]");
        if (known.HintText != null)
            console.MarkupLine($"  [blue]hint {known.Hint}[/] {Ui.Escape(known.HintText)} [grey](./kata hint {kata.Number} --level {known.Hint})[/]");
    }
}
