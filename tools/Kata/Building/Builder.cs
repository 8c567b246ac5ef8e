using System.Text.RegularExpressions;

namespace Kata.Building;

/// <summary>
/// Builds the tests (and the katas or solutions they compile against) with <c>dotnet build</c> into the runner's own
/// folder <c>.kata/build/&lt;target&gt;</c>, so the runner never fights an IDE over bin/ and the two targets never
/// overwrite each other. Compiler errors are attributed to the kata whose folder they are in.
/// </summary>
public sealed partial class Builder(Repository repo, string target = "katas", bool grading = false)
{
    /// <summary>Grading builds (banned APIs are errors) keep their own folder, so the learner's loop never rebuilds for them.</summary>
    public string ArtifactsDir => Path.Combine(repo.StateDir, "build", grading ? target + "-graded" : target);
    /// <summary>The compiler's SARIF log of the katas project in a grading build, suppressed diagnostics included.</summary>
    public string DiagnosticsLog => Path.Combine(ArtifactsDir, "kata-diagnostics.sarif");
    public string TestDll => Path.Combine(ArtifactsDir, "bin", "Katas.Tests", "debug", "Katas.Tests.dll");
    public string KatasDll => Path.Combine(ArtifactsDir, "bin", "Katas", "debug", "Katas.dll");
    /// <summary>The reference assembly of katas/ the tests were compiled against: same bytes, same API.</summary>
    private string KatasTestsRefDll => Path.Combine(ArtifactsDir, "obj", "Katas", "debug", "ref", "Katas.dll");

    /// <summary>Builds the test project and everything it references.</summary>
    public BuildResult BuildTests() => Run(repo.TestProject, restore: !File.Exists(TestDll), dependencies: true);

    /// <summary>
    /// The quick rebuild for <c>watch</c>: when only kata bodies changed, only katas/ is recompiled (straight through the
    /// compiler server once MSBuild's command line is known) and the tests run against that Katas.dll; when a signature
    /// or a test changed, the whole test build runs. Returns the Katas.dll the worker should load instead of the copy
    /// beside the tests, or null when the full build ran.
    /// </summary>
    public (BuildResult Result, string? KatasOverride) BuildForWatch()
    {
        _fast ??= new FastCompiler(repo, ArtifactsDir);
        if (!File.Exists(TestDll) || TestsNewerThan(File.GetLastWriteTimeUtc(TestDll))) return (BuildTests(), null);
        if (_fast.Ready)
        {
            var compiled = _fast.Compile(KatasTestsRefDll, out bool sameApi);
            if (!compiled.Succeeded || sameApi) return (compiled, compiled.Succeeded ? _fast.OutputDll : null);
            return (BuildTests(), null);
        }
        var refBefore = File.Exists(KatasTestsRefDll) ? File.GetLastWriteTimeUtc(KatasTestsRefDll) : DateTime.MinValue;
        var katas = _fast.CaptureWithMsBuild();
        if (!katas.Succeeded) return (katas.ErrorsByKata.Count > 0 ? katas : Run(repo.KatasProject, restore: false, dependencies: false), null);
        bool signaturesChanged = !File.Exists(KatasTestsRefDll) || File.GetLastWriteTimeUtc(KatasTestsRefDll) != refBefore;
        return signaturesChanged ? (BuildTests(), null) : (katas, KatasDll);
    }

    /// <summary>
    /// The build <c>watch</c> does when it starts: as <see cref="BuildForWatch"/>, and when that had to run the whole
    /// test build it also captures the compiler's command line, so the first save already takes the quick path.
    /// </summary>
    public (BuildResult Result, string? KatasOverride) WarmUpForWatch()
    {
        var (result, katasOverride) = BuildForWatch();
        if (!result.Succeeded) return (result, katasOverride);
        if (katasOverride == null)
        {
            // The whole test build ran, so the Katas.dll beside the tests is current: the warm worker starts with it.
            if (!_fast!.Ready)
            {
                var refBefore = File.GetLastWriteTimeUtc(KatasTestsRefDll);
                var katas = _fast.CaptureWithMsBuild();
                // Same sources, so the same API: the tests just built can run against this Katas.dll in the warm worker.
                if (!katas.Succeeded || File.GetLastWriteTimeUtc(KatasTestsRefDll) != refBefore) return (result, null);
            }
            katasOverride = KatasDll;
        }
        // One quick compile now, thrown away: the first one starts the compiler client and reaches the compiler server
        // (seconds), so doing it here keeps that cost out of the learner's first save.
        if (_fast!.Ready) _fast.Compile(KatasTestsRefDll, out _);
        return (result, katasOverride);
    }

