using System.Diagnostics;

namespace RunnerTests;

/// <summary>Runs git in a fixture folder (tests make throw-away repositories; never the real one).</summary>
internal static class Git
{
    public static void Run(string dir, params string[] args) => Output(dir, args);

    /// <summary>Runs git and returns its standard output (a diff, say); a failure throws with everything it printed.</summary>
    public static string Output(string dir, params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-c", "user.name=Runner Tests", "-c", "user.email=runner@tests.invalid", "-c", "commit.gpgsign=false" }.Concat(args))
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {output}{errors.Result}");
        return output;
    }

    /// <summary>git init, add everything, commit.</summary>
    public static void CommitAll(string dir)
    {
        Run(dir, "init", "-q");
        Run(dir, "add", "-A");
        Run(dir, "commit", "-q", "-m", "fixture");
    }
}
