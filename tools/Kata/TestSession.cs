namespace Kata;

/// <summary>Build, then run the katas' tests in workers: the one path every verb uses to get results.</summary>
public sealed class TestSession(Repository repo, string target = "katas")
{
    public TimeSpan TimeoutPerKata { get; init; } = TimeSpan.FromSeconds(120);
    public bool ProcessPerKata { get; init; }
    public Action<string>? Progress { get; init; }

    public IReadOnlyDictionary<string, KataResult> Run(IReadOnlyList<KataInfo> katas)
    {
        var builder = new Builder(repo, target);
        Progress?.Invoke($"Building the tests against {target}/");
        var build = builder.BuildTests();
        var results = build.Succeeded ? RunBuilt(katas, builder.TestDll, null)
            : target == "katas" && build.ErrorsByKata.Count > 0 ? RunAroundBrokenKatas(katas, build) : FromBrokenBuild(katas, build);
        return WithWarnings(results, build);
    }

    /// <summary>Each kata's result with the compiler's warnings in its files, so the learner sees them next to the tests.</summary>
    public static IReadOnlyDictionary<string, KataResult> WithWarnings(IReadOnlyDictionary<string, KataResult> results, BuildResult build) =>
        build.WarningsByKata.Count == 0 ? results
            : results.ToDictionary(p => p.Key, p => build.WarningsByKata.TryGetValue(p.Key, out var w) ? p.Value with { Warnings = w } : p.Value);

    /// <summary>Builds a copy with the broken katas set back to their stubs and runs every other kata there.</summary>
    private IReadOnlyDictionary<string, KataResult> RunAroundBrokenKatas(IReadOnlyList<KataInfo> katas, BuildResult build)
    {
        var broken = repo.Katas.Where(k => build.ErrorsByKata.ContainsKey(k.Number)).ToList();
        var others = katas.Where(k => !build.ErrorsByKata.ContainsKey(k.Number)).ToList();
        if (others.Count == 0) return FromBrokenBuild(katas, build);
        Progress?.Invoke($"{string.Join(", ", broken.Select(k => k.Number))} does not build; building the other katas without it");
        Repository shadow;
        try
        {
            shadow = ShadowWorkspace.Create(repo, broken);
        }
        catch (RunnerException)
        {
            return FromBrokenBuild(katas, build); // the stubs cannot be found: report what we know
        }
        var shadowBuilder = new Builder(shadow, target);
        if (!shadowBuilder.BuildTests().Succeeded) return FromBrokenBuild(katas, build);
        var results = RunBuilt(others, shadowBuilder.TestDll, null).ToDictionary();
        foreach (var kata in katas.Where(k => build.ErrorsByKata.ContainsKey(k.Number)))
            results[kata.Number] = KataResult.Failed(kata.Number, KataState.DoesNotBuild, string.Join('\n', build.ErrorsByKata[kata.Number].Take(5)));
        return results;
    }

    /// <summary>Runs already-built tests, optionally against a fresher Katas.dll than the one beside them.</summary>
    public IReadOnlyDictionary<string, KataResult> RunBuilt(IReadOnlyList<KataInfo> katas, string testDll, string? katasDll)
    {
        var host = new WorkerHost(repo, testDll, katasDll)
        {
            TimeoutPerKata = TimeoutPerKata,
            ProcessPerKata = ProcessPerKata,
            OnStart = kata => Progress?.Invoke($"Running {kata.Number}'s tests"),
        };
        return host.Run(katas);
    }

    /// <summary>
    /// When the build fails, the katas whose files hold the errors "do not build"; the others cannot be run until
    /// those errors are fixed, and say so. A failure no kata owns is the repository's problem: an exception.
    /// </summary>
    public static IReadOnlyDictionary<string, KataResult> FromBrokenBuild(IReadOnlyList<KataInfo> katas, BuildResult build) =>
        FromBrokenBuildOrNull(katas, build) ?? throw new RunnerException("The build failed, and not because of a kata:\n" + build.Summary);

    /// <summary>As <see cref="FromBrokenBuild"/>, but null when no kata owns the errors.</summary>
    public static IReadOnlyDictionary<string, KataResult>? FromBrokenBuildOrNull(IReadOnlyList<KataInfo> katas, BuildResult build)
    {
        if (build.ErrorsByKata.Count == 0) return null;
        string culprits = string.Join(", ", build.ErrorsByKata.Keys.Order());
        return katas.ToDictionary(k => k.Number, k => build.ErrorsByKata.TryGetValue(k.Number, out var errors)
            ? KataResult.Failed(k.Number, KataState.DoesNotBuild, string.Join('\n', errors.Take(5)))
            : KataResult.Failed(k.Number, KataState.Blocked, $"not run: the build stops at the errors in {culprits}"));
    }
}
