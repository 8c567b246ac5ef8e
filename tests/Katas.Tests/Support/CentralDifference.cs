using Foundations;
using NUnit.Framework;

namespace KataTests.Support;

/// <summary>
/// The one numeric gradient every gradient kata is checked against: ∂f/∂xᵢ ≈ (f(x⁺) − f(x⁻)) / (x⁺ − x⁻), with x
/// nudged by ±h in element i and the loss recomputed in double, so it knows nothing of the chain rule.
/// Two promises make it trustworthy:
/// <list type="bullet">
/// <item>Double precision. Values held in double (K09) are nudged by exactly ±1e-6; values held in a float
/// tensor (K10–K12) are nudged in their float storage, and the quotient divides by the step actually taken
/// (the difference of the two floats stored, exact in double), never by the h that was asked for.</item>
/// <item>No step across a kink. Where the derivative does not exist (ReLU at 0) a central difference measures
/// a blend of two slopes; the callers keep every input at least h away from a kink (or freeze which ReLU
/// units are active, as <see cref="ReferenceLoss.Mlp"/> does), and K09's net skips seeds that come too close.</item>
/// </list>
/// </summary>
public static class CentralDifference
{
    /// <summary>The step for values held in double: small enough for 1e-9 of truncation error, far above double's rounding.</summary>
    public const double DoubleStep = 1e-6;

    /// <summary>∂loss/∂values[i] for each i in <paramref name="indices"/> (every i when null); other entries are NaN.
    /// <paramref name="loss"/> reads <paramref name="values"/>, which are nudged in place and restored.</summary>
    public static double[] Of(Func<double> loss, double[] values, IEnumerable<int>? indices = null)
    {
        var gradient = Enumerable.Repeat(double.NaN, values.Length).ToArray();
        foreach (int i in indices ?? Enumerable.Range(0, values.Length))
            gradient[i] = Derivative(loss, values[i], DoubleStep, v => values[i] = v);
        return gradient;
    }

    /// <summary>
    /// The gradient of <paramref name="loss"/> with respect to every element of the float tensor <paramref name="x"/>,
    /// which <paramref name="loss"/> reads; its storage is nudged in place and restored. Float storage cannot hold
    /// x ± 1e-6 faithfully, so <paramref name="step"/> is larger (1e-3 for values of order 1) and the quotient uses
    /// the step the floats actually took.
    /// </summary>
    public static Tensor Of(Func<double> loss, Tensor x, double step)
    {
        if (!x.IsContiguous) throw new ArgumentException("CentralDifference needs a contiguous tensor to nudge");
        var gradient = new float[x.Numel];
        float[] storage = x.Storage;
        for (int i = 0; i < x.Numel; i++)
        {
            int at = x.Offset + i;
            gradient[i] = (float)Derivative(loss, storage[at], step, v => storage[at] = (float)v);
        }
        return Tensor.FromArray(gradient, [.. x.Shape]);
    }

    /// <summary>Fails unless <paramref name="grad"/> is set, has <paramref name="shape"/>, and is near the numeric gradient
    /// (fastai's rtol 1e-3, atol 1e-5) at every index where that gradient was computed.</summary>
    public static void AssertMatches(Tensor? grad, double[] numeric, int[] shape, string idea)
    {
        Assert.That(grad, Is.Not.Null, $"{idea}: Grad was not set");
        TensorAssert.HasShape(grad!, shape, idea);
        float[] actual = grad!.ToArray();
        for (int i = 0; i < numeric.Length; i++)
        {
            if (double.IsNaN(numeric[i])) continue;
            double difference = Math.Abs(actual[i] - numeric[i]);
            if (!(difference <= TensorAssert.Atol + TensorAssert.Rtol * Math.Abs(numeric[i])))
                Assert.Fail($"{idea}: element {TensorAssert.FormatIndex(i, shape)} is {actual[i]} but central differences give " +
                            $"{numeric[i]:G6} (difference {difference:G3}, rtol {TensorAssert.Rtol}, atol {TensorAssert.Atol})");
        }
    }

    /// <summary>One partial derivative. <paramref name="store"/> writes a value where the loss reads it and returns
    /// what was actually stored (a float slot rounds), so the quotient divides by the true distance.</summary>
    private static double Derivative(Func<double> loss, double saved, double step, Func<double, double> store)
    {
        double up = store(saved + step);
        double plus = loss();
        double down = store(saved - step);
        double minus = loss();
        store(saved);
        return (plus - minus) / (up - down);
    }
}
