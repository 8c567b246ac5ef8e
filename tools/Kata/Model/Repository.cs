using System.Text.RegularExpressions;

namespace Kata.Model;

/// <summary>
/// The repository the runner works on: its root, its katas (discovered from the folders
/// <c>katas/KNN_*</c>, so new katas appear without touching the runner) and its well-known paths.
/// </summary>
public sealed partial class Repository
{
    public Repository(string root)
    {
        Root = Path.GetFullPath(root);
        Katas = DiscoverKatas();
    }

    public string Root { get; }
    public IReadOnlyList<KataInfo> Katas { get; }

    public string KatasDir => Path.Combine(Root, "katas");
    public string SolutionsDir => Path.Combine(Root, "solutions");
    public string TestsDir => Path.Combine(Root, "tests", "Katas.Tests");
    public string TestProject => Path.Combine(TestsDir, "Katas.Tests.csproj");
    public string KatasProject => Path.Combine(KatasDir, "Katas.csproj");
    public string ManifestPath => Path.Combine(Root, "tests", "manifest.txt");
    /// <summary>The runner's own state (cache, builds, backups); git-ignored.</summary>
    public string StateDir => Path.Combine(Root, ".kata");

    /// <summary>Walks up from <paramref name="start"/> to the folder that holds <c>katas/</c> and <c>tests/Katas.Tests/</c>.</summary>
    public static Repository Find(string? start = null)
    {
        string? explicitRoot = Environment.GetEnvironmentVariable("KATA_ROOT");
        if (!string.IsNullOrEmpty(explicitRoot)) return new Repository(explicitRoot);
        for (var dir = new DirectoryInfo(start ?? Directory.GetCurrentDirectory()); dir != null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "katas")) && Directory.Exists(Path.Combine(dir.FullName, "tests", "Katas.Tests")))
                return new Repository(dir.FullName);
        throw new RunnerException("This is not a Foundations Katas repository: no folder above here holds katas/ and tests/Katas.Tests/. Run the repository's own ./kata (from any folder: path/to/repo/kata).");
    }

    /// <summary>Finds a kata by "K01", "k1", "1" or "01".</summary>
    public KataInfo Get(string number)
    {
        var match = NumberPattern().Match(number.Trim());
        if (match.Success)
        {
            string wanted = $"K{int.Parse(match.Groups[1].Value):00}";
            var kata = Katas.FirstOrDefault(k => k.Number == wanted);
            if (kata != null) return kata;
        }
        throw new RunnerException($"There is no kata '{number}'. The katas are: {string.Join(", ", Katas.Select(k => k.Number))}.");
    }

    /// <summary>A path relative to the root with forward slashes, for messages and manifests.</summary>
    public string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private List<KataInfo> DiscoverKatas()
    {
        if (!Directory.Exists(KatasDir)) return [];
        return Directory.GetDirectories(KatasDir)
            .Select(dir => (dir, match: FolderPattern().Match(Path.GetFileName(dir))))
            .Where(x => x.match.Success)
            .Select(x => new KataInfo(x.match.Groups[1].Value, Path.GetFileName(x.dir), KataReadme.ReadTitle(Path.Combine(x.dir, "README.md")), x.dir))
            .OrderBy(k => k.Number, StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex(@"^(K\d\d)_\w+$")]
    private static partial Regex FolderPattern();

    [GeneratedRegex(@"^[Kk]?(\d{1,2})$")]
    private static partial Regex NumberPattern();
}
