namespace Kata.Mistakes;

/// <summary>
/// Every kata's mistake catalog (<c>solutions/KNN_Name/mistakes/*.patch</c>), read and checked: a title and a
/// misconception, a hint number the kata README has, and a diff that edits only that kata's own solution files.
/// Whether a patch applies and compiles is <see cref="MistakeRun"/>'s to find out.
/// </summary>
public sealed class MistakeCatalog
{
    public const string Folder = "mistakes";

    public IReadOnlyList<MistakePatch> Mistakes { get; }
    /// <summary>Malformed entries, each naming its file and what is wrong.</summary>
    public IReadOnlyList<string> Problems { get; }
    /// <summary>The katas read, so a kata without mistakes yet is listed as 0.</summary>
    public IReadOnlyList<KataInfo> Katas { get; }

    private MistakeCatalog(IReadOnlyList<KataInfo> katas, IReadOnlyList<MistakePatch> mistakes, IReadOnlyList<string> problems) =>
        (Katas, Mistakes, Problems) = (katas, mistakes, problems);

    /// <summary>The catalogs of <paramref name="katas"/> (default: every kata) in this repository.</summary>
    public static MistakeCatalog Load(Repository repo, IReadOnlyList<KataInfo>? katas = null)
    {
        katas ??= repo.Katas;
        var mistakes = new List<MistakePatch>();
        var problems = new List<string>();
        foreach (var kata in katas)
        {
            string dir = Path.Combine(repo.SolutionsDir, kata.FolderName, Folder);
            if (!Directory.Exists(dir)) continue;
            var hints = KataReadme.ReadHints(Path.Combine(kata.Directory, "README.md"));
            foreach (string path in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
            {
                string file = repo.Relative(path);
                if (!path.EndsWith(".patch", StringComparison.Ordinal))
                {
                    if (Path.GetFileName(path) != "README.md") problems.Add($"{file}: only NN-slug.patch files belong in {Folder}/ (a README.md may explain them)");
                    continue;
                }
                var patch = MistakePatch.Parse(kata.Number, file, File.ReadAllText(path), out string? problem);
                if (patch == null) { problems.Add(problem!); continue; }
                var entryProblems = Check(kata, patch, hints).ToList();
                problems.AddRange(entryProblems);
                if (entryProblems.Count == 0) mistakes.Add(patch);
            }
        }
        return new MistakeCatalog(katas, mistakes, problems);
    }

    private static IEnumerable<string> Check(KataInfo kata, MistakePatch patch, IReadOnlyList<string> hints)
    {
        if (patch.Hint < 1 || patch.Hint > hints.Count)
            yield return $"{patch.File}: Hint: {patch.Hint}, but {kata.ReadmePath} has {(hints.Count == 0 ? "no numbered hint" : $"hints 1 to {hints.Count}")} under ## Hints";
        string own = $"solutions/{kata.FolderName}/";
        foreach (string path in patch.Paths.Where(p => !p.StartsWith(own, StringComparison.Ordinal) || p.Contains("/../", StringComparison.Ordinal)
                                                       || p.StartsWith(own + Folder + "/", StringComparison.Ordinal)))
            yield return $"{patch.File}: the diff touches {path}; a mistake of {kata.Number} may only edit {own} (its own solution files)";
        if (patch.ChangesFileSet)
            yield return $"{patch.File}: the diff creates, deletes or renames a file; a mistake edits existing solution files only";
    }
}
