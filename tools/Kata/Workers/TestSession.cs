using Kata.Grading;

namespace Kata.Workers;

/// <summary>Build, then run the katas' tests in workers: the one path every verb uses to get results.</summary>
public sealed class TestSession(Repository repo, string target = "katas")
{
    /// <summary>How long one kata's tests may take in all.</summary>
    public TimeSpan TimeoutPerKata { get; init; } = TimeSpan.FromSeconds(120);
    /// <summary>How long one test may run before it counts as hung; only that test is lost.</summary>
    public TimeSpan TimeoutPerTest { get; init; } = TimeSpan.FromSeconds(60);
    public bool ProcessPerKata { get; init; }
    /// <summary>
    /// Grading: banned APIs (katas/BannedSymbols.txt), unsafe code, <c>dynamic</c> and silenced diagnostics are errors,
    /// and a kata that uses one is refused (see <see cref="SafeCodeCheck"/>); the other katas are graded without it.
    /// </summary>
    public bool Grading { get; init; }
    public Action<string>? Progress { get; init; }

    public IReadOnlyDictionary<string, KataResult> Run(IReadOnlyList<KataInfo> katas)
    {
        var builder = new Builder(repo, target, Grading);
        Progress?.Invoke($"Building the tests against {target}/");
        var build = builder.BuildTests();
        var refused = Grading ? SafeCodeCheck.Find(repo, build, builder.DiagnosticsLog) : new Dictionary<string, IReadOnlyList<RefusedUse>>();
        var results = build.Succeeded && refused.Count == 0 ? RunBuilt(katas, builder.TestDll, null)
            : target == "katas" && (build.ErrorsByKata.Count > 0 || refused.Count > 0) ? RunAroundBrokenKatas(katas, build, refused) : FromBrokenBuild(katas, build);
        return WithWarnings(results, build);
    }

    /// <summary>Each kata's result with the compiler's warnings in its files, so the learner sees them next to the tests.</summary>
    public static IReadOnlyDictionary<string, KataResult> WithWarnings(IReadOnlyDictionary<string, KataResult> results, BuildResult build) =>
        build.WarningsByKata.Count == 0 ? results
            : results.ToDictionary(p => p.Key, p => build.WarningsByKata.TryGetValue(p.Key, out var w) ? p.Value with { Warnings = w } : p.Value);

    /// <summary>Builds a copy with the broken or refused katas set back to their stubs and runs every other kata there.</summary>
    private IReadOnlyDictionary<string, KataResult> RunAroundBrokenKatas(IReadOnlyList<KataInfo> katas, BuildResult build, IReadOnlyDictionary<string, IReadOnlyList<RefusedUse>> refused)
    {
        bool Excluded(KataInfo k) => build.ErrorsByKata.ContainsKey(k.Number) || refused.ContainsKey(k.Number);
        var broken = repo.Katas.Where(Excluded).ToList();
        var others = katas.Where(k => !Excluded(k)).ToList();
        var results = new Dictionary<string, KataResult>();
        if (others.Count > 0)
        {
            Progress?.Invoke($"{string.Join(", ", broken.Select(k => k.Number))} {(refused.Count > 0 ? "is refused or does not build" : "does not build")}; building the other katas without it");
            Repository shadow;
            try
            {
                shadow = ShadowWorkspace.Create(repo, broken);
            }
            catch (RunnerException)
            {
                return Refuse(FromBrokenBuild(katas, build), refused); // the stubs cannot be found: report what we know
            }
            var shadowBuilder = new Builder(shadow, target, Grading);
            if (!shadowBuilder.BuildTests().Succeeded) return Refuse(FromBrokenBuild(katas, build), refused);
            // Grading also runs the excluded katas' stubs, only to list their tests: the reports keep every kata's real test count.
            results = RunBuilt(Grading ? katas : others, shadowBuilder.TestDll, null).ToDictionary();
        }
        var listed = results.ToDictionary();
        foreach (var kata in katas.Where(k => build.ErrorsByKata.ContainsKey(k.Number)))
            results[kata.Number] = Listing(KataResult.Failed(kata.Number, KataState.DoesNotBuild, string.Join('\n', build.ErrorsByKata[kata.Number].Take(5))), listed);
        return Refuse(results, refused).ToDictionary(p => p.Key, p => refused.ContainsKey(p.Key) ? Listing(p.Value, listed) : p.Value);
    }

    /// <summary>A kata that was not run keeps its tests' names and count, each one NotRun with the kata's reason.</summary>
    private static KataResult Listing(KataResult failed, IReadOnlyDictionary<string, KataResult> listed)
    {
        if (!listed.TryGetValue(failed.Number, out var stubs) || stubs.Tests.Count == 0) return failed;
        string reason = failed.Detail.Split('\n')[0];
        var tests = stubs.Tests.Select(t => new TestOutcome(t.Name, t.FullName, TestOutcome.NotRun, $"not run: {reason}")).ToList();
        return failed with { Total = tests.Count, Tests = tests };
    }

    /// <summary>A refused kata scores 0 whatever else happened to it, and says where and why.</summary>
    private static IReadOnlyDictionary<string, KataResult> Refuse(IReadOnlyDictionary<string, KataResult> results, IReadOnlyDictionary<string, IReadOnlyList<RefusedUse>> refused)
    {
        var all = results.ToDictionary();
        foreach (var (kata, uses) in refused)
            if (all.ContainsKey(kata))
                all[kata] = KataResult.Failed(kata, KataState.Refused, SafeCodeCheck.Describe(uses)) with { Refused = uses };
        return all;
    }

    /// <summary>Runs already-built tests, optionally against a fresher Katas.dll than the one beside them.</summary>
    public IReadOnlyDictionary<string, KataResult> RunBuilt(IReadOnlyList<KataInfo> katas, string testDll, string? katasDll)
    {
        var host = new WorkerHost(repo, testDll, katasDll)
        {
            TimeoutPerKata = TimeoutPerKata,
            TimeoutPerTest = TimeoutPerTest,
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
