using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Pipes;

namespace Kata.Workers;

/// <summary>
/// A running worker as its host sees it: the verdict pipe's messages, the last lines of stderr (to explain a crash),
/// and stdout read only to be thrown away — a kata that prints can never fake a verdict or a progress line.
/// </summary>
public sealed class WorkerProcess : IDisposable
{
    /// <summary>The managed heap a worker may use; past it allocations throw OutOfMemoryException inside the test.</summary>
    public const long HeapLimitBytes = 4L << 30;

    private readonly Process _process;
    private readonly AnonymousPipeServerStream _pipe;
    private readonly ConcurrentQueue<string> _errors = new();

    public BlockingCollection<WorkerMessage> Messages { get; } = new(new ConcurrentQueue<WorkerMessage>());

    private WorkerProcess(Process process, AnonymousPipeServerStream pipe)
    {
        _process = process;
        _pipe = pipe;
    }

    /// <summary>Starts <c>kata.dll verb tests.dll pipe-handle extra…</c>.</summary>
    public static WorkerProcess Start(Repository repo, string verb, string testDll, params string[] extra)
    {
        var pipe = new AnonymousPipeServerStream(PipeDirection.In, HandleInheritability.Inheritable);
        string[] args = [typeof(Worker).Assembly.Location, verb, testDll, pipe.GetClientHandleAsString(), .. extra];
        // Exhausting memory fails the test that does it (OutOfMemoryException), not the machine.
        KeyValuePair<string, string?>[] heapLimit = [new("DOTNET_GCHeapHardLimit", "0x" + HeapLimitBytes.ToString("X"))];
        var info = ChildProcess.Dotnet(repo.Root, args, environment: [.. ChildProcess.WorkerDefaults, .. heapLimit]);
        info.RedirectStandardInput = true;
        Process process;
        try
        {
            process = ChildProcess.Start(info, "the test worker process");
        }
        finally
        {
            pipe.DisposeLocalCopyOfClientHandle();
        }
        var worker = new WorkerProcess(process, pipe);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => worker.KeepError(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        new Thread(worker.ReadPipe) { IsBackground = true, Name = "worker pipe" }.Start();
        return worker;
    }

    public StreamWriter Input => _process.StandardInput;
    public int ExitCode => _process.ExitCode;
    public IReadOnlyCollection<string> LastErrors => _errors;

    /// <summary>True once the process has exited and every message it sent has been read.</summary>
    public bool Finished => _process.HasExited && Messages.IsCompleted;

    /// <summary>True once the process has exited; waits a moment for the pipe to drain so no last message is lost.</summary>
    public bool HasExited()
    {
        if (!_process.HasExited) return false;
        _process.WaitForExit();
        var clock = Stopwatch.StartNew();
        while (!Messages.IsAddingCompleted && clock.ElapsedMilliseconds < 2000) Thread.Sleep(10);
        return true;
    }

    public void Kill() => ChildProcess.KillTree(_process);

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        _pipe.Dispose();
    }

    private void ReadPipe()
    {
        try
        {
            using var reader = new StreamReader(_pipe);
            while (reader.ReadLine() is { } line)
                if (WorkerMessage.FromLine(line) is { } message) Messages.Add(message);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException) { }
        finally { Messages.CompleteAdding(); }
    }

    private void KeepError(string? line)
    {
        if (line == null) return;
        _errors.Enqueue(line);
        while (_errors.Count > 400) _errors.TryDequeue(out _);
    }
}
