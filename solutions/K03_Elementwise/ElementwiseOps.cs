using Foundations;

namespace Katas.Elementwise;

/// <summary>
/// Operations that pair up the elements of two tensors of the same shape: element n of the result
/// comes from element n of <c>a</c> and element n of <c>b</c>, nothing else. Comparisons give 1 or 0.
/// </summary>
public static class ElementwiseOps
{
    /// <summary>a + b, element by element.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor Add(Tensor a, Tensor b) => Zip(a, b, static (x, y) => x + y);

    /// <summary>a − b, element by element.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor Sub(Tensor a, Tensor b) => Zip(a, b, static (x, y) => x - y);

    /// <summary>a · b, element by element (not the matrix product).</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor Mul(Tensor a, Tensor b) => Zip(a, b, static (x, y) => x * y);

    /// <summary>a / b, element by element (IEEE rules: x/0 is ±∞, 0/0 is NaN).</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor Div(Tensor a, Tensor b) => Zip(a, b, static (x, y) => x / y);

    /// <summary>1 where a &gt; b, else 0.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor Gt(Tensor a, Tensor b) => Zip(a, b, static (x, y) => x > y ? 1f : 0f);

    /// <summary>1 where a &lt; b, else 0.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor Lt(Tensor a, Tensor b) => Zip(a, b, static (x, y) => x < y ? 1f : 0f);

    /// <summary>1 where a == b, else 0 (NaN equals nothing, not even itself).</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor Eq(Tensor a, Tensor b) => Zip(a, b, static (x, y) => x == y ? 1f : 0f);

    /// <summary>
    /// Where element number <paramref name="n"/> (counting in row-major order) of <paramref name="t"/>
    /// lives in its storage. A view's storage is not in row-major order — a column steps over whole rows —
    /// so we turn n into one index per dimension (the last dimension turns fastest) and weigh each by its stride.
    /// </summary>
    internal static int StorageIndex(Tensor t, int n)
    {
        int position = t.Offset;
        for (int d = t.Rank - 1; d >= 0; d--)
        {
            int size = t.Shape[d];
            position += n % size * t.Strides[d]; // the index along dim d…
            n /= size;                            // …and what is left for the dims before it
        }
        return position;
    }

    /// <summary>The one loop every op shares: check the shapes, then apply <paramref name="op"/> to each pair.</summary>
    private static Tensor Zip(Tensor a, Tensor b, Func<float, float, float> op)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        CheckSameShape(a, b);
        var result = Tensor.Zeros([.. a.Shape]); // fresh and contiguous, so its storage IS row-major order
        float[] output = result.Storage;
        float[] x = a.Storage, y = b.Storage;
        for (int n = 0; n < output.Length; n++)
            output[n] = op(x[StorageIndex(a, n)], y[StorageIndex(b, n)]);
        return result;
    }

    /// <summary>Compares the shapes from the last dimension backwards, as PyTorch does, and names the first mismatch.
    /// Shapes that differ only by leading 1s ([3] and [1, 3]) are different shapes too: PyTorch would broadcast
    /// them, which is kata K04's job, not this one's.</summary>
    private static void CheckSameShape(Tensor a, Tensor b)
    {
        int rank = Math.Max(a.Rank, b.Rank);
        for (int i = 1; i <= rank; i++)
        {
            // A missing leading dimension counts as size 1, as in PyTorch's message.
            int sizeA = i <= a.Rank ? a.Shape[a.Rank - i] : 1;
            int sizeB = i <= b.Rank ? b.Shape[b.Rank - i] : 1;
            if (sizeA == sizeB) continue;
            if (sizeA != 1 && sizeB != 1)
                throw new ArgumentException(
                    $"The size of tensor a ({sizeA}) must match the size of tensor b ({sizeB}) at non-singleton dimension {rank - i}");
            // PyTorch would broadcast here; this kata insists on equal shapes (broadcasting is K04).
            throw new ArgumentException(
                $"Elementwise ops need tensors of the same shape, but got {ShapeRules.Format(a.Shape)} and {ShapeRules.Format(b.Shape)} " +
                $"(sizes {sizeA} and {sizeB} at dimension {rank - i}; stretching a size-1 dimension is broadcasting, kata K04)");
        }
        // Every size matched, counting missing dimensions as 1: the shapes can still differ in rank.
        if (a.Rank != b.Rank)
            throw new ArgumentException(
                $"Elementwise ops need tensors of the same shape, but got {ShapeRules.Format(a.Shape)} and {ShapeRules.Format(b.Shape)} " +
                $"(ranks {a.Rank} and {b.Rank}; adding leading dimensions of size 1 is broadcasting, kata K04)");
    }
}
