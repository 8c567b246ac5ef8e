using Spectre.Console;

namespace Kata.Model;

/// <summary>
/// Where the learner is: every kata's result and the current kata (the first one not done). Status, next, hint,
/// watch and bench all ask this one place, so they always agree on which kata is current.
/// </summary>
public sealed class KataProgress(Repository repo, IReadOnlyDictionary<string, KataResult> results)
{
    public IReadOnlyDictionary<string, KataResult> Results => results;

    /// <summary>The first kata that is not done, in order; null when all are.</summary>
    public KataInfo? Current => repo.Katas.FirstOrDefault(k => !results.TryGetValue(k.Number, out var r) || r.State != KataState.Done);

    /// <summary>The current kata's result, when it was run.</summary>
    public KataResult? CurrentResult => Current is { } kata ? results.GetValueOrDefault(kata.Number) : null;

    /// <summary>The results from the cache when the sources are unchanged since it was written, else by building and running.</summary>
    public static KataProgress Measure(Repository repo, IAnsiConsole console, bool refresh = false)
    {
        string fingerprint = Fingerprint.Of(repo, "katas");
        var cache = new StatusCache(repo);
        if (!refresh && cache.Load(fingerprint) is { } cached && repo.Katas.All(k => cached.ContainsKey(k.Number))) return new KataProgress(repo, cached);
        IReadOnlyDictionary<string, KataResult> measured = null!;
        console.Status().Start("Building…", ctx =>
        {
            var session = new TestSession(repo) { Progress = text => ctx.Status(Ui.Escape(text) + "…") };
            measured = session.Run(repo.Katas);
        });
        // Recognised now, while the per-test results are here: the cache keeps only the verdict.
        measured = measured.ToDictionary(p => p.Key, p => repo.Katas.FirstOrDefault(k => k.Number == p.Key) is { } kata
            ? p.Value with { LooksLike = Mistakes.MistakeRecognizer.Recognize(repo, kata, p.Value) } : p.Value);
        cache.Save(fingerprint, measured);
        return new KataProgress(repo, measured);
    }
}
