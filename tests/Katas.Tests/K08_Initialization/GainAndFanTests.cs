using Foundations;
using Katas.Initialization;
using NUnit.Framework;

namespace KataTests.K08_Initialization;

[Category("K08")]
public class GainAndFanTests
{
    [TestCase(Nonlinearity.Linear, null, 1.0)]
    [TestCase(Nonlinearity.Conv2d, null, 1.0)]
    [TestCase(Nonlinearity.ConvTranspose3d, null, 1.0)]
    [TestCase(Nonlinearity.Sigmoid, null, 1.0)]
    [TestCase(Nonlinearity.Tanh, null, 5.0 / 3.0)]
    [TestCase(Nonlinearity.Relu, null, 1.4142135623730951)]
    [TestCase(Nonlinearity.LeakyRelu, null, 1.4141428569978354)] // the default slope 0.01
    [TestCase(Nonlinearity.LeakyRelu, 0.0, 1.4142135623730951)]  // slope 0 is ReLU
    [TestCase(Nonlinearity.LeakyRelu, 1.0, 1.0)]                 // slope 1 is the identity
    [TestCase(Nonlinearity.LeakyRelu, 2.2360679774997898, 0.5773502691896257)] // a = √5, PyTorch's default: 1/√3
    [TestCase(Nonlinearity.Selu, null, 0.75)]
    public void CalculateGain_GivesPyTorchsGain(Nonlinearity nonlinearity, double? param, double expected)
    {
        Assert.That(Init.CalculateGain(nonlinearity, param), Is.EqualTo(expected).Within(1e-12),
            $"the gain of {nonlinearity} (param {param?.ToString() ?? "none"}); leaky ReLU's is √(2/(1+a²))");
    }

    [Test]
    public void CalculateGain_OfAnUnknownNonlinearity_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => Init.CalculateGain((Nonlinearity)42),
            "an enum can hold any integer; a value with no gain must not get a made-up one");
        Assert.That(error!.Message, Does.Contain("Unsupported nonlinearity").And.Contain("42"), "PyTorch's wording, with the value");
    }

    [Test]
    public void CalculateGain_WithASlopeThatIsNotANumber_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Init.CalculateGain(Nonlinearity.LeakyRelu, double.NaN),
            "a NaN slope would silently give a NaN gain");
        Assert.That(error!.Message, Does.Contain("negative_slope"), "PyTorch's wording names the parameter");
    }

    [TestCase(double.PositiveInfinity)]
    [TestCase(double.NegativeInfinity)]
    public void CalculateGain_WithAnInfiniteSlope_Throws(double slope)
    {
        var error = Assert.Throws<ArgumentException>(() => Init.CalculateGain(Nonlinearity.LeakyRelu, slope),
            $"slope {slope} is not a finite number: √(2/(1+a²)) would silently be 0");
        Assert.That(error!.Message, Does.Contain("negative_slope"), "PyTorch's wording names the parameter");
    }

    [Test]
    public void FanInAndFanOut_OfAConvWeight_MultipliesByTheReceptiveField()
    {
        // 02a_why_sqrt5: nn.Conv2d(1, 32, 5) has weight [32, 1, 5, 5]; receptive field 5·5 = 25.
        Assert.That(Init.FanInAndFanOut([32, 1, 5, 5]), Is.EqualTo((25, 800)),
            "fan_in = in·receptive field = 1·25, fan_out = out·receptive field = 32·25");
    }

    [Test]
    public void FanInAndFanOut_OfALinearWeight_ReadsPyTorchsOutByInLayout()
    {
        // nn.Linear(100, 50) stores its weight as [50, 100]: 100 inputs feed each of 50 outputs.
        Assert.That(Init.FanInAndFanOut([50, 100]), Is.EqualTo((100, 50)), "shape [out, in] gives (fan_in, fan_out) = (in, out)");
    }

    [TestCase(new int[0])]
    [TestCase(new[] { 7 })]
    public void FanInAndFanOut_WithFewerThanTwoDimensions_Throws(int[] shape)
    {
        var error = Assert.Throws<ArgumentException>(() => Init.FanInAndFanOut(shape),
            "a vector (e.g. a bias) has no inputs-per-output to count");
        Assert.That(error!.Message, Does.Contain("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions"),
            "PyTorch's wording");
    }

    [Test]
    public void Kaiming_WithAnUnknownFanMode_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => Init.KaimingNormal([2, 3], 0, (FanMode)7, new Rng(1)),
            "an enum can hold any integer; only FanIn and FanOut pick a fan");
        Assert.That(error!.Message, Does.Contain("7"), "the message names the mode it got");
    }
}
