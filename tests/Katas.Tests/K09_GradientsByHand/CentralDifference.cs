using Foundations;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K09_GradientsByHand;

/// <summary>
/// Central differences done entirely in double: the values live in double arrays, are nudged by ±1e-6 exactly, and
/// the loss is recomputed in double, so the reference knows nothing of the chain rule and carries about 1e-9 of
/// error. (<see cref="NumericGradient"/> nudges float storage, where the step actually taken is fl(x + h) − x and
/// h = 1e-2 can step across a ReLU's kink; the tests here need neither compromise.)
/// </summary>
internal static class CentralDifference
{
    private const double Step = 1e-6;

    /// <summary>∂loss/∂values[i] for each i in <paramref name="indices"/> (every i when null); other entries are NaN.</summary>
    public static double[] Of(Func<double> loss, double[] values, IEnumerable<int>? indices = null)
    {
        var gradient = Enumerable.Repeat(double.NaN, values.Length).ToArray();
        foreach (int i in indices ?? Enumerable.Range(0, values.Length))
        {
            double saved = values[i];
            values[i] = saved + Step;
            double plus = loss();
            values[i] = saved - Step;
            double minus = loss();
            values[i] = saved;
            gradient[i] = (plus - minus) / (2 * Step);
        }
        return gradient;
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

    /// <summary>A float tensor holding exactly these (float-valued) doubles.</summary>
    public static Tensor ToTensor(double[] values, params int[] shape) =>
        Tensor.FromArray(values.Select(v => (float)v).ToArray(), shape);

    /// <summary>Seeded standard-normal numbers times <paramref name="scale"/>, drawn as floats so float and double agree exactly.</summary>
    public static double[] Randn(Rng rng, int count, float scale = 1f) =>
        (Tensor.Randn(rng, count) * scale).ToArray().Select(v => (double)v).ToArray();
}
