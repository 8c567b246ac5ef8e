namespace Foundations.Tests;

/// <summary>
/// Slow, obviously-correct loops that the substrate's fast paths are checked against, and
/// seeded helpers that turn one integer into shapes and tensors, so every failing property
/// replays from the seed it prints.
/// </summary>
internal static class Reference
{
    /// <summary>The multi-index of flat position <paramref name="flat"/> in a row-major shape.</summary>
    public static int[] Unravel(int flat, IReadOnlyList<int> shape)
    {
        var index = new int[shape.Count];
        for (int d = shape.Count - 1; d >= 0; d--)
        {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }

    /// <summary>Every multi-index of a shape, in row-major order.</summary>
    public static IEnumerable<int[]> Indices(IReadOnlyList<int> shape)
    {
        int count = ShapeRules.Product(shape);
        for (int i = 0; i < count; i++) yield return Unravel(i, shape);
    }

    /// <summary>Reads an element by walking shape and strides by hand (no substrate code involved).</summary>
    public static float At(Tensor t, int[] index)
    {
        int offset = t.Offset;
        for (int d = 0; d < index.Length; d++) offset += index[d] * t.Strides[d];
        return t.Storage[offset];
    }

    /// <summary>The element of a broadcast operand that lines up with <paramref name="resultIndex"/>:
    /// align at the last dimension; a size-1 dimension always reads index 0.</summary>
    public static float Broadcasted(Tensor t, int[] resultIndex)
    {
        int lead = resultIndex.Length - t.Rank;
        var index = new int[t.Rank];
        for (int d = 0; d < t.Rank; d++) index[d] = t.Shape[d] == 1 ? 0 : resultIndex[d + lead];
        return At(t, index);
    }

    /// <summary>C = A @ B by the textbook triple loop, accumulating in double.</summary>
    public static float[,] Matmul(Tensor a, Tensor b)
    {
        int n = a.Shape[0], k = a.Shape[1], m = b.Shape[1];
        var c = new float[n, m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++) sum += (double)At(a, [i, p]) * At(b, [p, j]);
                c[i, j] = (float)sum;
            }
        return c;
    }

    /// <summary>Reduces <paramref name="t"/> along <paramref name="dim"/> with a loop: for each index of the
    /// result, gather the run along dim and hand it to <paramref name="reduce"/>.</summary>
    public static Tensor ReduceLoop(Tensor t, int dim, bool keepDim, Func<List<float>, float> reduce)
    {
        var outShape = t.Shape.ToArray();
        outShape[dim] = 1;
        var result = Tensor.Zeros(outShape);
        foreach (int[] index in Indices(outShape))
        {
            var run = new List<float>();
            for (int i = 0; i < t.Shape[dim]; i++)
            {
                var source = (int[])index.Clone();
                source[dim] = i;
                run.Add(At(t, source));
            }
            result[index] = reduce(run);
        }
        return keepDim ? result : result.Squeeze(dim);
    }

    /// <summary>A random shape of rank 1..<paramref name="maxRank"/> with sizes 1..<paramref name="maxSize"/>.</summary>
    public static int[] RandomShape(Rng rng, int maxRank = 4, int maxSize = 5)
    {
        var shape = new int[1 + rng.NextInt(maxRank)];
        for (int d = 0; d < shape.Length; d++) shape[d] = 1 + rng.NextInt(maxSize);
        return shape;
    }

    /// <summary>Two shapes that broadcast together: drop some leading dims of a common shape and
    /// replace some sizes by 1, independently for each operand.</summary>
    public static (int[] A, int[] B) BroadcastablePair(Rng rng)
    {
        int[] full = RandomShape(rng, maxRank: 4, maxSize: 4);
        int[] Derive()
        {
            int[] shape = full[rng.NextInt(full.Length + 1)..];
            for (int d = 0; d < shape.Length; d++) if (rng.NextInt(3) == 0) shape[d] = 1;
            return shape;
        }
        return (Derive(), Derive());
    }

    /// <summary>Values from a seeded generator, with some exact ties and zeros mixed in to exercise edge cases.</summary>
    public static Tensor Values(Rng rng, params int[] shape)
    {
        var t = Tensor.Randn(rng, shape);
        var s = t.Storage;
        for (int i = 0; i < s.Length; i++)
            if (rng.NextInt(5) == 0) s[i] = rng.NextInt(3) - 1; // -1, 0 or 1: ties for max/min/argmax
        return t;
    }
}
