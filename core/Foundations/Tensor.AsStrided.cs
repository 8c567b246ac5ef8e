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
                $"mismatch in length of strides and shape: shape {ShapeRules.Format(shape)} has {shape.Length} dimensions but strides {ShapeRules.Format(strides)} has {strides.Length}");
        ShapeRules.CheckSizes(shape);
        if (offset < 0)
            throw new ArgumentException($"as_strided: Negative storage offset ({offset}) is not supported");
        for (int d = 0; d < strides.Length; d++)
            if (strides[d] < 0)
                throw new ArgumentException($"as_strided: Negative strides are not supported at the moment, got strides: {ShapeRules.Format(strides)}");

        // With non-negative strides the farthest element is at offset + Σ (size−1)·stride; an empty view reaches nothing.
        if (ShapeRules.Product(shape) > 0)
        {
            long last = offset;
            for (int d = 0; d < shape.Length; d++) last += (long)(shape[d] - 1) * strides[d];
            if (last >= _storage.Length)
                throw new ArgumentException(
                    $"setStorage: sizes {ShapeRules.Format(shape)}, strides {ShapeRules.Format(strides)}, storage offset {offset} " +
                    $"require a storage of {last + 1} elements, but the storage holds only {_storage.Length}");
        }
        return new Tensor(_storage, (int[])shape.Clone(), (int[])strides.Clone(), offset);
    }
}
