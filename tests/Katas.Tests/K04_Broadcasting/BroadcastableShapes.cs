using Foundations;

namespace KataTests.K04_Broadcasting;

/// <summary>Random pairs of shapes that broadcast, built from one seed so a failure replays exactly.</summary>
internal static class BroadcastableShapes
{
    /// <summary>A full shape (rank 0–4, sizes 1–4) and two shapes that broadcast to it: each may drop leading
    /// dimensions and replace sizes with 1.</summary>
    public static (int[] A, int[] B, int[] Full) Pair(int seed)
    {
        var rng = new Rng((ulong)seed);
        int rank = rng.NextInt(5);
        var full = new int[rank];
        for (int d = 0; d < rank; d++) full[d] = 1 + rng.NextInt(4);
        int[] a = Shrink(full, rng), b = Shrink(full, rng);
        // Where both became 1 the full size is 1 too; where a dimension exists in neither it is dropped.
        int fullRank = Math.Max(a.Length, b.Length);
        var result = new int[fullRank];
        for (int i = 1; i <= fullRank; i++)
        {
            int sizeA = i <= a.Length ? a[^i] : 1, sizeB = i <= b.Length ? b[^i] : 1;
            result[^i] = Math.Max(sizeA, sizeB);
        }
        return (a, b, result);
    }

    private static int[] Shrink(int[] full, Rng rng)
    {
        int drop = rng.NextInt(full.Length + 1);
        return full.Skip(drop).Select(size => rng.NextInt(3) == 0 ? 1 : size).ToArray();
    }
}
