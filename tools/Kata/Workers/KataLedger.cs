using System.Diagnostics;

namespace Kata.Workers;

/// <summary>
/// The host's record of one kata's tests across the workers that ran them: the tests NUnit listed, the results that
/// came back, the test running now. A test counts as passed only on an explicit "Passed" result; any test the
/// workers never reported — the process exited early, was killed or died — is NotRun, TimedOut or Crashed.
/// </summary>
public sealed class KataLedger(KataInfo kata, Repository repo)
{
    private readonly Dictionary<string, TestOutcome> _outcomes = [];
    private readonly Dictionary<string, Stopwatch> _running = [];
    private readonly List<string> _notes = [];
    private KataResult? _failure;
    private readonly Stopwatch _clock = new();

    public KataInfo Kata => kata;
    /// <summary>The tests NUnit listed for the kata, in order; null until a worker has listed them.</summary>
    public IReadOnlyList<WorkerTestName>? Expected { get; private set; }
    /// <summary>True once nothing more will be run: every test has an outcome, or the kata as a whole failed.</summary>
    public bool Closed { get; private set; }
    /// <summary>The full names a fresh worker should not run again.</summary>
    public IReadOnlyList<string> Finished => [.. _outcomes.Keys];
    public TimeSpan Elapsed => _clock.Elapsed;

    public void Resume() => _clock.Start();
    public void Pause() => _clock.Stop();

    public void Apply(WorkerMessage message)
    {
        switch (message.Kind)
        {
            case WorkerMessage.TestsKind:
                Expected ??= message.Tests ?? [];
                break;
            case WorkerMessage.StartKind:
                _running[message.FullName] = Stopwatch.StartNew();
                break;
            case WorkerMessage.ResultKind when IsExpected(message.FullName):
                _running.Remove(message.FullName);
                _outcomes[message.FullName] = NUnitResults.ParseTestCase(message.Xml, repo);
                break;
            case WorkerMessage.DoneKind:
                _running.Clear();
                Closed = true;
                break;
        }
    }

    /// <summary>The running test that has been running longest, with how long.</summary>
    public (string FullName, TimeSpan Elapsed)? Longest =>
        _running.Count == 0 ? null : _running.Select(r => (r.Key, r.Value.Elapsed)).MaxBy(r => r.Elapsed);

    public bool IsRunning => _running.Count > 0;

    /// <summary>The test ran past its limit and its worker was stopped: that test alone is lost.</summary>
    public void TimeOut(string fullName, TimeSpan limit)
    {
        _running.Clear();
        string name = NameOf(fullName);
        Record(fullName, TestOutcome.TimedOut, $"{name} did not finish within {limit.TotalSeconds:0} s (an endless loop?); it was stopped and the other tests went on without it.");
        _notes.Add($"{name} timed out after {limit.TotalSeconds:0} s (an endless loop?)");
    }

    /// <summary>The worker died while these tests ran: they are lost, the others go on in a fresh worker.</summary>
    public void Crash(string why, string? where)
    {
        foreach (string fullName in _running.Keys.ToList())
        {
            string name = NameOf(fullName);
            Record(fullName, TestOutcome.Crashed, $"{name} crashed the test process: {why}", where);
            _notes.Add($"{name} crashed the test process{(where != null ? $" at {where}" : "")}: {why}");
        }
        _running.Clear();
    }

    // Every way a kata's run can stop early, worded here once (the tests' time limit and crash messages are above).

    /// <summary>A worker ended without settling a single test, so starting another would only loop.</summary>
    public void StoppedWithoutRunning() =>
        Fail(KataState.Crashed, "the test process stopped without running a test", TestOutcome.Crashed);

    /// <summary>The kata's tests ran past their total time: the running one timed out, the rest are not run.</summary>
    public void TotalTimeOut(TimeSpan perKata, TimeSpan perTest)
    {
        if (Longest is { } running) TimeOut(running.FullName, perTest);
        Fail(KataState.TimedOut, $"{kata.Number}'s tests took longer than {perKata.TotalSeconds:0} s in all; the rest were stopped", TestOutcome.NotRun);
    }

    /// <summary>No test started within the per-test limit: a set-up that never ends.</summary>
    public void NeverStarted(TimeSpan perTest) =>
        Fail(KataState.TimedOut, $"{kata.Number}'s tests did not start within {perTest.TotalSeconds:0} s (a set-up that never ends?); they were stopped", TestOutcome.TimedOut);

    /// <summary>The worker died between tests (loading, a fixture's set-up, another thread).</summary>
    public void DiedOutsideTest(string why, string? where) =>
        Fail(KataState.Crashed, $"the test process died outside any test: {why}{(where != null ? $" at {where}" : "")}", TestOutcome.Crashed);

    /// <summary>The kata as a whole failed outside any test (listing, set-up, its total time): what is left is lost.</summary>
    public void Fail(KataState state, string detail, string outcome)
    {
        _running.Clear();
        Closed = true;
        if (Expected == null) { _failure = KataResult.Failed(kata.Number, state, detail); return; }
        foreach (var test in Expected.Where(t => !_outcomes.ContainsKey(t.FullName))) Record(test.FullName, outcome, detail);
        _notes.Add(detail);
    }

    /// <summary>The kata's result: every listed test with its outcome (NotRun when none came back).</summary>
    public KataResult Result()
    {
        if (_failure != null) return _failure;
        if (Expected == null) return KataResult.Failed(kata.Number, KataState.Crashed, "the tests were never listed: the test process stopped before it could run them");
        var tests = Expected.Select(t => _outcomes.TryGetValue(t.FullName, out var outcome) ? outcome
            : new TestOutcome(t.Name, t.FullName, TestOutcome.NotRun, $"{t.Name} was not run: the test process stopped before it reported a result.")).ToList();
        var result = KataResult.FromTests(kata.Number, tests);
        if (result.State == KataState.Done) return result;
        var state = tests.Any(t => t.Result == TestOutcome.TimedOut) ? KataState.TimedOut
            : tests.Any(t => t.Result is TestOutcome.Crashed or TestOutcome.NotRun) ? KataState.Crashed
            : result.State;
        return result with { State = state, Detail = string.Join('\n', _notes.Distinct()) };
    }

    private bool IsExpected(string fullName) => Expected?.Any(t => t.FullName == fullName) ?? false;

    private string NameOf(string fullName) => Expected?.FirstOrDefault(t => t.FullName == fullName)?.Name ?? fullName;

    private void Record(string fullName, string outcome, string message, string? where = null) =>
        _outcomes[fullName] = new TestOutcome(NameOf(fullName), fullName, outcome, message, FileToOpen: where);
}
