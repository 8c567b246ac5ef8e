using Kata.Grading;

namespace Kata.Mistakes;

/// <summary>
/// Applies each catalogued mistake to a scratch copy of the repository (<c>.kata/mistakes/</c>; the working tree is
/// only read) and runs its kata's visible tests on it. The tests are built once against solutions/; each mistake then
/// recompiles only solutions/ through the compiler server (<see cref="FastCompiler"/>) and runs in one warm worker
/// (<see cref="WarmWorker"/>), so a mistake costs a compile and its kata's tests, not a <c>dotnet test</c>.
/// </summary>
public sealed class MistakeRun(Repository repo)
{
    /// <summary>How long one mistake's tests may take in all.</summary>
    public TimeSpan TimeoutPerKata { get; init; } = TimeSpan.FromSeconds(300);
    /// <summary>How long one test may run before it counts as hung (a mistake may well loop forever).</summary>
    public TimeSpan TimeoutPerTest { get; init; } = TimeSpan.FromSeconds(60);
    public Action<string>? Progress { get; init; }

    public IReadOnlyList<MistakeVerdict> Run(IReadOnlyList<MistakePatch> mistakes, Action<MistakeVerdict>? onVerdict = null)
    {
        if (mistakes.Count == 0) return [];
        Progress?.Invoke("Copying the repository to .kata/mistakes");
        var scratch = ShadowWorkspace.Create(repo, [], "mistakes");
        var builder = new Builder(scratch, "solutions");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Progress?.Invoke("Building the tests against solutions/ (once)");
        var build = builder.BuildTests();
        if (!build.Succeeded) throw new RunnerException("The tests do not build against solutions/, so no mistake can be checked:\n" + build.Summary, 1);
        var compiler = new FastCompiler(scratch, builder.ArtifactsDir, "solutions");
        var captured = compiler.CaptureWithMsBuild();
        if (!captured.Succeeded || !compiler.Ready)
            throw new RunnerException("Could not capture the compiler's command line for solutions/ (msbuild -getItem:CscCommandLineArgs):\n" + captured.Summary, 1);
        Progress?.Invoke($"Built in {clock.Elapsed.TotalSeconds:0} s; each mistake now recompiles solutions/ only and runs in one warm worker");
        using var worker = new WarmWorker(scratch, builder.TestDll) { TimeoutPerTest = TimeoutPerTest };
        var verdicts = new List<MistakeVerdict>();
        foreach (var mistake in mistakes)
        {
            Progress?.Invoke($"{mistake.Label}: {mistake.Title}");
            var started = System.Diagnostics.Stopwatch.StartNew();
            var verdict = Check(scratch, compiler, worker, mistake) with { Elapsed = started.Elapsed };
            verdicts.Add(verdict);
            onVerdict?.Invoke(verdict);
        }
        return verdicts;
    }

    private MistakeVerdict Check(Repository scratch, FastCompiler compiler, WarmWorker worker, MistakePatch mistake)
    {
        string patch = Path.Combine(repo.Root, mistake.File);
        var (applies, why) = GitApply(scratch, "--check", patch);
        if (!applies) return Verdict(mistake, MistakeOutcome.DoesNotApply, why);
        try
        {
            (applies, why) = GitApply(scratch, patch);
            if (!applies) return Verdict(mistake, MistakeOutcome.DoesNotApply, why);
            var compiled = compiler.Compile(compiler.TestsRefDll, out bool sameApi);
            if (!compiled.Succeeded)
                return Verdict(mistake, MistakeOutcome.DoesNotCompile, compiled.ErrorsByKata.SelectMany(e => e.Value).FirstOrDefault() ?? compiled.Summary);
            var kata = scratch.Get(mistake.Kata);
            var result = worker.Run(kata, compiler.OutputDll, TimeoutPerKata, visibleOnly: true);
            // The reference assembly's bytes can differ without any signature changing (a private field, a lambda
            // more or less), so the tests run anyway; a signature the tests use shows up as a binding failure.
            if (!sameApi && result.Tests.Any(t => BindingFailures.Any(t.Message.Contains)))
                return Verdict(mistake, MistakeOutcome.ChangesApi, result.Tests.First(t => BindingFailures.Any(t.Message.Contains)).Message);
            return Judge(mistake, result);
        }
        finally
        {
            // Back to the solution: the next mistake starts from it.
            foreach (string path in mistake.Paths)
                File.Copy(Path.Combine(repo.Root, path), Path.Combine(scratch.Root, path), overwrite: true);
        }
    }

    private static readonly string[] BindingFailures = ["MissingMethodException", "MissingFieldException", "TypeLoadException"];

    /// <summary>Caught when a visible test failed with a message; otherwise escaped, or lost only to crashes and time-outs.</summary>
    public static MistakeVerdict Judge(MistakePatch mistake, KataResult result)
    {
        var visible = result.Tests.Where(t => !HiddenTests.IsHidden(t)).ToList();
        var fails = visible.Where(t => !t.Passed).Select(t => t.FullName).Order(StringComparer.Ordinal).ToList();
        var readable = visible.Where(t => t.Result == "Failed" && t.Message.Trim().Length > 0).ToList();
        if (readable.Count > 0) return new MistakeVerdict(mistake, MistakeOutcome.Caught, fails, readable.Count, readable[0], "");
        if (visible.Count > 0 && fails.Count == 0) return new MistakeVerdict(mistake, MistakeOutcome.Escaped, fails, 0, null, $"all {visible.Count} visible tests pass");
        var lost = visible.Where(t => !t.Passed).ToList();
        string detail = lost.Count > 0
            ? string.Join("; ", lost.Take(3).Select(t => $"{t.Name} {t.Result}")) + (lost.Count > 3 ? $" and {lost.Count - 3} more" : "")
            : $"the kata's tests did not run ({Ui.StateText(result.State)}: {result.Detail.Split('\n')[0]})";
        return new MistakeVerdict(mistake, MistakeOutcome.OnlyCrashes, fails, 0, lost.FirstOrDefault(), detail);
    }

    private static MistakeVerdict Verdict(MistakePatch mistake, MistakeOutcome outcome, string detail) =>
        new(mistake, outcome, [], 0, null, detail.Trim().Split('\n')[0]);

    /// <summary>
    /// git apply in the scratch copy. The copy sits inside the working tree's .kata/, so git must not find the
    /// repository above it (it would apply relative to that repository's root): the ceiling stops it.
    /// </summary>
    private static (bool Ok, string Output) GitApply(Repository scratch, params string[] args)
    {
        var info = ChildProcess.Info("git", scratch.Root, ["apply", "--whitespace=nowarn", .. args], environment:
        [
            new("GIT_CEILING_DIRECTORIES", Path.GetDirectoryName(scratch.Root)), new("GIT_DIR", null), new("GIT_WORK_TREE", null),
        ]);
        try
        {
            var (exit, output) = ChildProcess.Run(info, "git apply");
            return (exit == 0, output);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new RunnerException("verify --mistakes needs git (git apply) on the PATH", 1);
        }
    }
}
