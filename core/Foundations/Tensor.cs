using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Foundations;

/// <summary>
/// A strided float32 tensor: a flat <see cref="Storage"/> array, a <see cref="Shape"/>, the
/// <see cref="Strides"/> to step through the storage along each dimension, and an
/// <see cref="Offset"/> to the first element. Views (rows, columns, transposes, expansions…)
/// share the storage and only change shape, strides and offset — exactly as PyTorch does.
/// </summary>
[DebuggerDisplay("{DebuggerDisplay,nq}")]
public sealed partial class Tensor
{
    private readonly float[] _storage;
    private readonly int[] _shape;
    private readonly int[] _strides;
    private readonly int _offset;

    /// <summary>Wraps a storage with an explicit layout. Every view goes through here.</summary>
    /// <remarks>Shape, strides and offset are trusted: callers in this assembly validate them.</remarks>
    internal Tensor(float[] storage, int[] shape, int[] strides, int offset)
    {
        _storage = storage;
        _shape = shape;
        _strides = strides;
        _offset = offset;
        Shape = new ReadOnlyCollection<int>(shape);
        Strides = new ReadOnlyCollection<int>(strides);
        Numel = ShapeRules.Product(shape);
    }

    /// <summary>A new contiguous tensor of the given shape over a fresh zeroed storage.</summary>
    internal Tensor(int[] shape) : this(new float[ShapeRules.Product(ShapeRules.CheckSizes(shape))], (int[])shape.Clone(), ShapeRules.ContiguousStrides(shape), 0) { }

    /// <summary>The size of each dimension, outermost first (PyTorch's <c>shape</c>).</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>How many storage elements to step over to move one place along each dimension.
    /// A stride of 0 means every index along that dimension reads the same element (an expanded view).</summary>
    public IReadOnlyList<int> Strides { get; }

    /// <summary>Where element [0, 0, …] sits in <see cref="Storage"/>.</summary>
    public int Offset => _offset;

    /// <summary>The flat array that holds the numbers. Views share it: an expanded 3×3 view of a
    /// 3-element vector has a storage of 3 floats. Writing to it is visible through every view.</summary>
    public float[] Storage => _storage;

    /// <summary>The number of dimensions (0 for a scalar tensor).</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of elements (the product of the shape; 1 for a scalar tensor).</summary>
    public int Numel { get; }

    /// <summary>The gradient of some loss with respect to this tensor, filled by the gradient katas.</summary>
    /// <remarks>
    /// Who owns gradients: the kata that computes them. The substrate only gives them a place to live and never
    /// reads or writes this slot itself. K09, K10 and K12 follow the chapter, which hangs a gradient on the tensor
    /// (<c>inp.g = …</c>, a Python attribute added on the fly); C# cannot add a field to someone else's object, so
    /// the substrate offers this one empty slot, the stand-in for PyTorch's <c>tensor.grad</c>. K11 builds an
    /// autograd engine, and there the gradient belongs to the graph node the learner writes (<c>Variable.Grad</c>,
    /// which accumulates over every path): that is the kata's subject, so it does not borrow this slot.
    /// </remarks>
    public Tensor? Grad { get; set; }

    /// <summary>True when the elements lie in storage in row-major order with no gaps,
    /// so the tensor can be handed around as one flat span.</summary>
    public bool IsContiguous
    {
        get
        {
            if (Numel == 0) return true; // nothing to lay out, whatever the strides (as in PyTorch)
            int expected = 1;
            for (int d = _shape.Length - 1; d >= 0; d--)
            {
                if (_shape[d] == 1) continue; // a dimension of size 1 never steps, its stride is irrelevant
                if (_strides[d] != expected) return false;
                expected *= _shape[d];
            }
            return true;
        }
    }

    /// <summary>The size of one dimension; negative dims count from the end (<c>Size(-1)</c> is the last).</summary>
    public int Size(int dim)
    {
        if (Rank == 0)
            throw new ArgumentOutOfRangeException(nameof(dim), dim, $"Dimension specified as {dim} but tensor has no dimensions");
        return _shape[ShapeRules.NormalizeDim(dim, Rank)];
    }

