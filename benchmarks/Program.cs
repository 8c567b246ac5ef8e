using BenchmarkDotNet.Running;

namespace Benchmarks;

/// <summary>Entry point: BenchmarkDotNet's switcher finds every benchmark class in this assembly.
/// <c>dotnet run -c Release --project benchmarks -- --filter '*'</c> runs them all.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
