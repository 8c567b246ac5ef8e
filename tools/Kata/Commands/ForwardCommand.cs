using System.Diagnostics;
using Spectre.Console;

namespace Kata.Commands;

/// <summary><c>./kata bench</c>, <c>./kata train</c> and <c>./kata plot</c>: hand over to the benchmarks' ladder, tools/Train or
/// tools/Plot, if the repository has them.</summary>
public static class ForwardCommand
{
    public static int Bench(Repository repo, IAnsiConsole console, bool quick, bool solutions)
    {
        if (!File.Exists(Path.Combine(repo.Root, "benchmarks", "Benchmarks.csproj")))
            return Missing(console, "benchmarks/Benchmarks.csproj");
        var args = new List<string> { "run", "-c", "Release", "--project", "benchmarks" };
        if (solutions) args.Add("-p:Against=solutions");
        args.AddRange(["--", "--ladder"]);
        if (quick) args.Add("--quick");
        return Forward(repo, console, args);
    }

    public static int Train(Repository repo, IAnsiConsole console, bool solutions, IReadOnlyList<string> extra)
    {
        if (!Directory.Exists(Path.Combine(repo.Root, "tools", "Train")))
            return Missing(console, "tools/Train");
        var args = new List<string> { "run", "-c", "Release", "--project", "tools/Train" };
        if (solutions) args.Add("-p:Against=solutions");
        args.Add("--");
        args.AddRange(extra);
        return Forward(repo, console, args);
    }

    public static int Plot(Repository repo, IAnsiConsole console, string kata, bool solutions)
    {
        if (!Directory.Exists(Path.Combine(repo.Root, "tools", "Plot")))
            return Missing(console, "tools/Plot");
        var args = new List<string> { "run", "-c", "Release", "--project", "tools/Plot" };
        if (solutions) args.Add("-p:Against=solutions");
        args.AddRange(["--", kata]);
        return Forward(repo, console, args);
    }

    private static int Missing(IAnsiConsole console, string what)
    {
        console.MarkupLine($"[yellow]{Ui.Escape(what)} is not in this repository yet[/] — nothing to run.");
        return 2;
    }

    private static int Forward(Repository repo, IAnsiConsole console, List<string> args)
    {
        console.MarkupLine($"[grey]dotnet {Ui.Escape(string.Join(' ', args))}[/]");
        var info = new ProcessStartInfo(Dotnet.HostPath) { UseShellExecute = false, WorkingDirectory = repo.Root };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new RunnerException("could not start dotnet");
        process.WaitForExit();
        return process.ExitCode;
    }
}
