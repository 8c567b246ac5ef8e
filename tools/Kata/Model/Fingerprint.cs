using System.Security.Cryptography;
using System.Text;

namespace Kata.Model;

/// <summary>Hashes of source files: the runner's one way to tell whether sources changed.</summary>
public static class Fingerprint
{
    /// <summary>The sources that decide the test results, so a cached status is reused only while they are unchanged.</summary>
    public static string Of(Repository repo, string target) => Hash(repo, target, SourceFiles(repo), skipUnreadable: false);

    /// <summary>Every .cs file under katas/, for <c>watch</c> to tell a real change from a repeated file event.</summary>
    public static string OfKataSources(Repository repo) =>
        Hash(repo, "katas", Directory.EnumerateFiles(repo.KatasDir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(repo.Relative(f))).OrderBy(f => repo.Relative(f), StringComparer.Ordinal), skipUnreadable: true);

    /// <summary>
    /// Each file's path and bytes after a header; a file that cannot be read (being written) is skipped when
    /// <paramref name="skipUnreadable"/>, because the save that is writing it will ask again.
    /// </summary>
    private static string Hash(Repository repo, string header, IEnumerable<string> files, bool skipUnreadable)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(header + "\n"));
        foreach (string file in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(repo.Relative(file) + "\n"));
            try { sha.AppendData(File.ReadAllBytes(file)); }
            catch (IOException) when (skipUnreadable) { }
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>True for bin/ and obj/ folders and other things a build writes.</summary>
    public static bool IsBuildOutput(string relativePath) =>
        relativePath.Split('/').Any(part => part is "bin" or "obj" or ".vs" or "TestResults");

    private static IEnumerable<string> SourceFiles(Repository repo)
    {
        string[] folders = [repo.KatasDir, repo.TestsDir, Path.Combine(repo.Root, "core")];
        // tests/mistakes.json: a new recording changes which mistake the status screen recognises.
        string[] rootFiles = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "tests/mistakes.json"];
        return folders.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Concat(rootFiles.Select(f => Path.Combine(repo.Root, f)).Where(File.Exists))
            .Where(f => !IsBuildOutput(repo.Relative(f)))
            .OrderBy(f => repo.Relative(f), StringComparer.Ordinal);
    }
}
