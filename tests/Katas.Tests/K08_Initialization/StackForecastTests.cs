using Foundations;
using Katas.Initialization;
using NUnit.Framework;

namespace KataTests.K08_Initialization;

/// <summary>
/// Question 28 (the downside of a std far from 1), answered with numbers: the layer at which a stack leaves float32's range
/// is predicted from the scale and the width alone, then measured with your <see cref="DeepStack"/>.
/// </summary>
[Category("K08")]
public class StackForecastTests
{
    private static WeightInit Scaled(float scale) => (shape, rng) => Tensor.Randn(rng, shape) * scale;

    /// <summary>The first layer whose std is ∞/NaN (overflow) or exactly 0 (underflow), or 0 if none is.</summary>
    private static int MeasuredBrokenLayer(float scale, int width, int depth, int batch, ulong seed)
    {
        var stats = DeepStack.Stats(depth, width, Scaled(scale), x => x, new Rng(seed), batch);
        return Array.FindIndex(stats, s => !float.IsFinite(s.Std) || s.Std == 0) + 1;
    }

    [TestCase(1f, 100, 39)]     // g = 10: the chapter's randn stack
    [TestCase(0.01f, 100, 45)]  // g = 0.1: the chapter's ×0.01 stack
    [TestCase(1f, 512, 29)]     // g = √512 ≈ 22.6: 02b_initializing's vector
    [TestCase(0.5f, 100, 56)]   // g = 5
    [TestCase(0.04f, 100, 113)] // g = 0.4
    public void Forecast_IsLogOfTheFloatLimitOverLogOfScaleTimesSqrtWidth(float scale, int width, int expected) =>
        Assert.That(StackForecast.FirstBrokenLayer(scale, width), Is.EqualTo(expected),
            $"g = {scale}·√{width}; the first L with g^L beyond float's range (3.4e38 up, 1.4e-45 down)");

    [Test]
    public void ScaleOneOverSqrtWidth_NeverBreaks()
    {
        Assert.That(StackForecast.FirstBrokenLayer(0.1, 100), Is.Null, "g = 0.1·√100 = 1: the std stays at 1 however deep the stack");
        Assert.That(StackForecast.FirstBrokenLayer(0.1 * 1.0000001, 100), Is.Null, "a limit millions of layers away is 'never'");
    }

    // Measured with seeds 1–3 (run against the solutions): the stack breaks at most 3 layers before the forecast and never after
    // it. Before, because the forecast follows the std: the largest of the batch's numbers is a few std above it and
    // overflows a layer early, and each product x·w (std g^L/√width) rounds to 0 before their sum does.
    [TestCase(1f, 100, 50, 200)]
    [TestCase(0.01f, 100, 50, 200)]
    [TestCase(1f, 512, 32, 1)]
    [TestCase(0.5f, 100, 60, 200)]
    [TestCase(0.04f, 100, 125, 200)]
    public void Forecast_MatchesTheMeasuredStack_WithinThreeLayersEarly(float scale, int width, int depth, int batch)
    {
        int forecast = StackForecast.FirstBrokenLayer(scale, width) ?? 0;
        for (ulong seed = 1; seed <= 3; seed++)
        {
            int measured = MeasuredBrokenLayer(scale, width, depth, batch, seed);
            TestContext.Out.WriteLine($"scale {scale}, width {width}, seed {seed}: forecast {forecast}, measured {measured}");
            Assert.That(measured, Is.InRange(forecast - 3, forecast),
                $"scale {scale}, width {width}, seed {seed}: forecast layer {forecast}, your DeepStack broke at layer {measured} (0 = never)");
        }
    }

    [Test]
    public void BadScalesAndWidths_ThrowNamingTheValue()
    {
        foreach (double scale in new[] { 0.0, -1.0, double.NaN, double.PositiveInfinity })
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => StackForecast.FirstBrokenLayer(scale, 100), $"scale {scale}");
            Assert.That(error!.Message, Does.Contain(scale.ToString()), "the message names the scale");
        }
        var widthError = Assert.Throws<ArgumentOutOfRangeException>(() => StackForecast.FirstBrokenLayer(1, 0));
        Assert.That(widthError!.Message, Does.Contain("0"));
    }

    [Test]
    public void AWidthOfOne_IsAStackToo()
    {
        Assert.That(StackForecast.FirstBrokenLayer(10, 1), Is.EqualTo(39),
            "width 1, scale 10: g = 10, and 10^39 is the first power above float.MaxValue ≈ 3.4e38");
    }

    [Test]
    public void ALimitReachedExactlyAtMaxLayers_IsStillForecast()
    {
        // ln g chosen so that ln(float.MaxValue) / ln g = MaxLayers − ½: the stack overflows at layer MaxLayers itself.
        double scale = Math.Exp(Math.Log(float.MaxValue) / (StackForecast.MaxLayers - 0.5));
        Assert.That(StackForecast.FirstBrokenLayer(scale, 1), Is.EqualTo(StackForecast.MaxLayers),
            $"scale {scale}, width 1: the first broken layer is {StackForecast.MaxLayers}; only a layer beyond MaxLayers is 'never' (null)");
    }
}
