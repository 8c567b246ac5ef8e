
namespace Katas.FastMatmul;

/// <summary>
/// Step 4: the register micro-kernel, the one loop where almost all the time goes. It adds one 6-row tile of
/// A·B to C while the whole tile lives in registers: 6 rows × 2 vectors = 12 accumulators.
/// </summary>
public static class MicroKernel
{
    /// <summary>Rows of C per tile: one per packed row of A (<see cref="PanelPacking.PanelRows"/>).</summary>
    public const int Rows = PanelPacking.PanelRows;

    /// <summary>Columns of C per tile: two vectors, so 8, 16 or 32 floats for 128, 256 or 512 bits.</summary>
    public static int Columns(VectorWidth width) => 2 * HardwareWidth.Lanes(width);

    /// <summary>
    /// C[6 × NR] += Apanel · Bpanel, where NR = <see cref="Columns"/>(<paramref name="width"/>), the A panel is packed
    /// k-major 6 rows wide (<c>aPanel[p·6 + r]</c>) and the B panel k-major NR columns wide (<c>bPanel[p·NR + j]</c>),
    /// as <see cref="PanelPacking"/> writes them. Row r of the tile is <c>c[r·cRowStride .. r·cRowStride + NR]</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A span too short for the depth, or a row stride narrower than the tile.</exception>
    public static void Multiply(ReadOnlySpan<float> aPanel, ReadOnlySpan<float> bPanel, int depth, Span<float> c, int cRowStride, VectorWidth width)
    {
        throw new NotImplementedException("Kata 06, step 4: keep the 6×NR tile in 12 vector registers for the whole depth, then add it to C once.");
    }
}
