using System.Runtime.Intrinsics;
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
        CheckBlock(a, "A", row0, rows, k0, depth);
        int panels = (rows + PanelRows - 1) / PanelRows;
        CheckLength(packed, panels * PanelRows * depth, "A");
        ReadOnlySpan<float> storage = a.Storage;
        int rowStride = a.Strides[0], colStride = a.Strides[1];
        for (int panel = 0; panel < panels; panel++)
        {
            Span<float> target = packed.Slice(panel * PanelRows * depth, PanelRows * depth);
            int firstRow = row0 + panel * PanelRows;
            if (colStride == 1 && rows - panel * PanelRows >= PanelRows)
            {
                // The common case, a full panel of a row-major A: six contiguous rows, read side by side so that
                // each step p writes its six numbers next to each other.
                int source = a.Offset + firstRow * rowStride + k0;
                PackSixRows(storage.Slice(source, depth), storage.Slice(source + rowStride, depth), storage.Slice(source + 2 * rowStride, depth),
                    storage.Slice(source + 3 * rowStride, depth), storage.Slice(source + 4 * rowStride, depth), storage.Slice(source + 5 * rowStride, depth), target);
                continue;
            }
            for (int r = 0; r < PanelRows; r++)
            {
                int row = panel * PanelRows + r;
                if (row >= rows)
                {
                    for (int p = 0; p < depth; p++) target[p * PanelRows + r] = 0; // padding: a row of zeros
                    continue;
                }
                // Any strides: one row of A goes into every 6th slot of the panel.
                int source = a.Offset + (firstRow + r) * rowStride + k0 * colStride;
                for (int p = 0; p < depth; p++) target[p * PanelRows + r] = storage[source + p * colStride];
            }
        }
    }

    /// <summary>target[p·6 + r] = row r[p] for six rows of the same length.</summary>
    private static void PackSixRows(ReadOnlySpan<float> r0, ReadOnlySpan<float> r1, ReadOnlySpan<float> r2,
        ReadOnlySpan<float> r3, ReadOnlySpan<float> r4, ReadOnlySpan<float> r5, Span<float> target)
    {
        for (int p = 0, t = 0; p < r0.Length; p++, t += PanelRows)
        {
            Span<float> step = target.Slice(t, PanelRows);
            step[0] = r0[p]; step[1] = r1[p]; step[2] = r2[p]; step[3] = r3[p]; step[4] = r4[p]; step[5] = r5[p];
        }
    }

    /// <summary>
    /// Packs the block B[k0 .. k0+depth, col0 .. col0+cols] into ⌈cols/width⌉ panels of <paramref name="panelWidth"/>
    /// columns, each k-major: <c>packed[panel·depth·width + p·width + j] = B[k0 + p, col0 + panel·width + j]</c>.
    /// Columns past the block's end (the last panel's padding) are zeros.
    /// </summary>
    /// <exception cref="ArgumentException">The block is not inside B, the width is not positive, or <paramref name="packed"/> is too short.</exception>
    public static void PackB(Tensor b, int k0, int depth, int col0, int cols, int panelWidth, Span<float> packed)
    {
        CheckBlock(b, "B", k0, depth, col0, cols);
        if (panelWidth <= 0) throw new ArgumentException($"a panel needs a positive width, but got {panelWidth}", nameof(panelWidth));
        int panels = (cols + panelWidth - 1) / panelWidth;
        CheckLength(packed, panels * panelWidth * depth, "B");
        ReadOnlySpan<float> storage = b.Storage;
        int rowStride = b.Strides[0], colStride = b.Strides[1];
        // A few panels at a time, row by row: each row of B is then read a few cache lines at once rather than one
        // line per row of a single panel (rows of B are far apart, often a power of two apart, and lines read that
        // way evict each other before the next panel reuses them), and each panel is still written front to back.
        // The common case first: whole panels of a row-major B, where each step of a panel is one contiguous piece
        // of a row of B, copied as the two vectors the kernel will load. This loop is most of the packing time, so
        // it does no per-piece work it can avoid (with the general loop, packing all of a 512² B took 2.3× as long).
        int wholePanels = colStride == 1 ? cols / panelWidth : 0;
        for (int group = 0; group < wholePanels; group += PanelsPerPass)
        {
            int groupEnd = Math.Min(wholePanels, group + PanelsPerPass);
            for (int p = 0; p < depth; p++)
            {
                ReadOnlySpan<float> row = storage.Slice(b.Offset + (k0 + p) * rowStride + col0 + group * panelWidth, (groupEnd - group) * panelWidth);
                for (int panel = group; panel < groupEnd; panel++)
                    CopyPanelStep(row.Slice((panel - group) * panelWidth, panelWidth), packed.Slice((panel * depth + p) * panelWidth, panelWidth));
            }
        }
        // Everything else: the last panel when it is cut by the block's edge (padded with zeros), and every panel of
        // a B with a column stride (a transposed view, say), gathered one number at a time.
        for (int group = wholePanels; group < panels; group += PanelsPerPass)
        {
            int groupEnd = Math.Min(panels, group + PanelsPerPass);
            for (int p = 0; p < depth; p++)
            {
                for (int panel = group; panel < groupEnd; panel++)
                {
                    int firstColumn = col0 + panel * panelWidth;
                    int width = Math.Min(panelWidth, col0 + cols - firstColumn);
                    Span<float> target = packed.Slice((panel * depth + p) * panelWidth, panelWidth);
                    int source = b.Offset + (k0 + p) * rowStride + firstColumn * colStride;
                    if (colStride == 1) CopyShort(storage.Slice(source, width), target); // a row-major B: a contiguous row
                    else for (int j = 0; j < width; j++) target[j] = storage[source + j * colStride];
                    if (width < panelWidth) target[width..].Clear(); // padding: zero columns
                }
            }
        }
    }

    /// <summary>How many of B's panels <see cref="PackB"/> fills side by side (4 AVX2 panels: 256 bytes of each row).</summary>
    private const int PanelsPerPass = 4;

    /// <summary>
    /// One step of a whole B panel, 8, 16 or 32 floats: two vectors of half the panel's width, the ones the kernel
    /// of that width loads (the tests pack panels of every width, so each case runs on every CPU).
    /// </summary>
    private static void CopyPanelStep(ReadOnlySpan<float> source, Span<float> target)
    {
        switch (source.Length)
        {
            case 8: Vector128.Create(source).CopyTo(target); Vector128.Create(source[4..]).CopyTo(target[4..]); break;
            case 16: Vector256.Create(source).CopyTo(target); Vector256.Create(source[8..]).CopyTo(target[8..]); break;
            case 32: Vector512.Create(source).CopyTo(target); Vector512.Create(source[16..]).CopyTo(target[16..]); break;
            default: CopyShort(source, target); break;
        }
    }

    /// <summary>
    /// Copies a few floats (a row of a panel or of a tile: 8 to 32) four at a time with 128-bit vectors, which every CPU .NET runs on
    /// accelerates; a general block copy costs more in call overhead than it saves at this length.
    /// </summary>
    internal static void CopyShort(ReadOnlySpan<float> source, Span<float> target)
    {
        int j = 0;
        for (; j + 4 <= source.Length; j += 4) Vector128.Create(source[j..]).CopyTo(target[j..]);
        for (; j < source.Length; j++) target[j] = source[j];
    }

    private static void CheckBlock(Tensor t, string name, int row0, int rows, int col0, int cols)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (t.Rank != 2)
            throw new ArgumentException($"{name} must be a matrix (2-D), but has shape {ShapeRules.Format(t.Shape)}");
        if (row0 < 0 || rows < 0 || row0 + rows > t.Shape[0] || col0 < 0 || cols < 0 || col0 + cols > t.Shape[1])
            throw new ArgumentException(
                $"the block rows {row0}..{row0 + rows}, columns {col0}..{col0 + cols} is not inside {name} of shape {ShapeRules.Format(t.Shape)}");
    }

    private static void CheckLength(Span<float> packed, int needed, string name)
    {
        if (packed.Length < needed)
            throw new ArgumentException($"the buffer for packing {name} holds {packed.Length} floats but the panels need {needed}", nameof(packed));
    }
}
