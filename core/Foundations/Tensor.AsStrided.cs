namespace Foundations;

public sealed partial class Tensor
{
    /// <summary>
    /// A view over this tensor's storage with an explicit layout (PyTorch's <c>as_strided</c>):
    /// element [i₀, i₁, …] of the result is <c>Storage[offset + Σ iₙ·strides[n]]</c>. Nothing is copied.
    /// A stride of 0 repeats one element along that dimension, which is how broadcasting expands a tensor.
    /// </summary>
    /// <param name="shape">The size of each dimension of the view.</param>
    /// <param name="strides">How many storage elements one step along each dimension moves (0 or more).</param>
    /// <param name="offset">Where element [0, 0, …] sits in <see cref="Storage"/>.</param>
    /// <exception cref="ArgumentException">The shape and strides differ in length, a size or stride is
    /// negative, or some element the view can reach lies outside the storage.</exception>
    public Tensor AsStrided(int[] shape, int[] strides, int offset)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(strides);
        if (shape.Length != strides.Length)
            throw new ArgumentException(
                $"AsStrided needs one stride per dimension, but shape {ShapeRules.Format(shape)} has {shape.Length} dimensions and strides {ShapeRules.Format(strides)} has {strides.Length}");
        ShapeRules.CheckSizes(shape);
        if (offset < 0)
            throw new ArgumentException($"AsStrided needs a storage offset of 0 or more, but got {offset}: the first element must lie inside the storage");
        for (int d = 0; d < strides.Length; d++)
            if (strides[d] < 0)
                throw new ArgumentException(
                    $"AsStrided needs strides of 0 or more, but got {ShapeRules.Format(strides)} (stride {strides[d]} in dimension {d}); " +
                    "a view that runs backwards is not supported: copy the elements in the order you want instead");

        // With non-negative strides the farthest element is at offset + Σ (size−1)·stride; an empty view reaches nothing.
        if (ShapeRules.Product(shape) > 0)
        {
            long last = offset;
            for (int d = 0; d < shape.Length; d++) last += (long)(shape[d] - 1) * strides[d];
            if (last >= _storage.Length)
                throw new ArgumentException(
                    $"AsStrided would read past the end of the storage: shape {ShapeRules.Format(shape)}, strides {ShapeRules.Format(strides)} and offset {offset} " +
                    $"reach element {last}, so they require a storage of {last + 1} elements, but the storage holds only {_storage.Length}; " +
                    "use smaller sizes, strides or offset");
        }
        return new Tensor(_storage, (int[])shape.Clone(), (int[])strides.Clone(), offset);
    }
}
