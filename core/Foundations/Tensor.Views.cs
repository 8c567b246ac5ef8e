namespace Foundations;

// Views: new shape/strides/offset over the same storage. Nothing here copies numbers,
// except Clone, Contiguous and a Reshape of a non-contiguous tensor.
public sealed partial class Tensor
{
    /// <summary>The slice at <paramref name="index"/> along <paramref name="dim"/>, with that dim removed
    /// (PyTorch's <c>select</c>; <c>t.Select(0, i)</c> is <c>t[i]</c>).</summary>
    public Tensor Select(int dim, int index)
    {
        dim = ShapeRules.NormalizeDim(dim, Rank);
        if (Rank == 0) throw new InvalidOperationException("Select cannot be applied to a 0-dim tensor: a scalar (shape []) has no dimension to pick a slice from.");
        index = Index(index, dim);
        return new Tensor(_storage, Without(_shape, dim), Without(_strides, dim), _offset + index * _strides[dim]);
    }

    /// <summary>Row <paramref name="i"/> of a matrix, as a 1-D view (<c>m[i]</c>).</summary>
    public Tensor Row(int i) => Select(0, i);

    /// <summary>Column <paramref name="j"/> of a matrix, as a 1-D view (<c>m[:, j]</c>). It is not contiguous:
    /// its stride is the row length.</summary>
    public Tensor Column(int j)
    {
        if (Rank != 2) throw new InvalidOperationException($"Column needs a 2-D tensor, but got shape {ShapeRules.Format(_shape)}");
        return Select(1, j);
    }

    /// <summary><paramref name="length"/> elements along <paramref name="dim"/> starting at <paramref name="start"/>.</summary>
    public Tensor Narrow(int dim, int start, int length)
    {
        dim = ShapeRules.NormalizeDim(dim, Rank);
        if (Rank == 0) throw new InvalidOperationException("Narrow cannot be applied to a 0-dim tensor: a scalar (shape []) has no dimension to narrow.");
        int size = _shape[dim];
        if (start < 0) start += size;
        if (start < 0 || length < 0 || length > size - start) // not start + length, which can overflow
            throw new ArgumentOutOfRangeException(nameof(start),
                $"start ({start}) + length ({length}) exceeds dimension size ({size}) of dimension {dim}");
        var shape = (int[])_shape.Clone();
        shape[dim] = length;
        return new Tensor(_storage, shape, (int[])_strides.Clone(), _offset + start * _strides[dim]);
    }

    /// <summary>Python's <c>t[..., start:end:step, ...]</c> on one dimension; end is exclusive and clamped.</summary>
    public Tensor Slice(int dim, int start, int end, int step = 1)
    {
        dim = ShapeRules.NormalizeDim(dim, Rank);
        if (Rank == 0) throw new InvalidOperationException("Slice cannot be applied to a 0-dim tensor: a scalar (shape []) has no dimension to slice.");
        if (step <= 0) throw new ArgumentOutOfRangeException(nameof(step), step, $"slice step must be positive, got {step}");
        int size = _shape[dim];
        start = Math.Clamp(start < 0 ? start + size : start, 0, size);
        end = Math.Clamp(end < 0 ? end + size : end, 0, size);
        int length = end > start ? (int)(((long)end - start + step - 1) / step) : 0; // long: a huge step must not overflow
        var shape = (int[])_shape.Clone();
        var strides = (int[])_strides.Clone();
        shape[dim] = length;
        strides[dim] *= step;
        return new Tensor(_storage, shape, strides, _offset + (length > 0 ? start * _strides[dim] : 0));
    }

    /// <summary>Swaps two dimensions (a view: only the strides trade places).</summary>
    public Tensor Transpose(int dim0, int dim1)
    {
        dim0 = ShapeRules.NormalizeDim(dim0, Rank);
        dim1 = ShapeRules.NormalizeDim(dim1, Rank);
        if (Rank == 0) return this;
        var shape = (int[])_shape.Clone();
        var strides = (int[])_strides.Clone();
        (shape[dim0], shape[dim1]) = (shape[dim1], shape[dim0]);
        (strides[dim0], strides[dim1]) = (strides[dim1], strides[dim0]);
        return new Tensor(_storage, shape, strides, _offset);
    }

    /// <summary>The transpose of a matrix (PyTorch's <c>.T</c> / <c>t()</c>); a vector or scalar is returned as is.</summary>
    public Tensor T()
    {
        if (Rank > 2) throw new InvalidOperationException($"T() expects a tensor with <= 2 dimensions, but self is {Rank}D (shape {ShapeRules.Format(_shape)}); use Transpose or Permute");
        return Rank < 2 ? this : Transpose(0, 1);
    }

