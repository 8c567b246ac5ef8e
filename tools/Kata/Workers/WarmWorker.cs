namespace Kata.Workers;

/// <summary>
/// The parent side of <c>watch</c>'s long-lived worker. Each re-test is one request line on the worker's stdin and
/// comes back test by test over the verdict pipe. A test that hangs or kills the worker is marked (TimedOut,
/// Crashed) and the kata's other tests go on in a fresh worker, which the next save keeps using.
/// </summary>
public sealed class WarmWorker(Repository repo, string testDll) : IDisposable
{
    private WorkerProcess? _process;

    public string TestDll => testDll;
    /// <summary>How long one test may run before it counts as hung (never longer than the whole run).</summary>
    public TimeSpan TimeoutPerTest { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Runs one kata's tests against <paramref name="katasDll"/>; <paramref name="visibleOnly"/> leaves out the hidden tests.</summary>
    public KataResult Run(KataInfo kata, string katasDll, TimeSpan timeout, bool visibleOnly = false)
    {
        var ledger = new KataLedger(kata, repo);
        var perTest = TimeoutPerTest < timeout ? TimeoutPerTest : timeout;
        while (!ledger.Closed)
        {
            if (_process == null || _process.HasExited()) Start();
            while (_process!.Messages.TryTake(out _)) { }
            int before = ledger.Finished.Count;
            _process.Input.WriteLine(new WorkerRequest(kata.Category, ledger.Finished, Path.GetFullPath(katasDll), visibleOnly).ToLine());
            _process.Input.Flush();
            WorkerSupervisor.Follow(_process, [ledger], perTest, timeout, repo, null);
            if (ledger.Closed) break;
            Dispose(); // it was stopped or died: the rest of the kata goes on in a fresh one
            if (ledger.Finished.Count == before) ledger.StoppedWithoutRunning();
        }
        if (_process != null && _process.HasExited()) Dispose();
        return ledger.Result();
    }

    private void Start()
    {
        Dispose();
        _process = WorkerProcess.Start(repo, Worker.ServeVerb, testDll);
    }

    public void Dispose()
    {
        _process?.Dispose();
        _process = null;
    }
}
