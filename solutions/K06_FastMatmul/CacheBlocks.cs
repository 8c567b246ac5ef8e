namespace Katas.FastMatmul;

/// <summary>
/// How big the blocks are, chosen from the cache sizes (AMD Zen 3: 32 KB L1 data and 512 KB L2 per core, 32 MB L3
/// shared; Intel and newer AMD cores are within a factor of two). The README explains where each number comes from.
/// </summary>
internal static class CacheBlocks
{
    /// <summary>
    /// kc, the depth of one slice of k. One packed B micro-panel (kc × NR floats: 256 × 16 × 4 B = 16 KB with AVX2)
    /// then fills half the L1, leaving room for the A micro-panel streaming through (256 × 6 × 4 B = 6 KB) and C.
    /// </summary>
    public const int Depth = 256;

    /// <summary>mc, the rows of one packed block of A: 144 × 256 × 4 B = 144 KB, well inside a 512 KB L2.</summary>
    public const int Rows = 144;

    /// <summary>nc, the columns of one packed slice of B: 256 × 4096 × 4 B = 4 MB, a share of the L3.</summary>
    public const int Columns = 4096;

    /// <summary>⌈x / y⌉ for positive numbers.</summary>
    public static int DivideUp(int x, int y) => (x + y - 1) / y;

    /// <summary>
    /// The block size to use for <paramref name="total"/> items when blocks may hold at most <paramref name="max"/>:
    /// equal blocks, a multiple of <paramref name="multiple"/>, rather than full blocks and a sliver
    /// (k = 784 gives 3 × 264 rather than 256 + 256 + 256 + 16).
    /// </summary>
    public static int Even(int total, int max, int multiple = 1)
    {
        int blocks = DivideUp(total, max);
        return DivideUp(DivideUp(total, blocks), multiple) * multiple;
    }
}
