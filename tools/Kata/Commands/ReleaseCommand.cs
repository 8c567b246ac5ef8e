using Kata.Grading;
using Spectre.Console;

namespace Kata.Commands;

/// <summary>
/// <c>./kata release &lt;dir&gt;</c> (instructors): writes the learner's starting repository — see <see cref="Release"/> —
/// checks that it builds and that no kata test passes against its stubs, and commits it (one commit), ready to push
/// as the assignment's template repository.
/// </summary>
public static class ReleaseCommand
{
    public static int Run(Repository reference, IAnsiConsole console, string dir, int timeoutSeconds = 300)
    {
        if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
            throw new RunnerException($"{dir} is not empty; release writes a new repository into an empty or new folder.");
        if (Path.GetFullPath(dir).StartsWith(reference.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new RunnerException($"{dir} is inside the reference repository; release into a folder outside it.");
        Directory.CreateDirectory(dir);
        int files = Release.Write(reference, dir);
        var release = new Repository(dir);
        console.MarkupLine($"[grey]Wrote {files} files to {Ui.Escape(dir)}; checking that it builds and that its katas are stubs…[/]");
        var problems = StubCheck.Problems(release, TimeSpan.FromSeconds(timeoutSeconds), text => console.MarkupLine($"[grey]{Ui.Escape(text)}…[/]"));
        if (problems.Count > 0)
        {
            console.MarkupLine("[red bold]Not released:[/] the learner would start from something other than stubs:");
            foreach (string problem in problems) console.MarkupLine($"  [red]{Ui.Escape(problem)}[/]");
            return GradeCommand.Refused;
        }
        string commit = GitCommand.CommitAll(dir, "Foundations Katas: the starting repository");
        console.MarkupLine($"[green]Released[/] {release.Katas.Count} katas to {Ui.Escape(dir)} (commit {commit[..12]}): no solutions/, no hidden tests.");
        console.MarkupLine("[grey]Push it as the assignment's template repository; grade with the reference pinned: KATAS_REFERENCE=owner/repo@<commit> (README, Instructors).[/]");
        return 0;
    }
}
