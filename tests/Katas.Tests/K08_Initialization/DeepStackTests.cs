using Foundations;
using Katas.Initialization;
using NUnit.Framework;

namespace KataTests.K08_Initialization;

/// <summary>
/// The chapter's experiments, seeded: 200 inputs of width 100 through 50 random 100×100 layers. Every tolerance below
/// was checked on seeds 1–8, 42 and 2024 (not only the one a test uses); the comment on each test gives the range seen
/// and the margin to its bound.
/// </summary>
[Category("K08")]
public class DeepStackTests
{
    private const int Depth = 50, Width = 100;
    private static readonly Func<Tensor, Tensor> Identity = x => x;
    private static readonly Func<Tensor, Tensor> Relu = x => x.ClampMin(0);

    private static WeightInit Scaled(float scale) => (shape, rng) => Tensor.Randn(rng, shape) * scale;
    private static readonly WeightInit Kaiming = (shape, rng) => Init.KaimingNormal(shape, 0, FanMode.FanIn, rng);

    [Test]
    public void Stats_GivesOneMeanAndStdPerLayer()
    {
        var stats = DeepStack.Stats(3, 10, Scaled(0.1f), Identity, new Rng(1), batch: 5);
        Assert.That(stats.Select(s => s.Layer), Is.EqualTo(new[] { 1, 2, 3 }), "one entry per layer, numbered from 1");
        Assert.That(stats.All(s => float.IsFinite(s.Mean) && s.Std > 0), Is.True, "a few well-scaled layers give finite, non-zero stats");
    }

