using Charts;
using Foundations;
using Foundations.Data;
using Katas.ConvolutionByUnfold;

namespace Plot;

/// <summary>
/// K13's "why √5": 100 Fashion-MNIST images through four stride-2 convolutions with ReLU between them. PyTorch's
/// default init (kaiming_uniform with a = √5) shrinks the signal layer after layer; Kaiming's normal init keeps it.
/// </summary>
internal static class WhySqrt5Experiment
{
    public static IReadOnlyList<ChartFiles> Run(string directory, string target)
    {
        Tensor images = FashionMnist.LoadEmbedded().Normalize().Train.Images.Narrow(0, 0, 100).Reshape(100, 1, 28, 28);
        var series = new List<Series>();
        foreach (var scheme in Enum.GetValues<InitScheme>())
        {
            double[] stds = WhySqrt5.LayerStds(images, scheme, new Rng(1));
            series.Add(new Series(scheme == InitScheme.Kaiming ? "Kaiming normal" : "PyTorch default (a = √5)",
                Enumerable.Range(1, stds.Length).Select(i => (double)i).ToArray(), stds));
            Console.WriteLine($"  {scheme,-13} std per layer: {string.Join("  ", stds.Select(s => s.ToString("F3")))}");
        }
        return [LayerChart.Save(directory, "K13-why-sqrt5-std", "K13: why √5? Activation std per conv layer", "std of the activations (log scale)",
            series, $"100 Fashion-MNIST images, 4 stride-2 convolutions with ReLU between them; {target}", logY: true)];
    }
}
