using System.Text.RegularExpressions;

namespace Kata.Grading;

/// <summary>
/// The learner's starting repository, made from the instructor's reference: every file git tracks (or would track)
/// except what only instructors have — <c>solutions/</c>, the hidden tests, the runner's own tests (which need the
/// solutions) and CI's script (which tests against the solutions). Katas.sln loses those projects, every Markdown file
/// its instructor-only blocks, and tests/manifest.txt is recorded afresh for what is shipped.
/// </summary>
public static partial class Release
{
    /// <summary>Paths (relative, with '/') that never go into a release, as prefixes.</summary>
    public static readonly string[] InstructorOnly =
        ["solutions/", HiddenTests.RelativeFolder + "/", "tests/Runner.Tests/", ".ci/", "tests/manifest.txt"];

    /// <summary>
    /// Also any mistake-catalog patch wherever it sits (they live under solutions/, and are solutions with a bug in
    /// them); their recorded signatures (tests/mistakes.json) do ship, for the runner to recognise a mistake.
    /// </summary>
    public static bool IsInstructorOnly(string relative) =>
        InstructorOnly.Any(prefix => relative.StartsWith(prefix, StringComparison.Ordinal) || relative + "/" == prefix)
        || (relative.EndsWith(".patch", StringComparison.Ordinal) && relative.Contains("/" + Mistakes.MistakeCatalog.Folder + "/", StringComparison.Ordinal));

    /// <summary>Copies the release's files into <paramref name="target"/> and returns how many.</summary>
    public static int Write(Repository reference, string target)
    {
        int count = 0;
        foreach (string relative in ShippedFiles(reference).Where(f => !IsInstructorOnly(f)))
        {
            string source = Path.Combine(reference.Root, relative), destination = Path.Combine(target, relative);
            if (!File.Exists(source)) continue; // deleted in the working tree but still in git's index
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            if (relative.EndsWith(".md", StringComparison.Ordinal)) File.WriteAllText(destination, ReadmeMarkers.ForRelease(File.ReadAllText(source)));
            else if (relative.EndsWith(".sln", StringComparison.Ordinal)) File.WriteAllText(destination, WithoutInstructorProjects(File.ReadAllText(source)));
            else File.Copy(source, destination);
            count++;
        }
        Manifest.Write(new Repository(target));
        return count;
    }

    /// <summary>The files of the working tree git tracks or would track (not ignored); without git, every file but build output.</summary>
    public static IEnumerable<string> ShippedFiles(Repository repo)
    {
        if (GitCommand.TryRun(repo.Root, out string listed, "ls-files", "-z", "--cached", "--others", "--exclude-standard"))
            return listed.Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct().Order(StringComparer.Ordinal);
        return Directory.EnumerateFiles(repo.Root, "*", SearchOption.AllDirectories)
            .Select(repo.Relative)
            .Where(f => !Fingerprint.IsBuildOutput(f) && !f.StartsWith(".git/", StringComparison.Ordinal) && !f.StartsWith(".kata/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Katas.sln without the projects (and solution folders) that live in instructor-only paths.</summary>
    public static string WithoutInstructorProjects(string sln)
    {
        string text = sln.Replace("\r\n", "\n");
        var removed = ProjectPattern().Matches(text)
            .Where(m => IsInstructorOnly(m.Groups["path"].Value.Replace('\\', '/') + "/") || IsInstructorOnly(m.Groups["path"].Value.Replace('\\', '/')))
            .ToList();
        foreach (var project in removed) text = text.Replace(project.Value, "");
        var guids = removed.Select(m => m.Groups["guid"].Value).ToList();
        var lines = text.Split('\n').Where(line => !guids.Any(g => line.Contains(g, StringComparison.OrdinalIgnoreCase)));
        return string.Join('\n', lines);
    }

    [GeneratedRegex("""Project\("\{[^}]+\}"\) = "[^"]*", "(?<path>[^"]*)", "(?<guid>\{[^}]+\})"\n(?:.*\n)*?EndProject\n""")]
    private static partial Regex ProjectPattern();
}