    [Test]
    public void Stats_RejectsAZeroDepthAndAWeightOfTheWrongShape()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeepStack.Stats(0, 10, Scaled(1), Identity, new Rng(1)), "depth 0 has no layer to report");
        var error = Assert.Throws<ArgumentException>(() => DeepStack.Stats(2, 10, (_, rng) => Tensor.Randn(rng, 10, 9), Identity, new Rng(1)),
            "a weight that does not fit the width must be refused, not broadcast or truncated");
        Assert.That(error!.Message, Does.Contain("[10, 9]"), "the message names the shape that came back");
    }

    [Test]
    public void Stats_RejectsAZeroWidth_NamingIt()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DeepStack.Stats(2, 0, Scaled(1), Identity, new Rng(1)),
            "width 0: a layer with no units has no std to report");
        Assert.That(error!.ParamName, Is.EqualTo("width"), "the exception names the parameter that is wrong");
    }

    [Test]
    public void Stats_RejectsAZeroBatch_NamingIt()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DeepStack.Stats(2, 10, Scaled(1), Identity, new Rng(1), batch: 0),
            "batch 0: no inputs, no statistics");
        Assert.That(error!.ParamName, Is.EqualTo("batch"), "the exception names the parameter that is wrong");
    }

    [Test]
    public void OneLayerOfStandardNormalWeights_MultipliesTheStdByTen()
    {
        // The chapter: std goes from 1 to 10.1 after one layer, because each output sums 100 products of variance 1.
        // Seen: 9.84–10.18 over ten seeds; bound ±5 % (0.5) around √100.
        var first = DeepStack.Stats(1, Width, Scaled(1), Identity, new Rng(1))[0];
        Assert.That(first.Std, Is.EqualTo(10).Within(0.5), "std after x @ randn(100,100) should be √100 = 10");
    }

    [Test]
    public void FiftyLayersOfStandardNormalWeights_OverflowToNaN()
    {
        // ×10 per layer reaches float's 3.4e38 at layer ~38 (seen: 38 on all ten seeds; bound 30–45).
        var stats = DeepStack.Stats(Depth, Width, Scaled(1), Identity, new Rng(1));
        int firstNonFinite = Array.FindIndex(stats, s => !float.IsFinite(s.Std)) + 1;
        Assert.That(firstNonFinite, Is.InRange(30, 45), "the activations should overflow where 10^layer passes float's maximum (~3.4e38)");
        Assert.That(float.IsNaN(stats[^1].Mean), Is.True, $"after 50 layers the chapter gets nan everywhere; the mean is {stats[^1].Mean}");
    }

    [Test]
    public void FiftyLayersOfWeightsTimesOneHundredth_VanishToExactlyZero()
    {
        // ×0.1 per layer falls below float's smallest number (1.4e-45) at layer ~45 (seen: 45–46; 50 leaves 4 layers spare).
        var last = DeepStack.Stats(Depth, Width, Scaled(0.01f), Identity, new Rng(1))[^1];
        Assert.That((last.Mean, last.Std), Is.EqualTo((0f, 0f)), "after 50 layers of ×0.01 the chapter gets zeros everywhere");
    }

    [Test]
    public void FiftyLayersOfWeightsTimesOneTenth_KeepTheStdNearOne()
    {
        // 1/√n_in = 0.1 keeps the scale (the chapter ends at 0.70). Seen, over all 50 layers and ten seeds: 0.79–1.63.
        // Bound: every layer within [0.5, 2] — ×0.09 or ×0.11 instead of ×0.1 would leave it after 50 layers.
        var stats = DeepStack.Stats(Depth, Width, Scaled(0.1f), Identity, new Rng(2));
        Assert.That(stats.Select(s => s.Std), Is.All.InRange(0.5f, 2f), "Xavier's 1/√n_in should keep every layer's std near 1");
    }

    [Test]
    public void ReluWithOneOverSqrtN_CollapsesTowardsZero()
    {
        // ReLU halves E[x²] each layer: 2^-50 ≈ 1e-15 of the variance, a std ~1e-8 (the chapter's 1e-8 values).
        // Seen: first layer 0.57–0.59, last 6e-9–4e-8; bound 1e-6, 25× above the largest seen.
        var stats = DeepStack.Stats(Depth, Width, Scaled(0.1f), Relu, new Rng(3));
        Assert.That(stats[0].Std, Is.GreaterThan(0.5f), "one layer of Xavier + ReLU still has a std near 0.58");
        Assert.That(stats[^1].Std, Is.LessThan(1e-6f), "after 50 ReLU layers with 1/√n the activations should have collapsed");
    }

    [Test]
    public void KaimingPlusRelu_FirstLayerHasTheChaptersMeanAndStd()
    {
        // relu(N(0, 2)) has mean 1/√π ≈ 0.564 and std √(1 − 1/π) ≈ 0.826; the chapter prints 0.5661 and 0.8339.
        // Seen: mean 0.548–0.572, std 0.809–0.837; bound ±0.03 around the theory (0.016 and 0.017 the widest seen).
        var first = DeepStack.Stats(1, Width, Kaiming, Relu, new Rng(4))[0];
        Assert.That(first.Mean, Is.EqualTo(1 / Math.Sqrt(Math.PI)).Within(0.03), "Kaiming + ReLU mean after one layer");
        Assert.That(first.Std, Is.EqualTo(Math.Sqrt(1 - 1 / Math.PI)).Within(0.03), "Kaiming + ReLU std after one layer");
    }

    [Test]
    public void KaimingPlusRelu_KeepsFiftyLayersAlive()
    {
        // √(2/n_in) puts back what ReLU takes. Seen: every layer's std in 0.17–2.04 over ten seeds; bound [0.05, 20].
        var stats = DeepStack.Stats(Depth, Width, Kaiming, Relu, new Rng(5));
        Assert.That(stats.Select(s => s.Std), Is.All.InRange(0.05f, 20f), "with Kaiming init the ReLU activations neither vanish nor explode");
    }

    [Test]
    public void ReluMinusHalf_BringsTheMeanBackNearZero()
    {
        // ReLU's outputs are never negative, so their mean is ~0.56; subtracting 0.5 re-centres them.
        // Seen after one layer: 0.048–0.072; bound |mean| < 0.15 (plain ReLU: > 0.5).
        var shifted = DeepStack.Stats(1, Width, Kaiming, x => x.ClampMin(0) - 0.5f, new Rng(6))[0];
        var plain = DeepStack.Stats(1, Width, Kaiming, Relu, new Rng(6))[0];
        Assert.That(plain.Mean, Is.GreaterThan(0.5f), "plain ReLU after Kaiming has a mean near 0.56");
        Assert.That(Math.Abs(shifted.Mean), Is.LessThan(0.15f), "ReLU − 0.5 should bring the mean back near 0");
    }

    [Test]
    public void WhySqrt5_FourReluLayersWithPyTorchsDefaultShrinkTheStdAnOrderOfMagnitudeMoreThanKaiming()
    {
        // PyTorch's default std is 1/√(3·n_in): with ReLU each layer divides E[x²] by 6, so four layers divide the std by ~36.
        // (02a_why_sqrt5's conv stack: 0.0065 against 0.40.) Seen: ratio 31–52 over ten seeds; bound 10.
        var withDefault = DeepStack.Stats(4, Width, (s, r) => Init.TorchLinearDefault(s, r), Relu, new Rng(7))[^1];
        var withKaiming = DeepStack.Stats(4, Width, Kaiming, Relu, new Rng(7))[^1];
        Assert.That(withKaiming.Std / withDefault.Std, Is.GreaterThan(10),
            $"after four layers: default std {withDefault.Std:G3}, Kaiming std {withKaiming.Std:G3}");
    }

    [Test]
    public void RepeatedProductsOfA512Vector_GoNaNAfterAboutThirtyMultiplications()
    {
        // 02b_initializing: x = randn(512) multiplied by randn(512,512) matrices breaks after ~30 products (it prints
        // i = 28). Each product multiplies the std by √512 ≈ 22.6, which passes 3.4e38 after log(3.4e38)/log(22.6) ≈ 28.
        // Seen: 28–29 on ten seeds; bound 25–32.
        var stats = DeepStack.Stats(32, 512, Scaled(1), Identity, new Rng(8), batch: 1);
        int firstNonFinite = Array.FindIndex(stats, s => !float.IsFinite(s.Std)) + 1;
        Assert.That(firstNonFinite, Is.InRange(25, 32), "with width 512 the overflow comes after about 28 multiplications");
    }

    [Test]
    public void Stats_RejectsAWeightWithAnExtraDimension()
    {
        var error = Assert.Throws<ArgumentException>(() => DeepStack.Stats(2, 4, (_, rng) => Tensor.Randn(rng, 4, 4, 1), Identity, new Rng(1)),
            "weightInit returned [4, 4, 1] for a [4, 4] weight: the first two sizes fit, the rank does not");
        Assert.That(error!.Message, Does.Contain("[4, 4, 1]"), "the message names the shape that came back");
    }
}
