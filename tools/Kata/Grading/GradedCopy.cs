using System.Formats.Tar;

namespace Kata.Grading;

/// <summary>
/// The folder a reference grade runs in: the reference exactly as it was at the pinned commit, without its
/// <c>solutions/</c>, and with only the learner's kata sources (<c>katas/KNN_*/**/*.cs</c>) put in place of the stubs.
/// Nothing else of the submission is read: not core/, tests/, build files, the runner, the manifest or workflows.
/// </summary>
public sealed class GradedCopy : IDisposable
{
    private GradedCopy(string root, string commit, IReadOnlyList<string> copied)
    {
        Root = root;
        Commit = commit;
        CopiedFiles = copied;
    }

    public string Root { get; }
    /// <summary>The reference's commit, 40 hex digits.</summary>
    public string Commit { get; }
    /// <summary>The learner's files that were copied in, relative to the root.</summary>
    public IReadOnlyList<string> CopiedFiles { get; }
    public Repository Repository => new(Root);

    public static GradedCopy Create(ReferenceSource reference, Repository submission)
    {
        string root = Path.Combine(Path.GetTempPath(), "kata-graded-" + Guid.NewGuid().ToString("N")[..10]);
        string scratch = root + "-git";
        Directory.CreateDirectory(root);
        Directory.CreateDirectory(scratch);
        try
        {
            var (gitDir, commit) = reference.Resolve(scratch);
            Extract(gitDir, commit, root, scratch);
            // The answers must not be reachable from the graded build or from learner code at run time.
            DeleteFolder(Path.Combine(root, "solutions"));
            // A commit of the reference's own files, so the runner can restore a broken kata's shipped stubs from git.
            GitCommand.CommitAll(root, $"reference at {commit}");
            var copied = PutInKataSources(new Repository(root), submission);
            return new GradedCopy(root, commit, copied);
        }
        catch
        {
            DeleteFolder(root);
            throw;
        }
        finally
        {
            DeleteFolder(scratch);
        }
    }

    public void Dispose() => DeleteFolder(Root);

    /// <summary>The tree of the commit, as <c>git archive</c> writes it (no history, no other branches).</summary>
    private static void Extract(string gitDir, string commit, string target, string scratch)
    {
        string tar = Path.Combine(scratch, "reference.tar");
        GitCommand.Run(gitDir, "archive", "--format=tar", "-o", tar, commit);
        TarFile.ExtractToDirectory(tar, target, overwriteFiles: true);
    }

    /// <summary>
    /// For each of the reference's katas the learner has a folder for: the reference's .cs files there go and the
    /// learner's come in (new files included). A kata the learner has no folder for keeps its stubs (not started).
    /// </summary>
    private static List<string> PutInKataSources(Repository graded, Repository submission)
    {
        var copied = new List<string>();
        foreach (var kata in graded.Katas)
        {
            string theirs = Path.Combine(submission.KatasDir, kata.FolderName);
            if (!Directory.Exists(theirs) || (File.GetAttributes(theirs) & FileAttributes.ReparsePoint) != 0) continue;
            foreach (string stub in SourceFiles(kata.Directory)) File.Delete(stub);
            foreach (string file in SourceFiles(theirs))
            {
                string relative = Path.GetRelativePath(submission.Root, file);
                string target = Path.Combine(graded.Root, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
                copied.Add(relative.Replace('\\', '/'));
            }
        }
        return copied;
    }

    /// <summary>The .cs files under a kata folder, without build output and without links (which could point anywhere).</summary>
    private static IEnumerable<string> SourceFiles(string dir) =>
        Directory.EnumerateFiles(dir, "*.cs", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Where(f => !Fingerprint.IsBuildOutput(Path.GetRelativePath(dir, f).Replace('\\', '/')))
            .ToList();

    private static void DeleteFolder(string dir)
    {
        if (!Directory.Exists(dir)) return;
        try
        {
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)) File.SetAttributes(file, FileAttributes.Normal);
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
