using Foundations;

namespace Katas.Broadcasting;

/// <summary>
/// Broadcasting: operating on tensors of different shapes by stretching size-1 (or missing) dimensions,
/// without copying — a stretched dimension is a view with stride 0.
/// </summary>
public static class Broadcast
{
    /// <summary>
    /// The shape of <c>a op b</c>: line the shapes up at their last dimension; each pair of sizes must be
    /// equal or one of them 1 (a missing dimension counts as 1); the result takes the larger.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// Two sizes differ and neither is 1: "The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1".
    /// </exception>
    public static int[] Shape(int[] a, int[] b) =>
        throw new NotImplementedException("Kata 04: walk both shapes from the end; a missing size counts as 1.");

    /// <summary>
    /// A view of <paramref name="t"/> with shape <paramref name="shape"/> that shares t's storage: a size-1
    /// dimension stretched to n gets stride 0 (every index reads the same float), and new leading dimensions
    /// are added with stride 0. A size of -1 keeps that dimension's size. Nothing is copied.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// Fewer sizes than t has dimensions, or a size that is neither t's nor stretches a 1:
    /// "The expanded size of the tensor (3) must match the existing size (2) at non-singleton dimension 1.  Target sizes: [2, 3].  Tensor sizes: [2]".
    /// </exception>
    public static Tensor Expand(Tensor t, int[] shape) =>
        throw new NotImplementedException("Kata 04: compute the new strides (0 where a size-1 or missing dim stretches) and return t.AsStrided(…).");

    /// <summary><see cref="Expand"/> to the shape of <paramref name="other"/> (PyTorch's <c>t.expand_as(other)</c>).</summary>
    public static Tensor ExpandAs(Tensor t, Tensor other) =>
        throw new NotImplementedException("Kata 04: Expand to other's shape.");

    /// <summary>
    /// A view with a new dimension of size 1 at <paramref name="dim"/>, in [-rank-1, rank]; negative dims count
    /// from the end. <c>Unsqueeze(c, 0)</c> is <c>c[None]</c>, <c>Unsqueeze(c, 1)</c> is <c>c[:, None]</c>,
    /// <c>Unsqueeze(c, -1)</c> is <c>c[..., None]</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// dim is outside [-rank-1, rank]: "Dimension out of range (expected to be in range of [-2, 1], but got 2)".
    /// </exception>
    public static Tensor Unsqueeze(Tensor t, int dim) =>
        throw new NotImplementedException("Kata 04: insert a size 1 (and any stride) at dim, then t.AsStrided(…).");

    /// <summary>
    /// <paramref name="op"/> applied to every pair of elements of a and b after broadcasting both to
    /// <see cref="Shape"/>(a, b). The result is a new contiguous tensor.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes do not broadcast.</exception>
    public static Tensor Apply(Tensor a, Tensor b, Func<float, float, float> op) =>
        throw new NotImplementedException("Kata 04: Shape, Expand both, then one loop over the result following both views' strides.");

    /// <summary>a + b with broadcasting.</summary>
    public static Tensor Add(Tensor a, Tensor b) =>
        throw new NotImplementedException("Kata 04: Apply with +.");

    /// <summary>a − b with broadcasting.</summary>
    public static Tensor Sub(Tensor a, Tensor b) =>
        throw new NotImplementedException("Kata 04: Apply with −.");

    /// <summary>a · b (elementwise) with broadcasting.</summary>
    public static Tensor Mul(Tensor a, Tensor b) =>
        throw new NotImplementedException("Kata 04: Apply with ·.");

    /// <summary>a / b with broadcasting.</summary>
    public static Tensor Div(Tensor a, Tensor b) =>
        throw new NotImplementedException("Kata 04: Apply with /.");

    /// <summary>(x − mean) / std, with mean and std broadcast against x.</summary>
    public static Tensor Normalize(Tensor x, Tensor mean, Tensor std) =>
        throw new NotImplementedException("Kata 04: two broadcasting ops.");

    /// <summary>
    /// Per-channel normalization of a batch of images of shape N×C×H×W with C-element mean and std
    /// (e.g. 64×3×256×256 with the RGB statistics): the statistics become C×1×1 so that they line up with
    /// the channel dimension, not with the last one (W).
    /// </summary>
    /// <exception cref="ArgumentException">The batch is not 4-D, or mean/std are not 1-D with one value per channel.</exception>
    public static Tensor NormalizeChannels(Tensor batch, Tensor mean, Tensor std) =>
        throw new NotImplementedException("Kata 04: check the shapes, unsqueeze mean and std twice at the end, Normalize.");
}
