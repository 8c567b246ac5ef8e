using System.Diagnostics;
using Spectre.Console;

namespace Kata.Commands;

/// <summary>
/// <c>./kata watch</c>: re-tests the current kata whenever a file under katas/ is saved and prints the verdict with the
/// time it took from the save; when the kata is done it moves on to the next. Speed comes from building only katas/
/// when the tests need no recompiling and from running the tests in-process in a worker (no <c>dotnet test</c>).
/// </summary>
public static class WatchCommand
{
    public static int Run(Repository repo, IAnsiConsole console, string? number, CancellationToken cancel)
    {
        var kata = number != null ? repo.Get(number) : KataProgress.Measure(repo, console).Current;
        if (kata == null)
        {
            StatusCommand.WriteNext(repo, console, null);
            return 0;
        }
        using var saves = new SemaphoreSlim(0);
        long lastSave = 0;
        using var watcher = new FileSystemWatcher(repo.KatasDir) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
        FileSystemEventHandler onChange = (_, e) =>
        {
            if (!e.FullPath.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || Fingerprint.IsBuildOutput(repo.Relative(e.FullPath))) return;
            Interlocked.CompareExchange(ref lastSave, Stopwatch.GetTimestamp(), 0);
            saves.Release();
        };
        watcher.Changed += onChange;
        watcher.Created += onChange;
        watcher.Renamed += (s, e) => onChange(s, e);
        watcher.EnableRaisingEvents = true;

        var builder = new Builder(repo);
        using var warm = new WarmHolder();
        Announce(console, kata);
        string checkedSources = Fingerprint.OfKataSources(repo);
        Check(repo, console, builder, warm, ref kata, Stopwatch.GetTimestamp(), startup: true);
        while (kata != null && !cancel.IsCancellationRequested)
        {
            try { saves.Wait(cancel); } catch (OperationCanceledException) { break; }
            // Editors write a file in several steps: let them finish, then take every pending event as one save.
            Thread.Sleep(100);
            while (saves.Wait(0)) { }
            long savedAt = Interlocked.Exchange(ref lastSave, 0);
            // Late events of a save already checked (or a save that changed nothing) need no new verdict.
            string sources = Fingerprint.OfKataSources(repo);
            if (sources == checkedSources) continue;
            checkedSources = sources;
            Check(repo, console, builder, warm, ref kata, savedAt == 0 ? Stopwatch.GetTimestamp() : savedAt, startup: false);
        }
        return 0;
    }

    private static void Announce(IAnsiConsole console, KataInfo kata)
    {
        console.MarkupLine($"[bold]Watching katas/[/] — current kata: [bold]{Ui.Escape(kata.Label)}[/] ({Ui.Escape(kata.ReadmePath)}). Save a file to re-test; Ctrl+C to stop.");
    }

    /// <summary>The warm worker, replaced whenever a full build rewrote the tests it has loaded.</summary>
    private sealed class WarmHolder : IDisposable
    {
        public WarmWorker? Worker;
        public void Dispose() => Worker?.Dispose();
    }

    /// <summary>
    /// Builds and tests the current kata and prints the verdict with its time. The startup run also warms what every
    /// save needs (the compiler's command line, the compiler server, the worker with NUnit loaded), so the first save
    /// is as quick as the later ones; its time is labelled as start-up, not as a save.
    /// </summary>
    private static void Check(Repository repo, IAnsiConsole console, Builder builder, WarmHolder warm, ref KataInfo? kata, long savedAt, bool startup)
    {
        var current = kata!;
        var (build, katasOverride) = startup ? builder.WarmUpForWatch() : builder.BuildForWatch();
        double buildSeconds = Stopwatch.GetElapsedTime(savedAt).TotalSeconds;
        KataResult result;
        if (!build.Succeeded)
        {
            result = TestSession.FromBrokenBuildOrNull([current], build)?[current.Number]
                     ?? KataResult.Failed(current.Number, KataState.DoesNotBuild, build.Summary);
            if (result.State == KataState.Blocked)
                result = result with { Detail = "another kata does not compile:\n" + string.Join('\n', build.ErrorsByKata.SelectMany(p => p.Value).Take(5)) };
        }
        else if (katasOverride != null)
        {
            warm.Worker ??= new WarmWorker(repo, builder.TestDll);
            result = warm.Worker.Run(current, katasOverride, TimeSpan.FromSeconds(60));
        }
        else
        {
            // The tests were rebuilt: the warm worker holds the old ones.
            warm.Worker?.Dispose();
            warm.Worker = null;
            result = new TestSession(repo) { TimeoutPerKata = TimeSpan.FromSeconds(60) }.RunBuilt([current], builder.TestDll, null)[current.Number];
        }
        double seconds = Stopwatch.GetElapsedTime(savedAt).TotalSeconds;
        console.WriteLine();
        var firstFailure = result.Tests.FirstOrDefault(t => !t.Passed);
        if (firstFailure != null) Ui.WriteFailure(console, firstFailure);
        if (result.Detail.Length > 0) console.MarkupLine($"[red]{Ui.Escape(result.Detail)}[/]");
        if (Mistakes.MistakeRecognizer.Recognize(repo, current, result) is { } known) Mistakes.MistakeRecognizer.Write(console, current, known);
        Ui.WriteWarnings(console, build.WarningsByKata.GetValueOrDefault(current.Number) ?? []);
        string when = startup ? "start-up, the first build" : "after the save";
        console.MarkupLine($"{TestCommand.Verdict(current, result)} [grey]({seconds:0.0} s {when}: build {buildSeconds:0.0} s, tests {seconds - buildSeconds:0.0} s; {DateTime.Now:HH:mm:ss})[/]");
        if (result.State != KataState.Done) return;
        kata = repo.Katas.SkipWhile(k => k.Number != current.Number).Skip(1).FirstOrDefault();
        console.WriteLine();
        if (kata == null)
        {
            StatusCommand.WriteNext(repo, console, null);
            return;
        }
        StatusCommand.WriteNext(repo, console, kata);
        Announce(console, kata);
    }
}
