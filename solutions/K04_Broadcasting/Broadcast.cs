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
    public static int[] Shape(int[] a, int[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        // i counts from the end: i = 1 is the last dimension of both shapes, whatever their ranks.
        for (int i = 1; i <= rank; i++)
        {
            int sizeA = i <= a.Length ? a[^i] : 1;
            int sizeB = i <= b.Length ? b[^i] : 1;
            if (sizeA != sizeB && sizeA != 1 && sizeB != 1)
                throw new ArgumentException(
                    $"The size of tensor a ({sizeA}) must match the size of tensor b ({sizeB}) at non-singleton dimension {rank - i}");
            result[rank - i] = sizeA == 1 ? sizeB : sizeA; // 1 stretches to the other size (even to 0)
        }
        return result;
    }

    /// <summary>
    /// A view of <paramref name="t"/> with shape <paramref name="shape"/> that shares t's storage: a size-1
    /// dimension stretched to n gets stride 0 (every index reads the same float), and new leading dimensions
    /// are added with stride 0. A size of -1 keeps that dimension's size. Nothing is copied.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer sizes than t has dimensions, or a size that is neither t's nor stretches a 1.</exception>
    public static Tensor Expand(Tensor t, int[] shape)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length < t.Rank)
            throw new ArgumentException(
                $"Expand cannot remove dimensions: the number of sizes provided ({shape.Length}) " +
                $"must be greater or equal to the number of dimensions in the tensor ({t.Rank}); the tensor has shape {ShapeRules.Format(t.Shape)} " +
                $"and the sizes were {ShapeRules.Format(shape)}");
        int lead = shape.Length - t.Rank; // new dimensions go in front, as broadcasting aligns at the end
        var sizes = new int[shape.Length];
        var strides = new int[shape.Length];
        for (int d = 0; d < shape.Length; d++)
        {
            int target = shape[d];
            if (d < lead)
            {
                if (target < 0)
                    throw new ArgumentException($"The expanded size of the tensor ({target}) isn't allowed in a leading, non-existing dimension {d}");
                sizes[d] = target;
                strides[d] = 0; // a new dimension repeats the whole tensor: never step
                continue;
            }
            int size = t.Shape[d - lead];
            if (target == -1) target = size;
            if (target == size)
            {
                sizes[d] = size;
                strides[d] = t.Strides[d - lead]; // unchanged dimension, unchanged stride
            }
            else if (size == 1 && target >= 0)
            {
                sizes[d] = target;
                strides[d] = 0; // the broadcasting trick: stretch by not moving
            }
            else
                throw new ArgumentException(
                    $"The expanded size of the tensor ({target}) must match the existing size ({size}) at non-singleton dimension {d}.  " +
                    $"Target sizes: {ShapeRules.Format(shape)}.  Tensor sizes: {ShapeRules.Format(t.Shape)}");
        }
        return t.AsStrided(sizes, strides, t.Offset);
    }

    /// <summary><see cref="Expand"/> to the shape of <paramref name="other"/> (PyTorch's <c>t.expand_as(other)</c>).</summary>
    public static Tensor ExpandAs(Tensor t, Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Expand(t, [.. other.Shape]);
    }

    /// <summary>
    /// A view with a new dimension of size 1 at <paramref name="dim"/>, in [-rank-1, rank]; negative dims count
    /// from the end. <c>Unsqueeze(c, 0)</c> is <c>c[None]</c>, <c>Unsqueeze(c, 1)</c> is <c>c[:, None]</c>,
    /// <c>Unsqueeze(c, -1)</c> is <c>c[..., None]</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">dim is outside [-rank-1, rank].</exception>
    public static Tensor Unsqueeze(Tensor t, int dim)
    {
        ArgumentNullException.ThrowIfNull(t);
        int newRank = t.Rank + 1;
        if (dim < -newRank || dim >= newRank)
            throw new ArgumentOutOfRangeException(nameof(dim), dim,
                $"Dimension out of range (expected to be in range of [{-newRank}, {newRank - 1}], but got {dim})");
        if (dim < 0) dim += newRank; // -1 means "after the last dimension"
        var sizes = new List<int>(t.Shape);
        var strides = new List<int>(t.Strides);
        // A size-1 dimension never steps, so its stride is free; this choice keeps a contiguous tensor contiguous.
        int stride = dim < t.Rank ? t.Shape[dim] * t.Strides[dim] : 1;
        sizes.Insert(dim, 1);
        strides.Insert(dim, stride);
        return t.AsStrided([.. sizes], [.. strides], t.Offset);
    }

    /// <summary>
    /// <paramref name="op"/> applied to every pair of elements of a and b after broadcasting both to
    /// <see cref="Shape"/>(a, b). The result is a new contiguous tensor.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes do not broadcast.</exception>
    public static Tensor Apply(Tensor a, Tensor b, Func<float, float, float> op)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(op);
        int[] shape = Shape([.. a.Shape], [.. b.Shape]);
        Tensor wideA = Expand(a, shape), wideB = Expand(b, shape); // views: nothing copied
        var result = Tensor.Zeros(shape);
        float[] output = result.Storage, x = wideA.Storage, y = wideB.Storage;
        int[] stepA = [.. wideA.Strides], stepB = [.. wideB.Strides];
        int rank = shape.Length;

        // An odometer over the result's indices that carries two storage positions along. On a
        // stride-0 dimension the position does not move: that is the whole of broadcasting.
        var index = new int[rank];
        int atA = wideA.Offset, atB = wideB.Offset;
        for (int n = 0; n < output.Length; n++)
        {
            output[n] = op(x[atA], y[atB]);
            for (int d = rank - 1; d >= 0; d--)
            {
                atA += stepA[d];
                atB += stepB[d];
                if (++index[d] < shape[d]) break;
                // This digit rolls over: rewind it and carry into the dimension before it.
                atA -= stepA[d] * shape[d];
                atB -= stepB[d] * shape[d];
                index[d] = 0;
            }
        }
        return result;
    }

    /// <summary>a + b with broadcasting.</summary>
    public static Tensor Add(Tensor a, Tensor b) => Apply(a, b, static (x, y) => x + y);

    /// <summary>a − b with broadcasting.</summary>
    public static Tensor Sub(Tensor a, Tensor b) => Apply(a, b, static (x, y) => x - y);

    /// <summary>a · b (elementwise) with broadcasting.</summary>
    public static Tensor Mul(Tensor a, Tensor b) => Apply(a, b, static (x, y) => x * y);

    /// <summary>a / b with broadcasting.</summary>
    public static Tensor Div(Tensor a, Tensor b) => Apply(a, b, static (x, y) => x / y);

    /// <summary>(x − mean) / std, with mean and std broadcast against x.</summary>
    public static Tensor Normalize(Tensor x, Tensor mean, Tensor std) => Div(Sub(x, mean), std);

    /// <summary>
    /// Per-channel normalization of a batch of images of shape N×C×H×W with C-element mean and std
    /// (e.g. 64×3×256×256 with the RGB statistics): the statistics become C×1×1 so that they line up with
    /// the channel dimension, not with the last one (W).
    /// </summary>
    /// <exception cref="ArgumentException">The batch is not 4-D, or mean/std are not 1-D with one value per channel.</exception>
    public static Tensor NormalizeChannels(Tensor batch, Tensor mean, Tensor std)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        if (batch.Rank != 4)
            throw new ArgumentException($"NormalizeChannels expects a batch of shape N×C×H×W, but got shape {ShapeRules.Format(batch.Shape)}");
        int channels = batch.Shape[1];
        foreach ((string name, Tensor stat) in new[] { ("mean", mean), ("std", std) })
            if (stat.Rank != 1 || stat.Shape[0] != channels)
                throw new ArgumentException(
                    $"NormalizeChannels expects {name} of shape [{channels}], one value per channel of the batch {ShapeRules.Format(batch.Shape)}, but got {ShapeRules.Format(stat.Shape)}");
        // [C] would align with W (the last dimension); [C, 1, 1] aligns with C, in front of H and W.
        Tensor PerChannel(Tensor stat) => Unsqueeze(Unsqueeze(stat, -1), -1);
        return Normalize(batch, PerChannel(mean), PerChannel(std));
    }
}
