using System.Security.Cryptography;
using System.Text;

namespace Kata;

/// <summary>A hash of the sources that decide the test results, so a cached status is reused only while they are unchanged.</summary>
public static class Fingerprint
{
    public static string Of(Repository repo, string target)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(target + "\n"));
        foreach (string file in SourceFiles(repo))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(repo.Relative(file) + "\n"));
            sha.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>True for bin/ and obj/ folders and other things a build writes.</summary>
    public static bool IsBuildOutput(string relativePath) =>
        relativePath.Split('/').Any(part => part is "bin" or "obj" or ".vs" or "TestResults");

    private static IEnumerable<string> SourceFiles(Repository repo)
    {
        string[] folders = [repo.KatasDir, repo.TestsDir, Path.Combine(repo.Root, "core")];
        string[] rootFiles = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json"];
        return folders.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Concat(rootFiles.Select(f => Path.Combine(repo.Root, f)).Where(File.Exists))
            .Where(f => !IsBuildOutput(repo.Relative(f)))
            .OrderBy(f => repo.Relative(f), StringComparer.Ordinal);
    }
}
