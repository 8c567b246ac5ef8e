using System.Collections.Concurrent;
using System.Diagnostics;

namespace Kata;

/// <summary>
/// The parent side of <c>watch</c>'s long-lived worker. Each re-test is one line on the worker's stdin; a run that
/// hangs or kills the worker is reported like any other (timed out, crashed) and the next save starts a fresh worker.
/// </summary>
public sealed class WarmWorker(Repository repo, string testDll) : IDisposable
{
    private Process? _process;
    private BlockingCollection<string> _lines = [];
    private ConcurrentQueue<string> _errors = new();

    public string TestDll => testDll;

    public KataResult Run(KataInfo kata, string katasDll, TimeSpan timeout)
    {
        if (_process is not { HasExited: false }) Start();
        string result = Path.Combine(repo.StateDir, "watch", kata.Category + ".xml");
        Directory.CreateDirectory(Path.GetDirectoryName(result)!);
        File.Delete(result);
        while (_lines.TryTake(out _)) { }
        _process!.StandardInput.WriteLine($"{kata.Category}\t{katasDll}\t{result}");
        _process.StandardInput.Flush();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_lines.TryTake(out var line, 100) && line.EndsWith($" done {kata.Category}", StringComparison.Ordinal))
                return KataResult.FromTests(kata.Number, NUnitResults.Parse(File.ReadAllText(result), repo));
            if (_process.HasExited && _lines.Count == 0)
            {
                string why = string.Join(' ', _errors.Where(e => e.Contains("overflow", StringComparison.OrdinalIgnoreCase)).Take(1));
                Dispose();
                return KataResult.Failed(kata.Number, KataState.Crashed, $"the test process died{(why.Length > 0 ? $" ({why.Trim()})" : "")} — a stack overflow (endless recursion?) or Environment.Exit/FailFast");
            }
        }
        Dispose();
        return KataResult.Failed(kata.Number, KataState.TimedOut, $"the tests did not finish within {timeout.TotalSeconds:0} s (an endless loop?); they were stopped");
    }

    private void Start()
    {
        Dispose();
        var info = new ProcessStartInfo(Dotnet.HostPath)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = repo.Root,
        };
        foreach (var arg in new[] { typeof(Worker).Assembly.Location, Worker.ServeVerb, testDll }) info.ArgumentList.Add(arg);
        info.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        _lines = [];
        _errors = new ConcurrentQueue<string>();
        var lines = _lines;
        var errors = _errors;
        _process = Process.Start(info) ?? throw new RunnerException("could not start the test worker process");
        _process.OutputDataReceived += (_, e) => { if (e.Data is { } l && l.StartsWith(Worker.Marker, StringComparison.Ordinal)) lines.Add(l); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data != null) { errors.Enqueue(e.Data); while (errors.Count > 40) errors.TryDequeue(out string? _); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public void Dispose()
    {
        if (_process == null) return;
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        _process.Dispose();
        _process = null;
    }
}
