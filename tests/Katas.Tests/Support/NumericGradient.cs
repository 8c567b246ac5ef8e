using Foundations;

namespace KataTests.Support;

/// <summary>
/// Central differences in double precision: ∂f/∂xᵢ ≈ (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h. The gradient katas
/// are checked against this, which knows nothing of the chain rule.
/// </summary>
public static class NumericGradient
{
    /// <summary>The gradient of a scalar function <paramref name="loss"/> with respect to every element of
    /// <paramref name="x"/>. <paramref name="loss"/> reads x's storage, which is nudged in place and restored.</summary>
    public static Tensor Of(Func<double> loss, Tensor x, double h = 1e-2)
    {
        if (!x.IsContiguous) throw new ArgumentException("NumericGradient needs a contiguous tensor to nudge");
        var gradient = new float[x.Numel];
        float[] storage = x.Storage;
        for (int i = 0; i < x.Numel; i++)
        {
            int at = x.Offset + i;
            float saved = storage[at];
            storage[at] = (float)(saved + h);
            double plus = loss();
            storage[at] = (float)(saved - h);
            double minus = loss();
            storage[at] = saved;
            gradient[i] = (float)((plus - minus) / (2 * h));
        }
        return Tensor.FromArray(gradient, [.. x.Shape]);
    }

    /// <summary>Mean squared error in double, a loss for checks whose result does not go through float sums.</summary>
    public static double Mse(Tensor output, Tensor target)
    {
        float[] o = output.ToArray(), t = target.ToArray();
        double total = 0;
        for (int i = 0; i < o.Length; i++) total += ((double)o[i] - t[i]) * ((double)o[i] - t[i]);
        return total / o.Length;
    }
}
