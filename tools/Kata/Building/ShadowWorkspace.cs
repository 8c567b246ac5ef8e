namespace Kata.Building;

/// <summary>
/// A copy of the repository under <c>.kata/shadow/</c> in which the katas that do not compile are replaced by their
/// shipped stubs, so one kata's syntax error does not hide every other kata's results.
/// </summary>
public static class ShadowWorkspace
{
    private static readonly string[] Folders = ["core", "katas", "solutions", Path.Combine("tests", "Katas.Tests")];

    /// <summary>
    /// Creates (or refreshes) the copy and returns it as a repository; the learner's files are only read.
    /// <c>verify --mistakes</c> makes its scratch copy the same way, under another <paramref name="name"/>.
    /// </summary>
    public static Repository Create(Repository repo, IEnumerable<KataInfo> brokenKatas, string name = "shadow")
    {
        string root = Path.Combine(repo.StateDir, name);
        foreach (string folder in Folders)
        {
            string target = Path.Combine(root, folder);
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            string source = Path.Combine(repo.Root, folder);
            if (!Directory.Exists(source)) continue;
            foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(f => !Fingerprint.IsBuildOutput(repo.Relative(f))))
                CopyTo(file, Path.Combine(root, repo.Relative(file)));
        }
        foreach (string file in Directory.EnumerateFiles(repo.Root).Where(f => Path.GetFileName(f).StartsWith("Directory.", StringComparison.Ordinal)
                     || Path.GetFileName(f) is "global.json" or "NuGet.config" or "nuget.config"))
            CopyTo(file, Path.Combine(root, Path.GetFileName(file)));
        foreach (var kata in brokenKatas)
        {
            var stubs = ShippedStubs.Of(repo, kata);
            Directory.Delete(Path.Combine(root, "katas", kata.FolderName), recursive: true);
            foreach (var (path, content) in stubs)
            {
                string target = Path.Combine(root, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, content);
            }
        }
        return new Repository(root);
    }

    private static void CopyTo(string file, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file, target, overwrite: true);
    }
}
