namespace Kata.Workers;

/// <summary>
/// Runs katas' tests in worker processes with a time limit per test. A test that hangs is stopped and marked
/// TimedOut; one that kills its process is marked Crashed; either way the kata's other tests, and the other katas,
/// go on in a fresh worker, so only that one test is lost.
/// </summary>
public sealed class WorkerHost(Repository repo, string testDll, string? katasDll = null)
{
    /// <summary>When true every kata gets a process of its own (grading); otherwise one worker runs them in turn.</summary>
    public bool ProcessPerKata { get; init; }
    /// <summary>How long one kata's tests may take in all, across the workers that run them.</summary>
    public TimeSpan TimeoutPerKata { get; init; } = TimeSpan.FromSeconds(120);
    /// <summary>How long one test may run before it counts as hung.</summary>
    public TimeSpan TimeoutPerTest { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Called when a kata starts, for progress displays.</summary>
    public Action<KataInfo>? OnStart { get; init; }

    public IReadOnlyDictionary<string, KataResult> Run(IReadOnlyList<KataInfo> katas)
    {
        var ledgers = katas.Select(k => new KataLedger(k, repo)).ToList();
        var started = new HashSet<string>();
        while (ledgers.Where(l => !l.Closed).ToList() is { Count: > 0 } open)
        {
            List<KataLedger> batch = ProcessPerKata ? [open[0]] : open;
            using var worker = WorkerProcess.Start(repo, Worker.Verb, testDll, katasDll ?? "-");
            foreach (var ledger in batch) worker.Input.WriteLine(new WorkerRequest(ledger.Kata.Category, ledger.Finished).ToLine());
            worker.Input.Close();
            var before = batch.Select(l => (l.Closed, l.Finished.Count)).ToList();
            WorkerSupervisor.Follow(worker, batch, Limit(TimeoutPerTest), TimeoutPerKata, repo, kata => { if (started.Add(kata.Number)) OnStart?.Invoke(kata); });
            // Each worker settles at least one test or closes a kata; if one did neither, stop rather than loop.
            if (batch.Select(l => (l.Closed, l.Finished.Count)).SequenceEqual(before))
                batch.First(l => !l.Closed).StoppedWithoutRunning();
        }
        return ledgers.ToDictionary(l => l.Kata.Number, l => l.Result());
    }

    /// <summary>A test never gets longer than its whole kata.</summary>
    private TimeSpan Limit(TimeSpan perTest) => perTest < TimeoutPerKata ? perTest : TimeoutPerKata;
}
