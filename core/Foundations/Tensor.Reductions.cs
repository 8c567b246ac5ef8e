namespace Foundations;

// Reductions over all elements or along one dimension. Sums accumulate in double so that
// a million float32 terms still add up to what a loop in double would give.
public sealed partial class Tensor
{
    /// <summary>The sum of all elements, as a scalar tensor.</summary>
    public Tensor Sum() => Scalar((float)Sum(InRowMajorOrder()));

    /// <summary>The sum along <paramref name="dim"/>; with <paramref name="keepDim"/> that dim stays with size 1.</summary>
    public Tensor Sum(int dim, bool keepDim = false) => Reduce(dim, keepDim, new SumRun());

    /// <summary>The mean of all elements.</summary>
    public Tensor Mean() => Scalar((float)(Sum(InRowMajorOrder()) / CheckNotEmpty("Mean")));

    /// <summary>The mean along <paramref name="dim"/>.</summary>
    public Tensor Mean(int dim, bool keepDim = false) => Reduce(dim, keepDim, new MeanRun());

    /// <summary>The standard deviation of all elements; <paramref name="unbiased"/> divides by n−1 (PyTorch's default).</summary>
    public Tensor Std(bool unbiased = true) => Scalar(StandardDeviation(InRowMajorOrder(), unbiased));

    /// <summary>The standard deviation along <paramref name="dim"/>.</summary>
    public Tensor Std(int dim, bool keepDim = false, bool unbiased = true)
    {
        dim = ShapeRules.NormalizeDim(dim, Rank);
        if (Rank == 0) return Scalar(StandardDeviation([Item()], unbiased));
        // Two passes over the tensor, as over a single run: the means first, then the squared distances from them.
        var sums = new SumRun[ReducedCount(dim)];
        AddAlong(dim, sums);
        var deviations = new SquaredDeviationRun[sums.Length];
        for (int i = 0; i < sums.Length; i++) deviations[i] = new SquaredDeviationRun(sums[i].Total / _shape[dim], unbiased);
        AddAlong(dim, deviations);
        return Results(dim, keepDim, deviations);
    }

    /// <summary>The largest element.</summary>
    public Tensor Max() => Scalar(Extreme(InRowMajorOrder(), CheckNotEmpty("Max"), largest: true));

    /// <summary>The largest element along <paramref name="dim"/>.</summary>
    public Tensor Max(int dim, bool keepDim = false) => Reduce(dim, keepDim, new ExtremeRun(largest: true));

    /// <summary>The smallest element.</summary>
    public Tensor Min() => Scalar(Extreme(InRowMajorOrder(), CheckNotEmpty("Min"), largest: false));

    /// <summary>The smallest element along <paramref name="dim"/>.</summary>
    public Tensor Min(int dim, bool keepDim = false) => Reduce(dim, keepDim, new ExtremeRun(largest: false));

    /// <summary>The index of the largest element along <paramref name="dim"/> (the first one on ties; a NaN counts
    /// as the largest, as in PyTorch), as floats.</summary>
    public Tensor ArgMax(int dim, bool keepDim = false) => Reduce(dim, keepDim, new ArgMaxRun());

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

    /// <summary>Reduces along <paramref name="dim"/>: each output element has its own copy of <paramref name="start"/>,
    /// which is shown the values along <paramref name="dim"/> in order, read where they lie in storage.</summary>
    private Tensor Reduce<TRun>(int dim, bool keepDim, TRun start) where TRun : struct, IRunReducer
    {
        dim = ShapeRules.NormalizeDim(dim, Rank);
        if (Rank == 0)
        {
            start.Add(Item(), 0);
            return Scalar(start.Result(1));
        }
        var runs = new TRun[ReducedCount(dim)];
        Array.Fill(runs, start);
        AddAlong(dim, runs);
        return Results(dim, keepDim, runs);
    }

    /// <summary>How many numbers a reduction along <paramref name="dim"/> gives: the product of the other sizes.</summary>
    private int ReducedCount(int dim) => ShapeRules.Product(Without(_shape, dim));

    /// <summary>
    /// Shows every element to the run of its output position, in index order along <paramref name="dim"/>. The tensor
    /// is read in place: its dims split into outer ones (before <paramref name="dim"/>), <paramref name="dim"/> and inner
    /// ones (after it); the outputs are laid out outer-major, so the runs of one outer position are one block, and the
    /// walk steps along <paramref name="dim"/> while sweeping that block, which keeps it in cache.
    /// </summary>
    private void AddAlong<TRun>(int dim, TRun[] runs) where TRun : struct, IRunReducer
    {
        int length = _shape[dim], step = _strides[dim];
        int[] innerShape = _shape[(dim + 1)..], innerStrides = _strides[(dim + 1)..];
        int innerCount = ShapeRules.Product(innerShape);
        var innerOffsets = new int[innerCount];   // where each inner element sits, relative to its (outer, j) corner
        int n = 0;
        foreach (int offset in StridedOffsets.Of(innerShape, innerStrides, 0)) innerOffsets[n++] = offset;

        int first = 0;   // the first run of the current outer position
        foreach (int corner in StridedOffsets.Of(_shape[..dim], _strides[..dim], _offset))
        {
            if (innerCount == 1)
            {
                // Nothing after dim (or only sizes of 1): the run is one strided line of storage. A local copy
                // of the run keeps its state in registers for the loop.
                TRun run = runs[first];
                int at = corner + innerOffsets[0];
                for (int j = 0; j < length; j++, at += step) run.Add(_storage[at], j);
                runs[first] = run;
            }
            else
            {
                Span<TRun> block = runs.AsSpan(first, innerCount);
                for (int j = 0; j < length; j++)
                {
                    int at = corner + j * step;
                    for (int i = 0; i < block.Length; i++) block[i].Add(_storage[at + innerOffsets[i]], j);
                }
            }
            first += innerCount;
        }
    }

    /// <summary>The runs' numbers as a tensor: the shape without <paramref name="dim"/>, or with it at size 1.</summary>
    private Tensor Results<TRun>(int dim, bool keepDim, TRun[] runs) where TRun : struct, IRunReducer
    {
        int length = _shape[dim];
        var reduced = new float[runs.Length];
        for (int i = 0; i < runs.Length; i++) reduced[i] = runs[i].Result(length);
        int[] shape = keepDim ? _shape.Select((s, d) => d == dim ? 1 : s).ToArray() : Without(_shape, dim);
        return new Tensor(reduced, shape, ShapeRules.ContiguousStrides(shape), 0);
    }

    /// <summary>All elements in row-major order: the storage itself when the tensor is contiguous, else a copy.</summary>
    private ReadOnlySpan<float> InRowMajorOrder() => IsContiguous ? _storage.AsSpan(_offset, Numel) : ToArray();

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
