using Foundations;

namespace Katas.FastMatmul;

/// <summary>
/// Step 3 (first half): copying a block of A or B into the order the inner loops read it. Strides are looked at
/// here and nowhere else; the kernels only ever see contiguous panels.
/// </summary>
public static class PanelPacking
{
    /// <summary>Rows of A per panel, and rows of C per micro-tile (<see cref="MicroKernel"/>).</summary>
    public const int PanelRows = 6;

    /// <summary>
    /// Packs the block A[row0 .. row0+rows, k0 .. k0+depth] into ⌈rows/6⌉ panels of 6 rows, one after the other,
    /// each k-major: <c>packed[panel·depth·6 + p·6 + r] = A[row0 + panel·6 + r, k0 + p]</c>. Rows past the block's
    /// end (the last panel's padding) are zeros.
    /// </summary>
    /// <exception cref="ArgumentException">The block is not inside A, or <paramref name="packed"/> is too short.</exception>
    public static void PackA(Tensor a, int row0, int rows, int k0, int depth, Span<float> packed)
    {
        throw new NotImplementedException("Kata 06, step 3: copy the block of A into 6-row panels, k-major, zero rows past the end.");
    }

    /// <summary>
    /// Packs the block B[k0 .. k0+depth, col0 .. col0+cols] into ⌈cols/width⌉ panels of <paramref name="panelWidth"/>
    /// columns, each k-major: <c>packed[panel·depth·width + p·width + j] = B[k0 + p, col0 + panel·width + j]</c>.
    /// Columns past the block's end (the last panel's padding) are zeros.
    /// </summary>
    /// <exception cref="ArgumentException">The block is not inside B, the width is not positive, or <paramref name="packed"/> is too short.</exception>
    public static void PackB(Tensor b, int k0, int depth, int col0, int cols, int panelWidth, Span<float> packed)
    {
        throw new NotImplementedException("Kata 06, step 3: copy the block of B into panelWidth-wide panels, k-major, zero columns past the end.");
    }
}
