using System.Buffers;
using Foundations;

namespace Katas.FastMatmul;

/// <summary>
/// Step 5, the whole product: Goto's algorithm (as BLIS and OpenBLAS run it) with the register micro-kernel, one
/// rectangle of C per core. The loop nest inside each rectangle, outermost first:
/// <code>
/// for each nc-wide slice of columns:        (B's slice fits the L3)
///   for each kc-deep slice of k:            pack B[kc × nc] into NR-wide panels
///     for each mc-tall block of rows:       pack A[mc × kc] into 6-row panels      (stays in L2)
///       for each NR-wide panel of B:        (stays in L1 while…)
///         for each 6-row panel of A:        …the micro-kernel adds a 6×NR tile of A·B to C
/// </code>
/// </summary>
public static class ParallelMatmul
{
    // Below about a million multiply-adds, waking a second core costs more than it saves (the chapter's
    // 5×784 @ 784×10 is 39,200).
    private const long ParallelThreshold = 1L << 20;

    /// <summary>
    /// c = a @ b as fast as this kata gets: the widest accelerated vectors, every core. This is the kata's product
    /// (the ladder's <c>Fast</c> rung). Any strides work; the result is a new contiguous m×n tensor.
    /// </summary>
    /// <exception cref="ArgumentException">Not two matrices, or inner sizes that differ (PyTorch's message).</exception>
    public static Tensor Multiply(Tensor a, Tensor b) => Multiply(a, b, HardwareWidth.Preferred, Environment.ProcessorCount);

    /// <summary>c = a @ b with vectors of <paramref name="width"/> on at most <paramref name="threads"/> cores.</summary>
    /// <exception cref="ArgumentException">Not two matrices, or inner sizes that differ (PyTorch's message).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is less than 1.</exception>
    public static Tensor Multiply(Tensor a, Tensor b, VectorWidth width, int threads)
    {
        var (m, k, n) = ProductShapes.Check(a, b);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        int nr = MicroKernel.Columns(width);
        var c = Tensor.Zeros(m, n);
        if (m == 0 || n == 0 || k == 0) return c; // an empty sum is 0, and Zeros already says so
        if ((long)m * n * k < ParallelThreshold) threads = 1;

        // One equal rectangle per core, cutting the longer side of C in whole tiles: two cores get two halves and
        // finish together. Each core packs what its rectangle needs, so the cores never wait for each other.
        int rowTiles = CacheBlocks.DivideUp(m, MicroKernel.Rows), columnPanels = CacheBlocks.DivideUp(n, nr);
        bool splitRows = rowTiles >= columnPanels;
        int pieces = Math.Min(threads, splitRows ? rowTiles : columnPanels);
        var job = new Job(a, b, c.Storage, k, n, width);
        void Piece(int t)
        {
            if (splitRows)
            {
                var (first, last) = Share(rowTiles, t, pieces, MicroKernel.Rows, m);
                job.Rectangle(first, last - first, 0, n);
            }
            else
            {
                var (first, last) = Share(columnPanels, t, pieces, nr, n);
                job.Rectangle(0, m, first, last - first);
            }
        }
        if (pieces == 1) Piece(0);
        else Parallel.For(0, pieces, Piece);
        return c;
    }

    /// <summary>Piece t of <paramref name="pieces"/> over <paramref name="units"/> units of <paramref name="unitSize"/> rows or columns.</summary>
    private static (int First, int Last) Share(int units, int t, int pieces, int unitSize, int limit) =>
        (Math.Min(units * t / pieces * unitSize, limit), Math.Min(units * (t + 1) / pieces * unitSize, limit));

    /// <summary>One product's operands, and the single-core loop nest over one rectangle of C.</summary>
    private sealed class Job(Tensor a, Tensor b, float[] c, int k, int n, VectorWidth width)
    {
        private readonly int _nr = MicroKernel.Columns(width);

        /// <summary>C[row0.., col0..] (rows × cols of it) = A[row0.., :] @ B[:, col0..].</summary>
        public void Rectangle(int row0, int rows, int col0, int cols)
        {
            if (rows <= 0 || cols <= 0) return;
            int mr = MicroKernel.Rows, nr = _nr;
            int kcMax = CacheBlocks.Even(k, CacheBlocks.Depth);
            int mcMax = CacheBlocks.Even(rows, CacheBlocks.Rows, mr);
            int ncMax = CacheBlocks.Even(cols, CacheBlocks.Columns, nr);
            // Rented, not allocated: the buffers come back warm from the last call instead of as new garbage.
            float[] packedB = ArrayPool<float>.Shared.Rent(kcMax * ncMax);
            float[] packedA = ArrayPool<float>.Shared.Rent(kcMax * mcMax);
            Span<float> scratch = stackalloc float[mr * nr];
            try
            {
                for (int jc = col0; jc < col0 + cols; jc += ncMax)
                {
                    int nc = Math.Min(ncMax, col0 + cols - jc);
                    for (int pc = 0; pc < k; pc += kcMax)
                    {
                        int kc = Math.Min(kcMax, k - pc);
                        PanelPacking.PackB(b, pc, kc, jc, nc, nr, packedB);
                        for (int ic = row0; ic < row0 + rows; ic += mcMax)
                        {
                            int mc = Math.Min(mcMax, row0 + rows - ic);
                            PanelPacking.PackA(a, ic, mc, pc, kc, packedA);
                            for (int jr = 0; jr < nc; jr += nr)
                            {
                                ReadOnlySpan<float> bPanel = packedB.AsSpan(jr * kc, nr * kc);
                                for (int ir = 0; ir < mc; ir += mr)
                                {
                                    ReadOnlySpan<float> aPanel = packedA.AsSpan(ir * kc, mr * kc);
                                    int cIndex = (ic + ir) * n + jc + jr;
                                    int tileRows = Math.Min(mr, mc - ir), tileCols = Math.Min(nr, nc - jr);
                                    if (tileRows == mr && tileCols == nr)
                                        MicroKernel.Multiply(aPanel, bPanel, kc, c.AsSpan(cIndex), n, width);
                                    else
                                    {
                                        // A tile cut by the edge of C: compute it whole into a scratch tile, add the part inside C.
                                        scratch.Clear();
                                        MicroKernel.Multiply(aPanel, bPanel, kc, scratch, nr, width);
                                        BlockedMatmul.AddCorner(scratch, nr, c, cIndex, n, tileRows, tileCols);
                                    }
                                }
                            }
                        }
                    }
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(packedA);
                ArrayPool<float>.Shared.Return(packedB);
            }
        }
    }
}
