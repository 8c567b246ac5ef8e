using Spectre.Console;

namespace Kata.Commands;

/// <summary>
/// <c>./kata reset KNN</c>: puts the kata's stubs back. First the learner's folder is copied whole to
/// <c>.kata/backup/&lt;timestamp&gt;/</c>; nothing is deleted before every stub has been found.
/// </summary>
public static class ResetCommand
{
    public static int Run(Repository repo, IAnsiConsole console, string number)
    {
        var kata = repo.Get(number);
        var stubs = ShippedStubs.Of(repo, kata);
        string backup = Backup(repo, kata);
        foreach (string file in Directory.EnumerateFiles(kata.Directory, "*", SearchOption.AllDirectories).ToList())
            File.Delete(file);
        foreach (var (path, content) in stubs)
        {
            string target = Path.Combine(repo.Root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, content);
        }
        console.MarkupLine($"[green]{kata.Number} is back to its stubs.[/] Your files are kept in [bold]{Ui.Escape(repo.Relative(backup))}[/].");
        return 0;
    }

    /// <summary>Copies the kata folder to .kata/backup/&lt;UTC timestamp&gt;/KNN_Name and returns that folder.</summary>
    public static string Backup(Repository repo, KataInfo kata)
    {
        string stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff", System.Globalization.CultureInfo.InvariantCulture);
        string target = Path.Combine(repo.StateDir, "backup", stamp, kata.FolderName);
        foreach (string file in Directory.EnumerateFiles(kata.Directory, "*", SearchOption.AllDirectories))
        {
            string copy = Path.Combine(target, Path.GetRelativePath(kata.Directory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        Directory.CreateDirectory(target);
        return target;
    }
}
