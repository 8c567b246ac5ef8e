using BenchmarkDotNet.Running;
using Benchmarks.Ladder;

namespace Benchmarks;

/// <summary>Entry point: BenchmarkDotNet's switcher finds every benchmark class in this assembly.
/// <c>dotnet run -c Release --project benchmarks -- --filter '*'</c> runs them all;
/// <c>… -- --ladder [--quick|--dry]</c> runs the matmul ladder and writes its summary and chart.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // Child builds inherit this process's environment: keep them on this side of the katas/solutions switch.
        Environment.SetEnvironmentVariable("Against", AgainstSwitch.Target);
        if (args.Contains("--ladder")) return LadderCommand.Run(args);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