    /// <summary>The elements of a contiguous tensor as a span over its storage (no copy).</summary>
    /// <exception cref="InvalidOperationException">The tensor is a non-contiguous view; call <see cref="Contiguous"/> first.</exception>
    public Span<float> AsSpan()
    {
        if (!IsContiguous)
            throw new InvalidOperationException(
                $"AsSpan needs a contiguous tensor, but this one has shape {ShapeRules.Format(_shape)} and strides {ShapeRules.Format(_strides)}; call Contiguous() first.");
        return _storage.AsSpan(_offset, Numel);
    }

    /// <summary>Copies the elements, in row-major order, into a new array.</summary>
    public float[] ToArray()
    {
        if (IsContiguous) return _storage.AsSpan(_offset, Numel).ToArray();
        var result = new float[Numel];
        int i = 0;
        foreach (int offset in StridedOffsets.Of(_shape, _strides, _offset)) result[i++] = _storage[offset];
        return result;
    }

    // ---- Element access -------------------------------------------------------------------
    // One indexer per rank keeps element access to a bounds check and a multiply-add per index,
    // so the three-loop kata times its loops, not this plumbing.

    /// <summary>Reads or writes one element of a 1-D tensor. Negative indices count from the end.</summary>
    [IndexerName("Element")] // frees the name "Item" for Item(), as in PyTorch
    public float this[int i]
    {
        get { CheckRank(1); return _storage[_offset + Index(i, 0) * _strides[0]]; }
        set { CheckRank(1); _storage[_offset + Index(i, 0) * _strides[0]] = value; }
    }

    /// <summary>Reads or writes one element of a 2-D tensor. Negative indices count from the end.</summary>
    [IndexerName("Element")] // frees the name "Item" for Item(), as in PyTorch
    public float this[int i, int j]
    {
        get { CheckRank(2); return _storage[_offset + Index(i, 0) * _strides[0] + Index(j, 1) * _strides[1]]; }
        set { CheckRank(2); _storage[_offset + Index(i, 0) * _strides[0] + Index(j, 1) * _strides[1]] = value; }
    }

    /// <summary>Reads or writes one element of a 3-D tensor. Negative indices count from the end.</summary>
    [IndexerName("Element")] // frees the name "Item" for Item(), as in PyTorch
    public float this[int i, int j, int k]
    {
        get { CheckRank(3); return _storage[_offset + Index(i, 0) * _strides[0] + Index(j, 1) * _strides[1] + Index(k, 2) * _strides[2]]; }
        set { CheckRank(3); _storage[_offset + Index(i, 0) * _strides[0] + Index(j, 1) * _strides[1] + Index(k, 2) * _strides[2]] = value; }
    }

    /// <summary>Reads or writes one element of a tensor of any rank (one index per dimension).</summary>
    [IndexerName("Element")] // frees the name "Item" for Item(), as in PyTorch
    public float this[params int[] indices]
    {
        get => _storage[StorageIndex(indices)];
        set => _storage[StorageIndex(indices)] = value;
    }

    private int StorageIndex(int[] indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        CheckRank(indices.Length);
        int offset = _offset;
        for (int d = 0; d < indices.Length; d++) offset += Index(indices[d], d) * _strides[d];
        return offset;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CheckRank(int indexCount)
    {
        if (_shape.Length != indexCount) ThrowWrongIndexCount(indexCount);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Index(int index, int dim)
    {
        int size = _shape[dim];
        if ((uint)index < (uint)size) return index;
        if (index < 0 && index >= -size) return index + size;
        throw new ArgumentOutOfRangeException(nameof(index), index,
            $"index {index} is out of bounds for dimension {dim} with size {size}");
    }

    private void ThrowWrongIndexCount(int indexCount) =>
        throw new ArgumentException(
            $"too many or too few indices for tensor of dimension {Rank}: got {indexCount} indices for shape {ShapeRules.Format(_shape)}");

    private string DebuggerDisplay => $"Tensor {ShapeRules.Format(_shape)}" + (Numel <= 16 ? " " + ToString() : "");
}
