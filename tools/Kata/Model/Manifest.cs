using System.Security.Cryptography;
using System.Text;

namespace Kata.Model;

/// <summary>
/// <c>tests/manifest.txt</c>: the hashes of the files the instructor ships and a learner must not change (the tests and
/// the build files that decide how they compile), and of the kata stubs. <c>grade</c> refuses to grade when a guarded
/// file differs; <c>verify</c> checks the manifest is current; <c>reset</c> restores stubs by their git blob id.
/// Hashes are of the text with CRLF turned into LF, so a Windows checkout matches.
/// </summary>
public static class Manifest
{
    private static readonly string[] RootBuildFiles =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Build.rsp", "Directory.Packages.props", "global.json", "NuGet.config", "nuget.config"];

    /// <summary>The manifest the working tree would have now.</summary>
    public static IReadOnlyList<ManifestEntry> Compute(Repository repo)
    {
        var entries = GuardedFiles(repo).Select(f => Entry(repo, ManifestEntry.Test, f)).ToList();
        foreach (var kata in repo.Katas)
            entries.AddRange(Directory.EnumerateFiles(kata.Directory, "*", SearchOption.AllDirectories)
                .Where(f => !Fingerprint.IsBuildOutput(repo.Relative(f)))
                .Select(f => Entry(repo, ManifestEntry.Stub, f)));
        return entries.OrderBy(e => e.Kind, StringComparer.Ordinal).ThenBy(e => e.Path, StringComparer.Ordinal).ToList();
    }

    public static void Write(Repository repo, string? path = null)
    {
        var lines = new List<string>
        {
            "# Files the instructor ships. \"test\": grade refuses to grade when one differs; \"stub\": reset restores it.",
            "# Columns: kind sha256 git-blob path. Regenerate with: ./kata verify --update-manifest",
        };
        lines.AddRange(Compute(repo).Select(e => e.ToString()));
        File.WriteAllText(path ?? repo.ManifestPath, string.Join('\n', lines) + "\n");
    }

    public static IReadOnlyList<ManifestEntry> Read(string path)
    {
        if (!File.Exists(path)) throw new RunnerException($"The manifest {path} is missing. Maintainers create it with ./kata verify --update-manifest.");
        return File.ReadLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 4))
            .Where(p => p.Length == 4)
            .Select(p => new ManifestEntry(p[0], p[1], p[2], p[3]))
            .ToList();
    }

    /// <summary>How the working tree's files of one kind differ from the manifest: "changed: …", "missing: …", "added: …".</summary>
    public static IReadOnlyList<string> Differences(Repository repo, string kind, string? manifestPath = null)
    {
        var shipped = Read(manifestPath ?? repo.ManifestPath).Where(e => e.Kind == kind).ToDictionary(e => e.Path);
        var now = Compute(repo).Where(e => e.Kind == kind).ToDictionary(e => e.Path);
        var differences = new List<string>();
        foreach (var (path, entry) in shipped)
            if (!now.TryGetValue(path, out var current)) differences.Add($"missing: {path}");
            else if (current.Sha256 != entry.Sha256) differences.Add($"changed: {path}");
        differences.AddRange(now.Keys.Where(p => !shipped.ContainsKey(p)).Select(p => $"added: {p}"));
        return differences.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The files that decide what the tests check: everything in tests/Katas.Tests, the root build files, the katas
    /// project file and any MSBuild file a learner could slip into katas/.
    /// </summary>
    public static IEnumerable<string> GuardedFiles(Repository repo)
    {
        var files = new List<string>();
        if (Directory.Exists(repo.TestsDir))
            files.AddRange(Directory.EnumerateFiles(repo.TestsDir, "*", SearchOption.AllDirectories).Where(f => !Fingerprint.IsBuildOutput(repo.Relative(f))));
        files.AddRange(RootBuildFiles.Select(f => Path.Combine(repo.Root, f)).Where(File.Exists));
        if (Directory.Exists(repo.KatasDir))
            files.AddRange(Directory.EnumerateFiles(repo.KatasDir, "*", SearchOption.AllDirectories)
                .Where(f => !Fingerprint.IsBuildOutput(repo.Relative(f)))
                .Where(f => Path.GetExtension(f) is ".csproj" or ".props" or ".targets" or ".rsp" || Path.GetFileName(f).StartsWith("Directory.", StringComparison.Ordinal)
                            || Path.GetFileName(f) == "BannedSymbols.txt")); // the safe-C# rules grading applies
        return files.Distinct();
    }

    /// <summary>The text as hashed: CRLF → LF, so checkouts on any platform agree.</summary>
    public static byte[] Normalized(string file)
    {
        byte[] bytes = File.ReadAllBytes(file);
        var normalized = new List<byte>(bytes.Length);
        for (int i = 0; i < bytes.Length; i++)
            if (!(bytes[i] == (byte)'\r' && i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n')) normalized.Add(bytes[i]);
        return [.. normalized];
    }

    /// <summary>Git's object id for these bytes ("blob &lt;length&gt;\0" + bytes, SHA-1), so <c>git cat-file blob</c> can restore them.</summary>
    public static string GitBlobId(byte[] content)
    {
        byte[] header = Encoding.ASCII.GetBytes($"blob {content.Length}\0");
#pragma warning disable CA5350 // SHA-1 is what git names objects with; tamper checks use the SHA-256 column.
        return Convert.ToHexStringLower(SHA1.HashData([.. header, .. content]));
#pragma warning restore CA5350
    }

    private static ManifestEntry Entry(Repository repo, string kind, string file)
    {
        byte[] content = Normalized(file);
        return new ManifestEntry(kind, Convert.ToHexStringLower(SHA256.HashData(content)), GitBlobId(content), repo.Relative(file));
    }
}
