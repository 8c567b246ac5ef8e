namespace Foundations;

/// <summary>
/// The running state of one reduction for one output element: it is shown the values along the reduced
/// dimension one at a time, in index order, and then gives its number. The reductions are structs used
/// through a generic constraint, so the JIT compiles one walk per reduction with <see cref="Add"/> inlined:
/// no delegate call per value.
/// </summary>
internal interface IRunReducer
{
    /// <summary>Takes the value at position <paramref name="index"/> (0, 1, 2… in order) along the reduced dimension.</summary>
    void Add(float value, int index);

    /// <summary>The reduced number, once all <paramref name="length"/> values have been added.</summary>
    float Result(int length);
}

/// <summary>Adds in double, so that a million float32 terms still add up to what a loop in double gives.</summary>
internal struct SumRun : IRunReducer
{
    public double Total;

    public void Add(float value, int index) => Total += value;

    public readonly float Result(int length) => (float)Total;
}

/// <summary>The sum in double divided by the count (0/0 = NaN for an empty run).</summary>
internal struct MeanRun : IRunReducer
{
    private double _total;

    public void Add(float value, int index) => _total += value;

    public readonly float Result(int length) => (float)(_total / length);
}

/// <summary>The second pass of a standard deviation: squared distances from a mean found by a <see cref="SumRun"/> pass.</summary>
internal struct SquaredDeviationRun(double mean, bool unbiased) : IRunReducer
{
    private double _squares;

    public void Add(float value, int index) => _squares += (value - mean) * (value - mean);

    public readonly float Result(int length)
    {
        int divisor = unbiased ? length - 1 : length;
        if (divisor <= 0) return float.NaN; // PyTorch gives nan for the std of one element
        return (float)Math.Sqrt(_squares / divisor);
    }
}

/// <summary>The largest (or smallest) value; a NaN anywhere makes the result NaN, as in PyTorch.</summary>
internal struct ExtremeRun(bool largest) : IRunReducer
{
    private float _best;
    private bool _sawNaN;

    public void Add(float value, int index)
    {
        if (index == 0) _best = value;
        if (float.IsNaN(value)) _sawNaN = true;
        else if (largest ? value > _best : value < _best) _best = value;
    }

    public readonly float Result(int length)
    {
        if (length == 0)
            throw new ArgumentException($"{(largest ? "Max" : "Min")} along a dimension of size 0: an empty row has no {(largest ? "largest" : "smallest")} element; pick a dimension that is not empty");
        return _sawNaN ? float.NaN : _best;
    }
}

/// <summary>The index of the first largest value; the first NaN counts as the largest, as in PyTorch.</summary>
internal struct ArgMaxRun : IRunReducer
{
    private int _best;
    private float _bestValue;
    private bool _foundNaN;

    public void Add(float value, int index)
    {
        if (_foundNaN) return;
        if (float.IsNaN(value)) { _foundNaN = true; _best = index; }
        else if (index == 0 || value > _bestValue) { _best = index; _bestValue = value; }
    }

    public readonly float Result(int length)
    {
        if (length == 0) throw new ArgumentException("ArgMax along a dimension of size 0: an empty row has no largest element; pick a dimension that is not empty");
        return _best;
    }
}
