using System.Diagnostics;

namespace Kata.Processes;

/// <summary>
/// The one way the runner starts a process (dotnet, git, a worker, the instructor's runner): the same defaults
/// everywhere, so the launches cannot drift apart. A launch's own settings (a heap limit, a pipe handle, a
/// no-prompt git) are passed in by the caller, where they are explained.
/// </summary>
public static class ChildProcess
{
    /// <summary>What every <c>dotnet</c> the runner starts gets: no telemetry notice, no first-run logo.</summary>
    private static readonly KeyValuePair<string, string>[] DotnetDefaults =
    [
        new("DOTNET_CLI_TELEMETRY_OPTOUT", "1"),
        new("DOTNET_NOLOGO", "1"),
    ];

    /// <summary>
    /// What a test worker gets on top: a crashing kata leaves no core dump and waits for no debugger, and profile-guided
    /// re-JIT is off because a worker lives a few seconds (it would cost about 20% of its start-up).
    /// </summary>
    public static readonly KeyValuePair<string, string?>[] WorkerDefaults =
    [
        new("DOTNET_DbgEnableMiniDump", "0"),
        new("DOTNET_EnableCrashReport", "0"),
        new("DOTNET_TieredPGO", "0"),
    ];

    /// <summary>
    /// A start for <paramref name="file"/> with <paramref name="args"/> in <paramref name="workingDirectory"/>; output is
    /// captured unless <paramref name="capture"/> is false (then the child writes to the runner's console). A dotnet
    /// child gets <see cref="DotnetDefaults"/>; <paramref name="environment"/> is set last (null removes a variable).
    /// </summary>
    public static ProcessStartInfo Info(string file, string workingDirectory, IEnumerable<string> args, bool capture = true,
        IEnumerable<KeyValuePair<string, string?>>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            UseShellExecute = false, WorkingDirectory = workingDirectory,
            RedirectStandardOutput = capture, RedirectStandardError = capture,
        };
        foreach (string arg in args) info.ArgumentList.Add(arg);
        if (file == Kata.Processes.Dotnet.HostPath)
            foreach (var (name, value) in DotnetDefaults) info.Environment[name] = value;
        foreach (var (name, value) in environment ?? [])
            if (value == null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        return info;
    }

    /// <summary>A start for the runner's own dotnet host (same SDK and runtime as the runner).</summary>
    public static ProcessStartInfo Dotnet(string workingDirectory, IEnumerable<string> args, bool capture = true,
        IEnumerable<KeyValuePair<string, string?>>? environment = null) =>
        Info(Kata.Processes.Dotnet.HostPath, workingDirectory, args, capture, environment);

    /// <summary>Starts the process, or throws a <see cref="RunnerException"/> naming what could not start.</summary>
    public static Process Start(ProcessStartInfo info, string? what = null) =>
        Process.Start(info) ?? throw new RunnerException($"could not start {what ?? info.FileName}");

    /// <summary>Runs to the end and returns the exit code with stdout followed by stderr (both read, so neither pipe fills).</summary>
    public static (int Exit, string Output) Run(ProcessStartInfo info, string? what = null)
    {
        using var process = Start(info, what);
        var stderr = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd() + stderr.Result;
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    /// <summary>Stops the process and everything it started; a process that already ended is left alone.</summary>
    public static void KillTree(Process process, int waitMilliseconds = 5000)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(waitMilliseconds);
        }
        catch (InvalidOperationException) { }
    }
}
