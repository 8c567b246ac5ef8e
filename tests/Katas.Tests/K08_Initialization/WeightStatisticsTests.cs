using FsCheck;
using FsCheck.Fluent;
using Foundations;
using Katas.Initialization;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K08_Initialization;

/// <summary>
/// Each initialization draws numbers whose empirical std matches its formula. With N = 256·512 = 131 072 samples the
/// sample std of a normal is within about 1/√(2N) ≈ 0.2 % of the true one (a uniform's even closer), so a 2 %
/// tolerance is ten standard errors wide: it catches a wrong formula (√2, √3 or a swapped fan are 40 %+ off) and
/// never fails on noise.
/// </summary>
[Category("K08")]
public class WeightStatisticsTests
{
    private const double Tolerance = 0.02;
    private static readonly int[] Shape = [256, 512]; // fan_in 512, fan_out 256

    [TestCase(FanMode.FanIn, 512)]
    [TestCase(FanMode.FanOut, 256)]
    public void KaimingNormal_HasStdSqrtTwoOverFan(FanMode mode, int fan)
    {
        var w = Init.KaimingNormal(Shape, 0, mode, new Rng(1));
        AssertMoments(w, Math.Sqrt(2.0 / fan), $"Kaiming normal ({mode}): std = √(2/{fan})");
    }

    [Test]
    public void KaimingNormal_WithANonlinearity_UsesItsGain()
    {
        var w = Init.KaimingNormal(Shape, 0, FanMode.FanIn, new Rng(2), Nonlinearity.Tanh);
        AssertMoments(w, 5.0 / 3.0 / Math.Sqrt(512), "Kaiming normal for tanh: std = (5/3)/√fan_in");
    }

    [Test]
    public void KaimingUniform_StaysInsideItsBoundAndHasTheSameStdAsTheNormal()
    {
        var w = Init.KaimingUniform(Shape, 0, FanMode.FanIn, new Rng(3));
        double bound = Math.Sqrt(2.0) * Math.Sqrt(3.0 / 512);
        AssertInside(w, bound, "Kaiming uniform: bound = gain·√(3/fan_in)");
        AssertMoments(w, bound / Math.Sqrt(3), "Kaiming uniform: U(−b, b) has std b/√3 = √(2/fan_in)");
    }

    [Test]
    public void KaimingNormal_WithALeakySlope_UsesItsGain()
    {
        var w = Init.KaimingNormal(Shape, 0.5, FanMode.FanIn, new Rng(11));
        AssertMoments(w, Math.Sqrt(2.0 / (1 + 0.25)) / Math.Sqrt(512), "Kaiming normal, leaky ReLU with a = 0.5: std = √(2/(1+a²))/√fan_in");
    }

    [Test]
    public void KaimingUniform_InFanOutMode_UsesFanOut()
    {
        var w = Init.KaimingUniform(Shape, 0, FanMode.FanOut, new Rng(12));
        double bound = Math.Sqrt(2.0) * Math.Sqrt(3.0 / 256);
        AssertMoments(w, bound / Math.Sqrt(3), "Kaiming uniform (FanOut) of a [256, 512] weight: bound = √2·√(3/fan_out), fan_out = 256");
        AssertInside(w, bound, "Kaiming uniform (FanOut): bound = √2·√(3/256)");
    }

    [Test]
    public void KaimingUniform_WithANonlinearity_UsesItsGain()
    {
        var w = Init.KaimingUniform(Shape, 0, FanMode.FanIn, new Rng(13), Nonlinearity.Tanh);
        double bound = 5.0 / 3.0 * Math.Sqrt(3.0 / 512);
        AssertMoments(w, bound / Math.Sqrt(3), "Kaiming uniform for tanh: bound = (5/3)·√(3/fan_in), std = (5/3)/√fan_in");
        AssertInside(w, bound, "Kaiming uniform for tanh: bound = (5/3)·√(3/512)");
    }

    [Test]
    public void XavierNormal_ScalesByItsGain()
    {
        var w = Init.XavierNormal(Shape, 5.0 / 3.0, new Rng(14));
        AssertMoments(w, 5.0 / 3.0 * Math.Sqrt(2.0 / (512 + 256)), "Xavier normal with gain 5/3 (tanh): std = (5/3)·√(2/(fan_in + fan_out))");
    }

    [Test]
    public void XavierNormal_HasStdGainTimesSqrtTwoOverFanInPlusFanOut()
    {
        var w = Init.XavierNormal(Shape, 1.0, new Rng(4));
        AssertMoments(w, Math.Sqrt(2.0 / (512 + 256)), "Xavier normal: std = √(2/(fan_in + fan_out))");
    }

