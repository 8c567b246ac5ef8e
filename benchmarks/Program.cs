using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
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
        if (args.Contains("--ladder")) return LadderCommand.Run(args);
        // The default job carries the katas/solutions switch; jobs named on the command line (--job short) start from it.
        var config = DefaultConfig.Instance.AddJob(AgainstSwitch.OnTheSameSide(Job.Default).AsDefault()).WithBuildTimeout(TimeSpan.FromMinutes(10));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return 0;
    }
}
