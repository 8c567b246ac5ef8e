using System.Diagnostics;

namespace Kata.Workers;

/// <summary>
/// Follows a worker through its katas, test by test, and enforces the limits: a test that runs past the per-test
/// limit is marked TimedOut and its worker stopped; a worker that dies costs the test it was running (Crashed).
/// Either way the caller starts a fresh worker for what is left, skipping the tests that already have an outcome.
/// </summary>
internal static class WorkerSupervisor
{
    public static void Follow(WorkerProcess worker, IReadOnlyList<KataLedger> batch, TimeSpan perTest, TimeSpan perKata, Repository repo, Action<KataInfo>? onStart)
    {
        var byCategory = batch.ToDictionary(l => l.Kata.Category);
        var quiet = Stopwatch.StartNew();
        KataLedger? current = null;
        void Enter(KataLedger? next)
        {
            current?.Pause();
            current = next;
            if (current == null) return;
            current.Resume();
            onStart?.Invoke(current.Kata);
        }
        void Apply(WorkerMessage message)
        {
            quiet.Restart();
            if (!byCategory.TryGetValue(message.Category, out var ledger)) return;
            ledger.Apply(message);
            if (ledger == current && ledger.Closed) Enter(batch.FirstOrDefault(l => !l.Closed));
        }
        Enter(batch.FirstOrDefault(l => !l.Closed));
        while (current != null)
        {
            if (worker.Messages.TryTake(out var message, 100)) { Apply(message); continue; }
            if (current.Longest is { } test && test.Elapsed > perTest)
            {
                worker.Kill();
                current.TimeOut(test.FullName, perTest);
                break;
            }
            if (current.Elapsed > perKata)
            {
                worker.Kill();
                current.TotalTimeOut(perKata, perTest);
                break;
            }
            if (!current.IsRunning && quiet.Elapsed > perTest)
            {
                worker.Kill();
                current.NeverStarted(perTest);
                break;
            }
            if (worker.HasExited())
            {
                while (worker.Messages.TryTake(out var last)) Apply(last);
                if (current == null) break;
                var (why, where) = CrashReport.Describe(worker.ExitCode, worker.LastErrors, repo);
                if (current.IsRunning) current.Crash(why, where);
                else current.DiedOutsideTest(why, where);
                break;
            }
        }
        current?.Pause();
    }
}
