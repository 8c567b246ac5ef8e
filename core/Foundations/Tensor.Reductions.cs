namespace Foundations;

// Reductions over all elements or along one dimension. Sums accumulate in double so that
// a million float32 terms still add up to what a loop in double would give.
public sealed partial class Tensor
{
    /// <summary>The sum of all elements, as a scalar tensor.</summary>
    public Tensor Sum() => Scalar((float)Sum(ToArray()));

    /// <summary>The sum along <paramref name="dim"/>; with <paramref name="keepDim"/> that dim stays with size 1.</summary>
    public Tensor Sum(int dim, bool keepDim = false) => Reduce(dim, keepDim, static v => (float)Sum(v));

    /// <summary>The mean of all elements.</summary>
    public Tensor Mean() => Scalar((float)(Sum(ToArray()) / CheckNotEmpty("Mean")));

    /// <summary>The mean along <paramref name="dim"/>.</summary>
    public Tensor Mean(int dim, bool keepDim = false) => Reduce(dim, keepDim, static v => (float)(Sum(v) / v.Length));

    /// <summary>The standard deviation of all elements; <paramref name="unbiased"/> divides by n−1 (PyTorch's default).</summary>
    public Tensor Std(bool unbiased = true) => Scalar(StandardDeviation(ToArray(), unbiased));

    /// <summary>The standard deviation along <paramref name="dim"/>.</summary>
    public Tensor Std(int dim, bool keepDim = false, bool unbiased = true) => Reduce(dim, keepDim, v => StandardDeviation(v, unbiased));

    /// <summary>The largest element.</summary>
    public Tensor Max() => Scalar(Extreme(ToArray(), CheckNotEmpty("Max"), largest: true));

    /// <summary>The largest element along <paramref name="dim"/>.</summary>
    public Tensor Max(int dim, bool keepDim = false) => Reduce(dim, keepDim, static v => Extreme(v, v.Length, largest: true));

    /// <summary>The smallest element.</summary>
    public Tensor Min() => Scalar(Extreme(ToArray(), CheckNotEmpty("Min"), largest: false));

    /// <summary>The smallest element along <paramref name="dim"/>.</summary>
    public Tensor Min(int dim, bool keepDim = false) => Reduce(dim, keepDim, static v => Extreme(v, v.Length, largest: false));

    /// <summary>The index of the largest element along <paramref name="dim"/> (the first one on ties; a NaN counts
    /// as the largest, as in PyTorch), as floats.</summary>
    public Tensor ArgMax(int dim, bool keepDim = false) => Reduce(dim, keepDim, static v =>
    {
        if (v.Length == 0) throw new ArgumentException("ArgMax along a dimension of size 0: an empty row has no largest element; pick a dimension that is not empty");
        int best = 0;
        for (int i = 0; i < v.Length; i++)
        {
            if (float.IsNaN(v[i])) return i;
            if (v[i] > v[best]) best = i;
        }
        return best;
    });

    /// <summary>True when every element is non-zero (an empty tensor counts as all).</summary>
    public bool All() => ToArray().All(static x => x != 0);

    /// <summary>True when some element is non-zero.</summary>
    public bool Any() => ToArray().Any(static x => x != 0);

    /// <summary>The one number in a tensor with a single element (a scalar, or shape [1], [1, 1]…).</summary>
    public float Item()
    {
        if (Numel != 1)
            throw new InvalidOperationException($"a Tensor with {Numel} elements cannot be converted to Scalar (shape {ShapeRules.Format(_shape)})");
        return _storage[_offset];
    }

    private int CheckNotEmpty(string op)
    {
        if (Numel == 0)
            throw new InvalidOperationException(
                $"{op} of an empty tensor (shape {ShapeRules.Format(_shape)}, 0 elements) has no value; reduce along a non-empty dimension instead, {op}(dim)");
        return Numel;
    }

    /// <summary>Reduces one run of values (a slice of a larger array, never a copy) to one number.</summary>
    private delegate float RunReducer(ReadOnlySpan<float> run);

    /// <summary>Moves <paramref name="dim"/> last, then reduces each contiguous run of it to one number, in place.</summary>
    private Tensor Reduce(int dim, bool keepDim, RunReducer reduce)
    {
        dim = ShapeRules.NormalizeDim(dim, Rank);
        if (Rank == 0) return Scalar(reduce([Item()]));
        var order = Enumerable.Range(0, Rank).Where(d => d != dim).Append(dim).ToArray();
        float[] values = Permute(order).ToArray();
        int length = _shape[dim];
        int count = length == 0 ? ShapeRules.Product(Without(_shape, dim)) : values.Length / length;
        var reduced = new float[count];
        for (int i = 0; i < count; i++) reduced[i] = reduce(values.AsSpan(i * length, length));
        int[] shape = keepDim ? _shape.Select((s, d) => d == dim ? 1 : s).ToArray() : Without(_shape, dim);
        return FromArray(reduced, shape);
    }

    private static double Sum(ReadOnlySpan<float> values)
    {
        double total = 0;
        foreach (float v in values) total += v;
        return total;
    }

    private static float StandardDeviation(ReadOnlySpan<float> values, bool unbiased)
    {
        int n = values.Length;
        int divisor = unbiased ? n - 1 : n;
        if (divisor <= 0) return float.NaN; // PyTorch gives nan for the std of one element
        double mean = Sum(values) / n;
        double squares = 0;
        foreach (float v in values) squares += (v - mean) * (v - mean);
        return (float)Math.Sqrt(squares / divisor);
    }

    private static float Extreme(ReadOnlySpan<float> values, int n, bool largest)
    {
        if (n == 0) throw new ArgumentException($"{(largest ? "Max" : "Min")} along a dimension of size 0: an empty row has no {(largest ? "largest" : "smallest")} element; pick a dimension that is not empty");
        float best = values[0];
        foreach (float v in values)
        {
            if (float.IsNaN(v)) return float.NaN; // NaN wins, as in PyTorch
            if (largest ? v > best : v < best) best = v;
        }
        return best;
    }
}
