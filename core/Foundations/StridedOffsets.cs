namespace Foundations;

/// <summary>
/// Walks the storage offsets of a strided layout in row-major order, like an odometer:
/// the last index turns fastest, and each carry moves the offset by whole strides.
/// </summary>
internal struct StridedOffsets
{
    private readonly int[] _shape;
    private readonly int[] _strides;
    private int[]? _index; // allocated by the first MoveNext, so every copy (each foreach) starts afresh
    private int _remaining;

    private StridedOffsets(int[] shape, int[] strides, int offset)
    {
        _shape = shape;
        _strides = strides;
        _index = null;
        _remaining = ShapeRules.Product(shape);
        Current = offset;
        _started = false;
    }

    private bool _started;

    public static StridedOffsets Of(int[] shape, int[] strides, int offset) => new(shape, strides, offset);

    public readonly StridedOffsets GetEnumerator() => this;

    public int Current { get; private set; }

    public bool MoveNext()
    {
        if (_remaining == 0) return false;
        _remaining--;
        if (!_started) { _started = true; _index = new int[_shape.Length]; return true; }
        for (int d = _shape.Length - 1; d >= 0; d--)
        {
            if (++_index![d] < _shape[d]) { Current += _strides[d]; return true; }
            Current -= (_shape[d] - 1) * _strides[d];
            _index[d] = 0;
        }
        return true;
    }
}
