namespace Kata.Model;

/// <summary>The kata stubs exactly as the instructor shipped them, read from git (reset and grading use them).</summary>
public static class ShippedStubs
{
    /// <summary>
    /// The stubs as shipped: by git blob id from the manifest, or, without a manifest entry, as they were in the
    /// commit that added the kata folder.
    /// </summary>
    public static List<(string Path, byte[] Content)> Of(Repository repo, KataInfo kata)
    {
        string prefix = $"katas/{kata.FolderName}/";
        var entries = File.Exists(repo.ManifestPath)
            ? Manifest.Read(repo.ManifestPath).Where(e => e.Kind == ManifestEntry.Stub && e.Path.StartsWith(prefix, StringComparison.Ordinal)).ToList()
            : [];
        if (entries.Count > 0)
            return entries.Select(e => (e.Path, Git(repo, "cat-file", "blob", e.GitBlob)
                ?? throw new RunnerException($"git does not have the shipped {e.Path} (blob {e.GitBlob[..10]}); nothing was changed."))).ToList();
        string? added = Text(Git(repo, "log", "--diff-filter=A", "--format=%H", "--reverse", "--", prefix))?.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (added == null) throw new RunnerException($"Cannot find the shipped stubs of {kata.Number}: no manifest entry and no git history for {prefix}. Nothing was changed.");
        var files = Text(Git(repo, "ls-tree", "-r", "--name-only", added, "--", prefix))!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return files.Select(f => (f, Git(repo, "show", $"{added}:{f}") ?? throw new RunnerException($"git cannot show {f} at {added}"))).ToList();
    }

    private static string? Text(byte[]? bytes) => bytes == null ? null : System.Text.Encoding.UTF8.GetString(bytes);

    private static byte[]? Git(Repository repo, params string[] args)
    {
        var info = ChildProcess.Info("git", repo.Root, args);
        try
        {
            using var process = ChildProcess.Start(info);
            using var memory = new MemoryStream();
            var errors = process.StandardError.ReadToEndAsync();
            process.StandardOutput.BaseStream.CopyTo(memory);
            process.WaitForExit();
            _ = errors.Result;
            return process.ExitCode == 0 ? memory.ToArray() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // git is not installed
        }
    }
}