    [Test]
    public void XavierUniform_StaysInsideItsBound()
    {
        var w = Init.XavierUniform(Shape, 5.0 / 3.0, new Rng(5));
        double bound = 5.0 / 3.0 * Math.Sqrt(6.0 / (512 + 256));
        AssertInside(w, bound, "Xavier uniform: bound = gain·√(6/(fan_in + fan_out))");
        AssertMoments(w, bound / Math.Sqrt(3), "Xavier uniform: std = bound/√3");
    }

    [Test]
    public void TorchLinearDefault_IsUniformWithBoundOneOverSqrtFanIn()
    {
        var w = Init.TorchLinearDefault(Shape, new Rng(6));
        double bound = 1 / Math.Sqrt(512); // gain(√5)·√(3/fan_in) = √(1/3)·√(3/fan_in)
        AssertInside(w, bound, "kaiming_uniform with a = √5 is U(−1/√fan_in, 1/√fan_in)");
        AssertMoments(w, bound / Math.Sqrt(3), "PyTorch's default std 1/√(3·fan_in) — √6 smaller than ReLU needs");
    }

    [Test]
    public void Initializations_AreSeeded()
    {
        float[] first = Init.KaimingNormal([30, 20], 0, FanMode.FanIn, new Rng(7)).ToArray();
        float[] again = Init.KaimingNormal([30, 20], 0, FanMode.FanIn, new Rng(7)).ToArray();
        float[] other = Init.KaimingNormal([30, 20], 0, FanMode.FanIn, new Rng(8)).ToArray();
        Assert.That(again, Is.EqualTo(first), "the same seed must give the same weights (draw them from the Rng you are given)");
        Assert.That(other, Is.Not.EqualTo(first), "another seed must give other weights");
    }

    [PropertyTest("Uniform initializations return the requested shape, use the right fans and stay inside their bound.", MaxTest = 50)]
    public Property UniformInits_KeepTheShapeAndTheBound_ForAnyConvShape()
    {
        var cases = (from rank in Gen.Choose(2, 4) from sizes in Gen.ArrayOf(TensorGen.Size(6), 4) from seed in Gen.Choose(0, 100_000)
                     select (shape: sizes[..rank], seed)).ToArbitrary();
        return Prop.ForAll(cases, c =>
        {
            var (fanIn, fanOut) = Init.FanInAndFanOut(c.shape);
            int receptive = c.shape.Skip(2).Aggregate(1, (p, s) => p * s);
            Assert.That((fanIn, fanOut), Is.EqualTo((c.shape[1] * receptive, c.shape[0] * receptive)),
                $"fans of [{string.Join(", ", c.shape)}]");
            var kaiming = Init.KaimingUniform(c.shape, 0, FanMode.FanIn, new Rng((ulong)c.seed));
            TensorAssert.HasShape(kaiming, c.shape, "an initialization returns a tensor of the shape it was asked for");
            AssertInside(kaiming, Math.Sqrt(6.0 / fanIn), $"Kaiming uniform bound for [{string.Join(", ", c.shape)}], seed {c.seed}");
            var xavier = Init.XavierUniform(c.shape, 1, new Rng((ulong)c.seed));
            TensorAssert.HasShape(xavier, c.shape, "an initialization returns a tensor of the shape it was asked for");
            AssertInside(xavier, Math.Sqrt(6.0 / (fanIn + fanOut)), $"Xavier uniform bound for [{string.Join(", ", c.shape)}], seed {c.seed}");
        });
    }

    private static void AssertMoments(Tensor w, double expectedStd, string idea)
    {
        TensorAssert.HasShape(w, Shape, idea);
        double std = w.Std().Item(), mean = w.Mean().Item();
        Assert.That(std, Is.EqualTo(expectedStd).Within(Tolerance * expectedStd), $"{idea}: expected std {expectedStd:G4} ± 2 %");
        // The mean of N draws has a standard error of std/√N ≈ 0.003·std: 0.02·std is about seven of them.
        Assert.That(Math.Abs(mean), Is.LessThan(Tolerance * expectedStd), $"{idea}: the weights should be centred on 0");
    }

    private static void AssertInside(Tensor w, double bound, string idea)
    {
        float largest = w.Abs().Max().Item();
        Assert.That(largest, Is.LessThanOrEqualTo(bound * (1 + 1e-6)), $"{idea}: every |w| ≤ {bound:G4}");
    }
}
