using Charts;
using Foundations;
using Katas.Initialization;

namespace Plot;

/// <summary>
/// K08's experiment from the chapter: push 200 random inputs through 50 layers of 100×100 weights and watch the
/// activations. Plain standard-normal weights multiply the std by about √100 = 10 per layer until float32
/// overflows (inf, then NaN); ×0.01 divides it by 10 until it underflows to 0; 1/√n keeps it near 1; with ReLU,
/// which halves the variance, Kaiming's √(2/n) keeps it near 1.
/// </summary>
internal static class InitExperiment
{
    private const int Depth = 50, Width = 100, Batch = 200;

    public static IReadOnlyList<ChartFiles> Run(string directory, string target)
    {
        Func<Tensor, Tensor> linear = x => x, relu = x => x.ClampMin(0f);
        (string Name, WeightInit Init, Func<Tensor, Tensor> Activation)[] inits =
        [
            ("plain normal, linear", (shape, rng) => Tensor.Randn(rng, shape), linear),
            ("normal × 0.01, linear", (shape, rng) => Tensor.Randn(rng, shape) * 0.01f, linear),
            ("normal / √n, linear", (shape, rng) => Tensor.Randn(rng, shape) * (1f / MathF.Sqrt(shape[1])), linear),
            ("Kaiming normal, ReLU", (shape, rng) => Katas.Initialization.Init.KaimingNormal(shape, 0, FanMode.FanIn, rng, Nonlinearity.Relu), relu),
        ];
        var stats = inits.Select(i => (i.Name, Stats: DeepStack.Stats(Depth, Width, i.Init, i.Activation, new Rng(17), Batch))).ToList();

        double[] Layers(LayerStats[] s) => s.Select(l => (double)l.Layer).ToArray();
        string subtitle = $"{Depth} layers of {Width}×{Width}, {Batch} inputs with mean 0 and std 1; {target}";
        var std = LayerChart.Save(directory, "K08-activation-std", "K08: activation std per layer", "std of the activations (log scale)",
            stats.Select(s => new Series(s.Name, Layers(s.Stats), s.Stats.Select(l => (double)l.Std).ToArray())), subtitle, logY: true);
        var mean = LayerChart.Save(directory, "K08-activation-mean", "K08: activation mean per layer (axis cut at ±2)", "mean of the activations",
            stats.Select(s => new Series(s.Name, Layers(s.Stats), s.Stats.Select(l => (double)l.Mean).ToArray())), subtitle, logY: false, yMin: -2, yMax: 2);

        foreach (var (name, s) in stats)
            Console.WriteLine($"  {name,-24} std after layer 1: {s[0].Std,10:G3}   after layer {Depth}: {s[^1].Std,10:G3}");
        return [std, mean];
    }
}
