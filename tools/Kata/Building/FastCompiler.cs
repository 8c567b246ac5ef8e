using System.Text.Json;

namespace Kata.Building;

/// <summary>
/// Recompiles katas/ for <c>watch</c> without MSBuild: the first build captures the exact compiler command line MSBuild
/// uses (ProvideCommandLineArgs), later saves hand it straight to the C# compiler server. Same options, same analyzers,
/// same errors as <c>dotnet build</c> — only without MSBuild's start-up, which is most of a small build's time.
/// <c>verify --mistakes</c> uses it the same way on solutions/ (<paramref name="target"/> "solutions"), once per mistake.
/// </summary>
public sealed class FastCompiler(Repository repo, string artifactsDir, string target = "katas")
{
    private List<string>? _args;
    private string? _csc;
    private HashSet<string> _sources = [];

    private bool Solutions => target == "solutions";
    private string SourceDir => Solutions ? repo.SolutionsDir : repo.KatasDir;
    private string Project => Solutions ? Path.Combine(repo.SolutionsDir, "Solutions.csproj") : repo.KatasProject;
    private string WatchDir => Path.Combine(repo.StateDir, Solutions ? "watch-solutions" : "watch");
    public string OutputDll => Path.Combine(WatchDir, "Katas.dll");
    private string RefDll => Path.Combine(WatchDir, "ref", "Katas.dll");

    /// <summary>True when a command line was captured and no .cs file was added or removed since.</summary>
    public bool Ready => _args != null && _csc != null && CurrentSources().SetEquals(_sources);

    /// <summary>The reference assembly the test build compiled against (obj/…/ref/Katas.dll), to compare APIs with.</summary>
    public string TestsRefDll => Path.Combine(artifactsDir, "obj", Path.GetFileNameWithoutExtension(Project), "debug", "ref", "Katas.dll");

    /// <summary>Builds katas/ (or solutions/) with MSBuild (its references are already built) and keeps the compiler's command line.</summary>
    public BuildResult CaptureWithMsBuild()
    {
        var (exit, output) = Run("msbuild", Project, "-nologo", "-v:q", "-t:Build", $"-p:ArtifactsPath={artifactsDir}", "-p:UseArtifactsOutput=true",
            "-p:Against=" + target, "-p:BuildProjectReferences=false", "-p:ProvideCommandLineArgs=true", "-getItem:CscCommandLineArgs",
            // An input that never exists makes CoreCompile run even when katas/ is up to date, so the command line is
            // captured when watch starts and the first save is already fast.
            "-p:NonExistentFile=__kata_watch_always_compiles__");
        _args = null;
        if (exit != 0) return Builder.Parse(output, succeeded: false);
        try
        {
            // The JSON starts on a line of its own; the compiler's warnings in katas/ may come before or after it.
            var json = System.Text.Encoding.UTF8.GetBytes(output[System.Text.RegularExpressions.Regex.Match(output, @"^\{", System.Text.RegularExpressions.RegexOptions.Multiline).Index..]);
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            var items = document.RootElement.GetProperty("Items").GetProperty("CscCommandLineArgs");
            var args = items.EnumerateArray().Select(i => i.GetProperty("Identity").GetString()!).ToList();
            string? roslyn = items.EnumerateArray().Select(i => i.GetProperty("DefiningProjectDirectory").GetString()).FirstOrDefault();
            string csc = roslyn == null ? "" : Path.Combine(roslyn, "bincore", "csc.dll");
            if (args.Count > 0 && File.Exists(csc))
            {
                _args = args;
                _csc = csc;
                _sources = args.Where(IsSource).Select(a => Path.GetFullPath(Path.Combine(SourceDir, a))).Where(InSources).ToHashSet();
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or ArgumentOutOfRangeException or InvalidOperationException)
        {
            // The build worked; watch just keeps using MSBuild.
        }
        return Builder.Parse(output, succeeded: true); // keeps the warnings in katas/
    }

    /// <summary>Compiles with the captured command line into .kata/watch/Katas.dll; <paramref name="sameApi"/> tells whether the tests can use it.</summary>
    public BuildResult Compile(string testsRefDll, out bool sameApi)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(RefDll)!);
        var args = _args!.Select(a => a.StartsWith("/out:", StringComparison.Ordinal) ? $"/out:{OutputDll}"
                                   : a.StartsWith("/refout:", StringComparison.Ordinal) ? $"/refout:{RefDll}" : a);
        string rsp = Path.Combine(WatchDir, "csc.rsp");
        File.WriteAllLines(rsp, args);
        var (exit, output) = Run("exec", _csc!, "-shared", "-nologo", "@" + rsp);
        sameApi = exit == 0 && File.Exists(testsRefDll) && File.ReadAllBytes(testsRefDll).AsSpan().SequenceEqual(File.ReadAllBytes(RefDll));
        return Builder.Parse(output, exit == 0);
    }

    private HashSet<string> CurrentSources() =>
        Directory.EnumerateFiles(SourceDir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Fingerprint.IsBuildOutput(repo.Relative(f))).Select(Path.GetFullPath).ToHashSet();

    private bool InSources(string path) => path.StartsWith(SourceDir + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>A source file, not an option: options start with '/' and carry a ':' or a sign (/noconfig, /out:…).</summary>
    private static bool IsSource(string arg) => arg.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && !(arg.StartsWith('/') && arg.Contains(':'));

    private (int Exit, string Output) Run(params string[] args) => ChildProcess.Run(ChildProcess.Dotnet(SourceDir, args));
}
