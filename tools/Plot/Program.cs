using Charts;

namespace Plot;

/// <summary><c>./kata plot K08|K13 [--solutions] [--out DIR]</c>: runs the kata's experiment on the kata's code and
/// writes its charts (PNG and SVG), printing their paths. A kata that is not done yet says so instead of crashing.</summary>
public static class Program
{
#if AGAINST_SOLUTIONS
    private const string Target = "the reference solutions";
#else
    private const string Target = "your katas";
#endif

    private const string Usage = "Usage: plot K08|K13 [--out DIR]   (charts go to out/plots by default)";

    public static int Main(string[] args)
    {
        string? kata = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal))?.ToUpperInvariant();
        int outAt = Array.IndexOf(args, "--out");
        string directory = outAt >= 0 && outAt + 1 < args.Length ? args[outAt + 1] : Path.Combine("out", "plots");
        Func<string, string, IReadOnlyList<ChartFiles>>? experiment = kata switch
        {
            "K08" => InitExperiment.Run,
            "K13" => WhySqrt5Experiment.Run,
            _ => null,
        };
        if (experiment is null)
        {
            Console.Error.WriteLine(kata is null ? "Which kata? " + Usage : $"There is no plot for '{kata}'. {Usage}");
            return 2;
        }

        Console.WriteLine($"{kata} with {Target}:");
        try
        {
            foreach (var chart in experiment(directory, Target))
                Console.WriteLine($"Chart: {chart.Png}\n       {chart.Svg}");
            return 0;
        }
        catch (NotImplementedException e)
        {
            Console.Error.WriteLine($"{kata} is not done yet, so there is nothing to plot: {e.Message}");
            Console.Error.WriteLine($"Make its tests pass (./kata test {kata}), or look at the reference: ./kata plot {kata} --solutions");
            return 1;
        }
    }
}
