using Foundations;
using Katas.Initialization;
using NUnit.Framework;

namespace KataTests.K08_Initialization;

/// <summary>
/// The deep-stack experiments pinned to their seeded figures. A loose bound ("std near 1") lets through a stack that
/// computes x @ w instead of x @ wᵀ, draws in another order or measures something else, because those give numbers
/// of the same size. Here the expected figures are recomputed in the test from the same seed, following the README's
/// recipe with the substrate's own operations: x = randn(batch, width) first, then per layer one weight from the same
/// Rng and x ← activation(x @ wᵀ), then the mean and the (unbiased) std of x. Same numbers in, same order: your figures
/// should agree to float rounding, so the tolerance is 1e-4 relative — a wrong gain (√2 vs 1) or a transposed
/// weight moves them by percents.
/// </summary>
[Category("K08")]
public class SeededStackFiguresTests
{
    private const int Width = 100;
    private const double Rtol = 1e-4;
    private static readonly Func<Tensor, Tensor> Identity = x => x;
    private static readonly Func<Tensor, Tensor> Relu = x => x.ClampMin(0);

    private static WeightInit Scaled(float scale) => (shape, rng) => Tensor.Randn(rng, shape) * scale;

    /// <summary>The README's recipe, written out with the substrate: the figures your DeepStack.Stats should give.</summary>
    private static (double Mean, double Std)[] ReferenceStack(int depth, int width, WeightInit weightInit, Func<Tensor, Tensor> activation, ulong seed, int batch = 200)
    {
        var rng = new Rng(seed);
        Tensor x = Tensor.Randn(rng, batch, width);
        var figures = new (double, double)[depth];
        for (int layer = 0; layer < depth; layer++)
        {
            Tensor w = weightInit([width, width], rng);
            x = activation(Tensor.Matmul(x, w.T()));
            figures[layer] = (x.Mean().Item(), x.Std().Item());
        }
        return figures;
    }

    private static void MatchesTheReference(LayerStats[] actual, (double Mean, double Std)[] expected, string experiment)
    {
        TestContext.Out.WriteLine($"{experiment}: expected mean {expected[0].Mean:G4}, std {expected[0].Std:G4} after layer 1; " +
            $"std {expected[^1].Std:G4} after layer {expected.Length}");
        Assert.That(actual, Has.Length.EqualTo(expected.Length), $"{experiment}: one LayerStats per layer");
        for (int layer = 0; layer < expected.Length; layer++)
        {
            string where = $"{experiment}, layer {layer + 1}";
            Assert.That(actual[layer].Std, Is.EqualTo(expected[layer].Std).Within(Rtol * Math.Abs(expected[layer].Std) + 1e-30),
                $"{where}: the std of activation(x @ wᵀ) with this seed is {expected[layer].Std:G6}");
            Assert.That(actual[layer].Mean, Is.EqualTo(expected[layer].Mean).Within(Rtol * expected[layer].Std + 1e-30),
                $"{where}: the mean of activation(x @ wᵀ) with this seed is {expected[layer].Mean:G6}");
        }
    }

    [Test]
    public void OneLayerOfStandardNormalWeights_GivesTheSeededFigure()
    {
        // The README's table gives seed 1's figure. x @ w instead of x @ wᵀ also gives a std near 10, but not this one.
        MatchesTheReference(DeepStack.Stats(1, Width, Scaled(1), Identity, new Rng(1)), ReferenceStack(1, Width, Scaled(1), Identity, 1),
            "x = randn(200, 100), one layer x @ randn(100, 100)ᵀ, seed 1");
    }

    [Test]
    public void FiftyLayersOfOneOverSqrtN_GiveTheSeededFigures()
    {
        // Every layer is pinned, not only "between 0.5 and 2" (the README's table gives seed 1's last one).
        MatchesTheReference(DeepStack.Stats(50, Width, Scaled(0.1f), Identity, new Rng(1)), ReferenceStack(50, Width, Scaled(0.1f), Identity, 1),
            "50 layers of randn(100, 100)·0.1, seed 1");
    }

    [Test]
    public void KaimingPlusRelu_GivesTheSeededFigures()
    {
        // Your Init.KaimingNormal(a = 0, fan_in) against N(0, 2/fan_in) drawn as Tensor.Randn(rng, shape)·√(2/100).
        // The README's table gives seed 1's figures after one layer and after 50.
        WeightInit kaiming = (shape, rng) => Init.KaimingNormal(shape, 0, FanMode.FanIn, rng);
        MatchesTheReference(DeepStack.Stats(50, Width, kaiming, Relu, new Rng(1)), ReferenceStack(50, Width, Scaled((float)Math.Sqrt(2.0 / Width)), Relu, 1),
            "50 layers of Kaiming normal + ReLU, seed 1 (std √(2/fan_in) = √(2/100))");
    }

    [Test]
    public void WhySqrt5_FourReluLayersWithPyTorchsDefault_GiveTheSeededFigures()
    {
        // Your Init.TorchLinearDefault against U(−1/√fan_in, 1/√fan_in) = U(−0.1, 0.1) drawn with Tensor.Uniform.
        // The README's table gives the std after four layers, against Kaiming's.
        WeightInit reference = (shape, rng) => Tensor.Uniform(rng, -0.1f, 0.1f, shape);
        MatchesTheReference(DeepStack.Stats(4, Width, (s, r) => Init.TorchLinearDefault(s, r), Relu, new Rng(1)), ReferenceStack(4, Width, reference, Relu, 1),
            "four ReLU layers with PyTorch's default kaiming_uniform(a = √5), seed 1 (bound 1/√100 = 0.1)");
    }
}
