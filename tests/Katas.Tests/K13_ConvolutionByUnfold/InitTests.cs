using Foundations;
using Foundations.Data;
using Katas.ConvolutionByUnfold;
using NUnit.Framework;

namespace KataTests.K13_ConvolutionByUnfold;

[Category("K13")]
public class InitTests
{
    [Test]
    public void FanIn_IsInputChannelsTimesTheReceptiveField()
    {
        Assert.That(ConvInit.FanIn([32, 1, 5, 5]), Is.EqualTo(25), "one input channel, a 5×5 receptive field");
        Assert.That(ConvInit.FanIn([64, 16, 3, 3]), Is.EqualTo(144), "16 channels × 3×3");
        Assert.Throws<ArgumentException>(() => ConvInit.FanIn([10]), "a vector has no fan-in");
    }

    [Test]
    public void KaimingNormal_HasStdSqrtTwoOverFanIn_AndTorchDefault_IsUniformWithinOneOverSqrtFanIn()
    {
        int[] shape = [64, 32, 3, 3]; // fan-in 288, 18,432 weights: the sample std is within ~1 % of the true one
        Tensor kaiming = ConvInit.KaimingNormal(shape, new Rng(1));
        Assert.That(kaiming.Shape, Is.EqualTo(shape));
        Assert.That(kaiming.Std().Item(), Is.EqualTo(Math.Sqrt(2.0 / 288)).Within(5).Percent, "Kaiming: std = √(2 / fan_in)");
        Assert.That(kaiming.Mean().Item(), Is.EqualTo(0).Within(0.005));

        Tensor torch = ConvInit.TorchDefault(shape, new Rng(2));
        float bound = 1f / MathF.Sqrt(288);
        Assert.That(torch.Abs().Max().Item(), Is.LessThanOrEqualTo(bound), "kaiming_uniform(a=√5) is U(−1/√fan_in, 1/√fan_in)");
        Assert.That(torch.Std().Item(), Is.EqualTo(bound / Math.Sqrt(3)).Within(5).Percent, "a uniform's std is bound/√3");
    }

    [TestCase(InitScheme.TorchDefault)]
    [TestCase(InitScheme.Kaiming)]
    public void WhySqrt5_LayerStds_AreTheSeededFiguresOfTheSameDraws(InitScheme scheme)
    {
        // The experiment is seeded, so its figures are exact: the test replays the same draws (layer by layer, the
        // weight from Tensor.Randn or Tensor.Uniform, then a TorchDefault layer's bias from Tensor.Uniform) through its
        // own convolution, and expects the same four stds to 1 part in 10,000.
        Tensor images = FashionMnist.LoadEmbedded().Normalize().Train.Images.Narrow(0, 0, 100).Reshape(100, 1, 28, 28);
        double[] expected = ReferenceLayerStds(images, scheme, new Rng(1));
        double[] actual = WhySqrt5.LayerStds(images, scheme, new Rng(1));
        string Show(double[] s) => $"[{string.Join(", ", s.Select(v => v.ToString("F4")))}]";
        Assert.That(actual, Is.EqualTo(expected).Within(0.01).Percent,
            $"{scheme}, seed 1: the std after each convolution (before its ReLU; none after the last) should be {Show(expected)}, got {Show(actual)}");
    }

    /// <summary>The four-layer stack of the README, drawn and run by the test itself.</summary>
    private static double[] ReferenceLayerStds(Tensor images, InitScheme scheme, Rng rng)
    {
        (int In, int Out, int Kernel, int Stride, int Padding)[] layers = [(1, 8, 5, 2, 2), (8, 16, 3, 2, 1), (16, 32, 3, 2, 1), (32, 1, 3, 2, 1)];
        var stds = new double[layers.Length];
        Tensor x = images;
        for (int i = 0; i < layers.Length; i++)
        {
            var (inputs, outputs, kernel, stride, padding) = layers[i];
            int fanIn = inputs * kernel * kernel;
            float bound = 1f / MathF.Sqrt(fanIn);
            Tensor weight = scheme == InitScheme.Kaiming
                ? Tensor.Randn(rng, outputs, inputs, kernel, kernel) * MathF.Sqrt(2f / fanIn)
                : Tensor.Uniform(rng, -bound, bound, outputs, inputs, kernel, kernel);
            Tensor? bias = scheme == InitScheme.Kaiming ? null : Tensor.Uniform(rng, -bound, bound, outputs);
            x = ConvReference.Conv(x, weight, bias, stride, padding);
            stds[i] = ConvReference.Std(x);
            if (i < layers.Length - 1) x = x.ClampMin(0f);
        }
        return stds;
    }

    [TestCase(1UL)]
    [TestCase(2UL)]
    [TestCase(3UL)]
    public void WhySqrt5_TheDefaultInitShrinksTheSignal_KaimingKeepsIt(ulong seed)
    {
        // 100 real images, as the notebook uses. Measured over seeds 1–6: the default's last std is
        // 0.015–0.031, Kaiming's 0.6–1.3 — a factor of 24 to 54. The bounds below leave room for any seed.
        Tensor images = FashionMnist.LoadEmbedded().Normalize().Train.Images.Narrow(0, 0, 100).Reshape(100, 1, 28, 28);
        double[] torch = WhySqrt5.LayerStds(images, InitScheme.TorchDefault, new Rng(seed));
        double[] kaiming = WhySqrt5.LayerStds(images, InitScheme.Kaiming, new Rng(seed));
        string report = $"seed {seed}: default [{string.Join(", ", torch.Select(s => s.ToString("F3")))}], " +
                        $"Kaiming [{string.Join(", ", kaiming.Select(s => s.ToString("F3")))}]";
        Assert.That(torch, Has.Length.EqualTo(4), "one std per convolution");
        for (int i = 1; i < 4; i++)
            Assert.That(torch[i], Is.LessThan(torch[i - 1] * 0.8), $"each default-initialised layer shrinks the signal further; {report}");
        Assert.That(torch[3], Is.LessThan(0.1), $"after four layers the default init leaves almost nothing; {report}");
        Assert.That(kaiming[3], Is.GreaterThan(0.3), $"Kaiming keeps the signal's scale; {report}");
        Assert.That(kaiming[3] / torch[3], Is.GreaterThan(10), $"an order of magnitude apart; {report}");
    }
}