    /// <summary>Reorders the dimensions: result dim i is this tensor's dim <c>dims[i]</c>.</summary>
    public Tensor Permute(params int[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        if (dims.Length != Rank)
            throw new ArgumentException(
                $"Permute needs one entry per dimension: the tensor has shape {ShapeRules.Format(_shape)} ({Rank} dimensions) " +
                $"but the order {ShapeRules.Format(dims)} has {dims.Length}; list every dimension once, e.g. {ShapeRules.Format(Enumerable.Range(0, Rank).Reverse())}");
        var shape = new int[Rank];
        var strides = new int[Rank];
        var seen = new bool[Rank];
        for (int i = 0; i < Rank; i++)
        {
            int d = ShapeRules.NormalizeDim(dims[i], Rank);
            if (seen[d]) throw new ArgumentException($"Permute takes each dimension exactly once, but the order {ShapeRules.Format(dims)} has a duplicate: dimension {d} appears twice");
            seen[d] = true;
            shape[i] = _shape[d];
            strides[i] = _strides[d];
        }
        return new Tensor(_storage, shape, strides, _offset);
    }

    /// <summary>Inserts a dimension of size 1 at <paramref name="dim"/> (in [-rank-1, rank]):
    /// <c>Unsqueeze(0)</c> is <c>c[None]</c>, <c>Unsqueeze(-1)</c> is <c>c[..., None]</c>.</summary>
    public Tensor Unsqueeze(int dim)
    {
        dim = ShapeRules.NormalizeDim(dim, Rank + 1);
        var shape = new List<int>(_shape);
        var strides = new List<int>(_strides);
        // The new dim never steps, so any stride works; this one keeps a contiguous tensor contiguous.
        int stride = dim < Rank ? _shape[dim] * _strides[dim] : 1;
        shape.Insert(dim, 1);
        strides.Insert(dim, stride);
        return new Tensor(_storage, [.. shape], [.. strides], _offset);
    }

    /// <summary>Removes <paramref name="dim"/> if its size is 1; otherwise returns the tensor unchanged (as PyTorch does).</summary>
    public Tensor Squeeze(int dim)
    {
        if (Rank == 0) return this;
        dim = ShapeRules.NormalizeDim(dim, Rank);
        return _shape[dim] != 1 ? this : new Tensor(_storage, Without(_shape, dim), Without(_strides, dim), _offset);
    }

    /// <summary>Removes every dimension of size 1.</summary>
    public Tensor Squeeze()
    {
        var keep = Enumerable.Range(0, Rank).Where(d => _shape[d] != 1).ToArray();
        return new Tensor(_storage, keep.Select(d => _shape[d]).ToArray(), keep.Select(d => _strides[d]).ToArray(), _offset);
    }

    /// <summary>
    /// A broadcast view: size-1 dimensions stretch to the target size with stride 0, and new leading
    /// dimensions are added with stride 0. No numbers are copied. A size of -1 keeps that dimension.
    /// </summary>
    public Tensor Expand(params int[] sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (sizes.Length < Rank)
            throw new ArgumentException(
                $"Expand cannot remove dimensions: the number of sizes provided ({sizes.Length}) must be greater or equal to the number of dimensions in the tensor ({Rank}); " +
                $"the tensor has shape {ShapeRules.Format(_shape)} and the sizes were {ShapeRules.Format(sizes)}. New dimensions go in front: end the sizes with the tensor's own ({ShapeRules.Format(_shape)} or -1s)");
        var shape = new int[sizes.Length];
        var strides = new int[sizes.Length];
        int lead = sizes.Length - Rank;
        for (int d = 0; d < sizes.Length; d++)
        {
            int target = sizes[d];
            if (d < lead)
            {
                if (target < 0) throw new ArgumentException($"The expanded size of the tensor ({target}) isn't allowed in a leading, non-existing dimension {d}");
                shape[d] = target;
                strides[d] = 0;
                continue;
            }
            int size = _shape[d - lead];
            if (target == -1) target = size;
            if (size == target) { shape[d] = size; strides[d] = _strides[d - lead]; }
            else if (size == 1 && target >= 0) { shape[d] = target; strides[d] = 0; }
            else
                throw new ArgumentException(
                    $"The expanded size of the tensor ({target}) must match the existing size ({size}) at non-singleton dimension {d}.  Target sizes: {ShapeRules.Format(sizes)}.  Tensor sizes: {ShapeRules.Format(_shape)}");
        }
        return new Tensor(_storage, shape, strides, _offset);
    }

    /// <summary>Expands to the shape of <paramref name="other"/>.</summary>
    public Tensor ExpandAs(Tensor other) => Expand(other._shape);

    /// <summary>The same numbers with a new shape, sharing storage; needs a contiguous tensor.
    /// One size may be -1 and is inferred.</summary>
    public Tensor View(params int[] shape)
    {
        int[] resolved = ResolveShape(shape);
        if (!IsContiguous)
            throw new InvalidOperationException(
                $"View needs a contiguous tensor, but shape {ShapeRules.Format(_shape)} with strides {ShapeRules.Format(_strides)} is a view whose elements are not in row-major order in storage (a transpose, a column…), " +
                $"so they cannot be regrouped as {ShapeRules.Format(shape)} without copying. Use .Reshape(...) instead: it copies when it must.");
        return new Tensor(_storage, resolved, ShapeRules.ContiguousStrides(resolved), _offset);
    }

    /// <summary>The same numbers with a new shape: a view when possible, a copy otherwise.</summary>
    public Tensor Reshape(params int[] shape) => IsContiguous ? View(shape) : Contiguous().View(shape);

    /// <summary>A 1-D view (or copy) of all elements.</summary>
    public Tensor Flatten() => Reshape(-1);

    /// <summary>A contiguous copy with its own storage.</summary>
    public Tensor Clone() => new(ToArray(), (int[])_shape.Clone(), ShapeRules.ContiguousStrides(_shape), 0);

    /// <summary>This tensor if it is already contiguous, otherwise a contiguous copy.</summary>
    public Tensor Contiguous() => IsContiguous ? this : Clone();

    /// <summary>Copies <paramref name="source"/> (broadcast to this shape) into this tensor's elements, in place.</summary>
    public void CopyFrom(Tensor source)
    {
        ArgumentNullException.ThrowIfNull(source);
        for (int d = 0; d < Rank; d++)
            if (_strides[d] == 0 && _shape[d] > 1) // an expanded view: many elements share one float
                throw new InvalidOperationException(
                    "unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please Clone() the tensor before performing the operation.");
        Tensor src = source.Rank == Rank && source._shape.AsSpan().SequenceEqual(_shape) ? source : source.Expand(_shape);
        float[] values = src.ToArray(); // read first, so overlapping source and destination stay correct
        int i = 0;
        foreach (int offset in StridedOffsets.Of(_shape, _strides, _offset)) _storage[offset] = values[i++];
    }

    /// <summary>The rows (or slices along <paramref name="dim"/>) at the given indices, copied (PyTorch's <c>index_select</c>).</summary>
    public Tensor IndexSelect(int dim, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        dim = ShapeRules.NormalizeDim(dim, Rank);
        return Cat(indices.Select(i => Select(dim, i).Unsqueeze(dim)).ToList(), dim);
    }

    /// <summary>Joins tensors along an existing dimension; all other sizes must agree.</summary>
    public static Tensor Cat(IReadOnlyList<Tensor> tensors, int dim = 0)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0) throw new ArgumentException("Cat needs at least one tensor to join, but the list is empty");
        Tensor first = tensors[0];
        if (first.Rank == 0) throw new ArgumentException("zero-dimensional tensor (at position 0) cannot be concatenated");
        dim = ShapeRules.NormalizeDim(dim, first.Rank);
        var shape = (int[])first._shape.Clone();
        shape[dim] = 0;
        foreach (Tensor t in tensors)
        {
            if (t.Rank != first.Rank)
                throw new ArgumentException($"Tensors must have same number of dimensions: got {first.Rank} and {t.Rank}");
            for (int d = 0; d < t.Rank; d++)
                if (d != dim && t._shape[d] != first._shape[d])
                    throw new ArgumentException($"Sizes of tensors must match except in dimension {dim}. Expected size {first._shape[d]} but got size {t._shape[d]} for tensor number {tensors.ToList().IndexOf(t)} in the list.");
            shape[dim] += t._shape[dim];
        }
        var result = new Tensor(shape);
        int start = 0;
        foreach (Tensor t in tensors)
        {
            result.Narrow(dim, start, t._shape[dim]).CopyFrom(t);
            start += t._shape[dim];
        }
        return result;
    }

    private int[] ResolveShape(int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var resolved = (int[])shape.Clone();
        int inferred = Array.IndexOf(resolved, -1);
        if (inferred >= 0 && Array.IndexOf(resolved, -1, inferred + 1) >= 0)
            throw new ArgumentException($"only one dimension can be inferred: {ShapeRules.Format(shape)}");
        long known = 1;
        for (int d = 0; d < resolved.Length; d++)
        {
            if (d == inferred) continue;
            if (resolved[d] < 0) throw new ArgumentException($"invalid shape dimension {resolved[d]} in {ShapeRules.Format(shape)}");
            known *= resolved[d];
        }
        if (inferred >= 0 && known != 0 && Numel % known == 0) resolved[inferred] = (int)(Numel / known);
        else if (inferred >= 0 || known != Numel)
            throw new ArgumentException($"shape '{ShapeRules.Format(shape)}' is invalid for input of size {Numel}");
        return resolved;
    }

    private static int[] Without(int[] values, int index)
    {
        var result = new int[values.Length - 1];
        Array.Copy(values, 0, result, 0, index);
        Array.Copy(values, index + 1, result, index, values.Length - index - 1);
        return result;
    }
}