    private FastCompiler? _fast;

    private bool TestsNewerThan(DateTime built) =>
        Directory.EnumerateFiles(repo.TestsDir, "*", SearchOption.AllDirectories)
            .Where(f => !Fingerprint.IsBuildOutput(repo.Relative(f)))
            .Any(f => File.GetLastWriteTimeUtc(f) > built);

    private BuildResult Run(string project, bool restore, bool dependencies)
    {
        var args = new List<string> { "build", project, "--artifacts-path", ArtifactsDir, "-nologo", "-v:q", "-clp:NoSummary", "-p:Against=" + target };
        // A grading build makes banned APIs errors and keeps the compiler's log of every diagnostic.
        if (grading) args.AddRange(["-p:KataGrading=true", "-p:KataDiagnosticsLog=" + DiagnosticsLog]);
        if (!restore) args.Add("--no-restore");
        if (!dependencies) args.Add("--no-dependencies");
        var (exit, output) = ChildProcess.Run(ChildProcess.Dotnet(repo.Root, args), "dotnet build");
        var result = Parse(output, exit == 0);
        // A restore that is missing or stale shows up as an assets-file error: restore once and try again.
        if (!result.Succeeded && !restore && output.Contains("NETSDK1004", StringComparison.Ordinal))
            return Run(project, restore: true, dependencies);
        return result;
    }

    /// <summary>Groups MSBuild's "file(line,col): error CODE: text [project]" lines by the kata folder the file is in.</summary>
    public static BuildResult Parse(string output, bool succeeded)
    {
        var byKata = new Dictionary<string, List<string>>();
        var warnings = new Dictionary<string, List<string>>();
        var other = new List<string>();
        foreach (var line in output.Split('\n').Select(l => l.TrimEnd()).Distinct())
        {
            if (WarningPattern().Match(line) is { Success: true } warning
                && KataFolderPattern().Match(warning.Groups["file"].Value) is { Success: true } inKata
                && inKata.Groups["rel"].Value.StartsWith("katas", StringComparison.Ordinal))
            {
                string shown = $"{inKata.Groups["rel"].Value.Replace('\\', '/')}({warning.Groups["pos"].Value}): {warning.Groups["code"].Value}: {warning.Groups["text"].Value.Trim()}";
                if (!warnings.TryGetValue(inKata.Groups["kata"].Value, out var list)) warnings[inKata.Groups["kata"].Value] = list = [];
                if (!list.Contains(shown)) list.Add(shown);
                continue;
            }
            var error = ErrorPattern().Match(line);
            if (!error.Success) continue;
            string file = error.Groups["file"].Value, text = error.Groups["text"].Value.Trim();
            var kata = KataFolderPattern().Match(file);
            string where = kata.Success ? $"{kata.Groups["rel"].Value.Replace('\\', '/')}({error.Groups["pos"].Value})" : file;
            string entry = $"{where}: {error.Groups["code"].Value}: {text}";
            if (kata.Success)
            {
                if (!byKata.TryGetValue(kata.Groups["kata"].Value, out var list)) byKata[kata.Groups["kata"].Value] = list = [];
                if (!list.Contains(entry)) list.Add(entry);
            }
            else if (!other.Contains(entry)) other.Add(entry);
        }
        return new BuildResult(succeeded, byKata.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value), other, output)
        {
            WarningsByKata = warnings.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value),
        };
    }

    [GeneratedRegex(@"^\s*(?<file>[^(\n]+?)(?:\((?<pos>\d+,\d+)\))?\s*:\s*error\s+(?<code>[A-Z]+\d+)\s*:\s*(?<text>.*?)(?:\s+\[[^\]]+\])?$")]
    private static partial Regex ErrorPattern();

    [GeneratedRegex(@"^\s*(?<file>[^(\n]+?)\((?<pos>\d+,\d+)\)\s*:\s*warning\s+(?<code>[A-Z]+\d+)\s*:\s*(?<text>.*?)(?:\s+\[[^\]]+\])?$")]
    private static partial Regex WarningPattern();

    [GeneratedRegex(@"(?<rel>(?:katas|solutions|tests[/\\]Katas\.Tests)[/\\](?<kata>K\d\d)_\w+[/\\].*)$")]
    private static partial Regex KataFolderPattern();
}
