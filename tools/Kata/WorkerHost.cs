using System.Collections.Concurrent;
using System.Diagnostics;

namespace Kata;

/// <summary>
/// Runs katas' tests in worker processes with a time limit per kata. A kata that hangs is killed and marked
/// <see cref="KataState.TimedOut"/>; one that kills its process is marked <see cref="KataState.Crashed"/>;
/// either way the remaining katas go on in a fresh worker, so nothing else is lost.
/// </summary>
public sealed class WorkerHost(Repository repo, string testDll, string? katasDll = null)
{
    /// <summary>When true every kata gets a process of its own (grading); otherwise one worker runs them in turn.</summary>
    public bool ProcessPerKata { get; init; }
    public TimeSpan TimeoutPerKata { get; init; } = TimeSpan.FromSeconds(120);
    /// <summary>Called when a kata starts, for progress displays.</summary>
    public Action<KataInfo>? OnStart { get; init; }

    public IReadOnlyDictionary<string, KataResult> Run(IReadOnlyList<KataInfo> katas)
    {
        var results = new Dictionary<string, KataResult>();
        var remaining = new Queue<KataInfo>(katas);
        while (remaining.Count > 0)
        {
            List<KataInfo> batch = ProcessPerKata ? [remaining.Dequeue()] : [.. remaining];
            if (!ProcessPerKata) remaining.Clear();
            foreach (var (kata, result) in RunBatch(batch)) results[kata.Number] = result;
            // Whatever a dead or killed worker did not reach goes round again in a new worker.
            foreach (var kata in batch.Where(k => !results.ContainsKey(k.Number))) remaining.Enqueue(kata);
        }
        return results;
    }

    private List<(KataInfo, KataResult)> RunBatch(List<KataInfo> batch)
    {
        string outDir = Path.Combine(Path.GetTempPath(), "kata-worker-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(outDir);
        var done = new List<(KataInfo, KataResult)>();
        try
        {
            Trace("starting a worker");
            using var process = Start(batch, outDir);
            var lines = new BlockingCollection<string>(new ConcurrentQueue<string>());
            var errors = new ConcurrentQueue<string>();
            process.OutputDataReceived += (_, e) => { if (e.Data is { } line && line.StartsWith(Worker.Marker, StringComparison.Ordinal)) lines.Add(line); };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) { errors.Enqueue(e.Data); while (errors.Count > 40) errors.TryDequeue(out string? _); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            int index = 0;
            var clock = Stopwatch.StartNew();
            OnStart?.Invoke(batch[0]);
            while (index < batch.Count)
            {
                if (lines.TryTake(out var line, 100))
                {
                    Trace($"{line} after {clock.Elapsed.TotalSeconds:0.00} s");
                    string[] parts = line.Split(' ');
                    if (parts.Length == 3 && parts[1] == "done" && parts[2] == batch[index].Number)
                    {
                        done.Add((batch[index], ReadResult(batch[index], outDir)));
                        index++;
                        clock.Restart();
                        if (index < batch.Count) OnStart?.Invoke(batch[index]);
                    }
                    continue;
                }
                if (clock.Elapsed > TimeoutPerKata)
                {
                    Kill(process);
                    done.Add((batch[index], KataResult.Failed(batch[index].Number, KataState.TimedOut,
                        $"the tests did not finish within {TimeoutPerKata.TotalSeconds:0} s (an endless loop?); they were stopped")));
                    return done;
                }
                if (process.HasExited && lines.Count == 0)
                {
                    process.WaitForExit(); // drain the output events
                    if (lines.Count > 0) continue;
                    done.Add((batch[index], KataResult.Failed(batch[index].Number, KataState.Crashed, CrashDetail(process.ExitCode, errors))));
                    return done;
                }
            }
            process.WaitForExit(5000);
            if (!process.HasExited) Kill(process);
            Trace("worker finished");
            return done;
        }
        finally
        {
            try { Directory.Delete(outDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private Process Start(List<KataInfo> batch, string outDir)
    {
        var info = new ProcessStartInfo(Dotnet.HostPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = repo.Root,
        };
        info.ArgumentList.Add(typeof(Worker).Assembly.Location);
        info.ArgumentList.Add(Worker.Verb);
        info.ArgumentList.Add(testDll);
        info.ArgumentList.Add(outDir);
        info.ArgumentList.Add(katasDll ?? "-");
        foreach (var kata in batch) info.ArgumentList.Add(kata.Category);
        // A crashing kata should not leave a core dump behind or wait for a debugger.
        info.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        info.Environment["DOTNET_EnableCrashReport"] = "0";
        // A worker lives a few seconds: profile-guided re-JIT would cost more than it saves (about 20% of its start-up).
        info.Environment["DOTNET_TieredPGO"] = "0";
        var process = Process.Start(info) ?? throw new RunnerException("could not start the test worker process");
        process.StandardInput.Close();
        return process;
    }

    private KataResult ReadResult(KataInfo kata, string outDir)
    {
        string file = Path.Combine(outDir, kata.Category + ".xml");
        try
        {
            return KataResult.FromTests(kata.Number, NUnitResults.Parse(File.ReadAllText(file), repo));
        }
        catch (Exception e) when (e is IOException or System.Xml.XmlException)
        {
            return KataResult.Failed(kata.Number, KataState.Crashed, $"the test results could not be read ({e.Message})");
        }
    }

    private static string CrashDetail(int exitCode, IEnumerable<string> errors)
    {
        var meaningful = errors.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        string first = meaningful.FirstOrDefault(l => l.Contains("overflow", StringComparison.OrdinalIgnoreCase))
                       ?? meaningful.FirstOrDefault(l => l.Contains("Unhandled", StringComparison.OrdinalIgnoreCase) || l.Contains("FailFast", StringComparison.OrdinalIgnoreCase))
                       ?? meaningful.FirstOrDefault() ?? "";
        string why = first.Length > 200 ? first[..200] + "…" : first;
        return $"the test process died (exit code {exitCode}{(why.Length > 0 ? ": " + why.Trim() : "")}) — a stack overflow (endless recursion?) or Environment.Exit/FailFast";
    }

    /// <summary>KATA_TRACE=1 prints when workers report, to see where watch's time goes.</summary>
    private static void Trace(string text)
    {
        if (Environment.GetEnvironmentVariable("KATA_TRACE") == "1") Console.Error.WriteLine($"[trace {DateTime.Now:HH:mm:ss.fff}] {text}");
    }

    private static void Kill(Process process)
    {
        try { process.Kill(entireProcessTree: true); process.WaitForExit(5000); }
        catch (InvalidOperationException) { }
    }
}
