using Foundations;
using Katas.Elementwise;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.Hidden.K03_Elementwise;

/// <summary>Hidden (graded from the reference, not in the learner's release).</summary>
[Category("K03")]
[Category("Hidden")]
public class ElementwiseHiddenTests
{
    [Test]
    public void SumOfASum_IsTheSumOfTheSums_AndAMinusAIsZero()
    {
        Tensor a = TensorGen.Randn(301, 3, 4), b = TensorGen.Randn(302, 4, 3).T();
        Assert.That(Reductions.Item(Reductions.Sum(ElementwiseOps.Add(a, b))),
            Is.EqualTo(Reductions.Item(Reductions.Sum(a)) + Reductions.Item(Reductions.Sum(b))).Within(1e-4),
            "Σ(a + b) = Σa + Σb, also when b is a transposed view");
        Assert.That(Reductions.Item(Reductions.FrobeniusNorm(ElementwiseOps.Sub(b, b))), Is.EqualTo(0f), "b − b is all zeros, so its norm is 0");
    }
}
