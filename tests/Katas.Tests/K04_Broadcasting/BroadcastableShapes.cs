using FsCheck;
using FsCheck.Fluent;

namespace KataTests.K04_Broadcasting;

/// <summary>
/// FsCheck's arbitrary pairs of shapes that broadcast. A failing pair shrinks: FsCheck drops leading dimensions
/// and lowers sizes while the pair still broadcasts, so a failure is reported on the smallest pair that still fails.
/// </summary>
internal static class BroadcastableShapes
{
    /// <summary>A full shape (rank 0–4, sizes 1–4) and two shapes that broadcast to it: each may drop leading
    /// dimensions and replace sizes with 1; plus a seed for the values.</summary>
    public static Arbitrary<BroadcastCase> Cases() => Arb.From(
        from rank in Gen.Choose(0, 4)
         from full in Gen.ArrayOf(Gen.Choose(1, 4), rank)
         from a in Reduced(full)
         from b in Reduced(full)
         from seed in Gen.Choose(0, 1_000_000)
         select new BroadcastCase(a, b, seed),
        Shrink);

    /// <summary>The full shape with some leading dimensions dropped and about a third of the sizes replaced by 1.</summary>
    private static Gen<int[]> Reduced(int[] full) =>
        from drop in Gen.Choose(0, full.Length)
        from ones in Gen.ArrayOf(Gen.Choose(0, 2), full.Length)
        select full.Skip(drop).Select((size, i) => ones[drop + i] == 0 ? 1 : size).ToArray();

    /// <summary>Smaller pairs that still broadcast: a leading dimension fewer on one side, or a size lowered by one
    /// where the other side's size is equal (both lowered) or 1 (or missing).</summary>
    private static IEnumerable<BroadcastCase> Shrink(BroadcastCase c)
    {
        if (c.A.Length > 0) yield return c with { A = c.A[1..] };
        if (c.B.Length > 0) yield return c with { B = c.B[1..] };
        for (int i = 1; i <= Math.Max(c.A.Length, c.B.Length); i++)
        {
            int sizeA = i <= c.A.Length ? c.A[^i] : 1, sizeB = i <= c.B.Length ? c.B[^i] : 1;
            if (sizeA == sizeB && sizeA > 1) yield return new BroadcastCase(Lowered(c.A, i), Lowered(c.B, i), c.Seed);
            else if (sizeA == 1 && sizeB > 1) yield return c with { B = Lowered(c.B, i) };
            else if (sizeB == 1 && sizeA > 1) yield return c with { A = Lowered(c.A, i) };
        }
    }

    private static int[] Lowered(int[] shape, int fromEnd)
    {
        int[] copy = (int[])shape.Clone();
        copy[^fromEnd]--;
        return copy;
    }
}
