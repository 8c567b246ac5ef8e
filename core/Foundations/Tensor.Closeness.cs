namespace Foundations;

// Comparing tensors with a tolerance: float results computed in a different order differ in the last bits.
public sealed partial class Tensor
{
    /// <summary>
    /// True when every element is within <c>atol + rtol·|other|</c> of <paramref name="other"/>'s
    /// (PyTorch's defaults: rtol 1e-5, atol 1e-8). NaNs are never close; an infinity is close only to itself. The shapes must be equal —
    /// unlike PyTorch this does not broadcast, so a shape bug cannot hide behind a passing check.
    /// </summary>
    public bool AllClose(Tensor other, double rtol = 1e-5, double atol = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!_shape.AsSpan().SequenceEqual(other._shape))
            throw new ArgumentException($"AllClose compares tensors of equal shape, but got {ShapeRules.Format(_shape)} and {ShapeRules.Format(other._shape)}");
        float[] x = ToArray(), y = other.ToArray();
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] == y[i]) continue; // also equal infinities
            if (!float.IsFinite(x[i]) || !float.IsFinite(y[i])) return false; // an infinity is close only to itself
            double diff = Math.Abs((double)x[i] - y[i]);
            if (!(diff <= atol + rtol * Math.Abs((double)y[i]))) return false; // written so NaN fails
        }
        return true;
    }

    /// <summary>fastai's <c>near</c>: <see cref="AllClose"/> with rtol 1e-3 and atol 1e-5, the tolerance
    /// for float32 results computed in a different order.</summary>
    public bool Near(Tensor other) => AllClose(other, rtol: 1e-3, atol: 1e-5);
}
