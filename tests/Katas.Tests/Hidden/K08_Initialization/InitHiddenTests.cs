using Foundations;
using Katas.Initialization;
using NUnit.Framework;

namespace KataTests.Hidden.K08_Initialization;

/// <summary>Hidden (graded from the reference, not in the learner's release).</summary>
[Category("K08")]
[Category("Hidden")]
public class InitHiddenTests
{
    [Test]
    public void XavierUniform_HasTheStdOfXavierNormal()
    {
        // Glorot: std = gain·√(2 / (fan_in + fan_out)) = √(2/500) ≈ 0.0632 for a 200×300 weight; a uniform on
        // [−a, a] has std a/√3, so its bound is √3 times that. 60,000 samples put the estimate within ~0.5%.
        double expected = Math.Sqrt(2.0 / 500);
        float normal = Init.XavierNormal([200, 300], 1.0, new Rng(801)).Std().Item();
        float uniform = Init.XavierUniform([200, 300], 1.0, new Rng(802)).Std().Item();
        Assert.That(normal, Is.EqualTo(expected).Within(3).Percent, "Xavier normal: std = √(2 / (fan_in + fan_out))");
        Assert.That(uniform, Is.EqualTo(expected).Within(3).Percent, "Xavier uniform keeps the same std: bound = √3 · std");
    }
}
