namespace Foundations;

/// <summary>Shape arithmetic shared by the tensor and its ops: products, strides, dims, broadcasting.</summary>
public static class ShapeRules
{
    /// <summary>The number of elements a shape holds (1 for the empty shape of a scalar).</summary>
    public static int Product(IReadOnlyList<int> shape)
    {
        long product = 1;
        foreach (int size in shape) product *= size;
        if (product > Array.MaxLength)
            throw new ArgumentException($"a tensor of shape {Format(shape)} would hold {product} elements, more than an array can");
        return (int)product;
    }

    /// <summary>Row-major strides: the last dimension steps by 1, each earlier one by the size of what follows.</summary>
    public static int[] ContiguousStrides(IReadOnlyList<int> shape)
    {
        var strides = new int[shape.Count];
        int stride = 1;
        for (int d = shape.Count - 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride *= Math.Max(shape[d], 1);
        }
        return strides;
    }

    /// <summary>Turns a possibly negative dim into 0..rank-1, or throws naming the valid range.</summary>
    public static int NormalizeDim(int dim, int rank)
    {
        int span = Math.Max(rank, 1); // like PyTorch, a scalar accepts dims -1 and 0
        if (dim < -span || dim >= span)
            throw new ArgumentOutOfRangeException(nameof(dim), dim,
                $"Dimension out of range (expected to be in range of [{-span}, {span - 1}], but got {dim})");
        return dim < 0 ? dim + span : dim;
    }

    /// <summary>Checks that no size is negative and returns the shape.</summary>
    public static int[] CheckSizes(int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        foreach (int size in shape)
            if (size < 0)
                throw new ArgumentException($"Trying to create tensor with negative dimension {size}: {Format(shape)}");
        return shape;
    }

    /// <summary>
    /// The broadcast rule: align shapes at their last dimension; each pair of sizes must be
    /// equal or one of them 1; a missing dimension counts as 1. Returns the result's shape.
    /// </summary>
    public static int[] Broadcast(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        int rank = Math.Max(a.Count, b.Count);
        var result = new int[rank];
        for (int i = 1; i <= rank; i++)
        {
            int sizeA = i <= a.Count ? a[a.Count - i] : 1;
            int sizeB = i <= b.Count ? b[b.Count - i] : 1;
            if (sizeA != sizeB && sizeA != 1 && sizeB != 1)
                throw new ArgumentException(
                    $"The size of tensor a ({sizeA}) must match the size of tensor b ({sizeB}) at non-singleton dimension {rank - i}");
            result[rank - i] = sizeA == 1 ? sizeB : sizeA;
        }
        return result;
    }

    /// <summary>Formats a shape as PyTorch prints sizes: <c>[2, 3]</c>.</summary>
    public static string Format(IEnumerable<int> shape) => "[" + string.Join(", ", shape) + "]";
}
