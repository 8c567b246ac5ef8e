using System.Buffers;
using Foundations;

namespace Katas.FastMatmul;

/// <summary>
/// Step 5, the whole product: Goto's algorithm (as BLIS and OpenBLAS run it) with the register micro-kernel, the
/// cores sharing each packed slice of B. The loop nest, outermost first:
/// <code>
/// for each nc-wide slice of columns:
///   for each kc-deep slice of k:            pack B[kc × nc] into NR-wide panels, once, shared     (stays in L3)
///     for each mc-tall block of rows:       one core takes it (the cores take blocks one at a time)
///       pack A[mc × kc] into 6-row panels                                                         (stays in L2)
///       for each NR-wide panel of B:        (stays in L1 while…)
///         for each 6-row panel of A:        …the micro-kernel adds a 6×NR tile of A·B to the block's tiles
///   copy the finished tiles into C
/// </code>
/// The kc loop is outside the row blocks, as in BLIS and OpenBLAS: every row block reads all of the packed B it
/// is multiplied by, so the B that must stay in the L3 from one row block to the next is one kc slice
/// (256 × 2048 floats = 2 MB at 2048²), not all k rows of it (16 MB, half an L3 that other programs share).
/// The tiles of C are added up in a contiguous buffer, not in C: C's rows are n floats apart (4 KB at n = 1024,
/// often a power of two), so the 6 rows of a tile fall in different pages and compete for the same cache sets,
/// and every kc slice would find them evicted. OpenBLAS hides those misses with prefetch instructions, which
/// safe C# cannot issue; a buffer the kernel walks front to back needs none.
/// Products too small to pay for packing and threads skip all of it (<see cref="SmallProduct"/>).
/// </summary>
public static class ParallelMatmul
{
    // Below about a million multiply-adds, waking a second core costs more than it saves.
    private const long ParallelThreshold = 1L << 20;

    // The most floats of C's tiles one blocked product adds up at once (see Multiply).
    private const long MaxTileFloats = 1L << 24;

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
        _ = MicroKernel.Columns(width); // rejects a width that is not 128, 256 or 512 before any work
        var c = Tensor.Zeros(m, n);
        if (m == 0 || n == 0 || k == 0) return c; // an empty sum is 0, and Zeros already says so
        long multiplyAdds = (long)m * n * k;
        if (multiplyAdds <= SmallProduct.MaxMultiplyAdds)
        {
            SmallProduct.Multiply(a, b, c.Storage, width);
            return c;
        }
        if (multiplyAdds < ParallelThreshold) threads = 1;
        // The blocked product keeps the tiles of C it is adding up in a buffer of its own; a very tall C is done
        // in bands of rows, so that the buffer stays at most 2^24 floats (64 MB) instead of growing with C.
        long sliceColumns = CacheBlocks.Even(n, CacheBlocks.Columns, MicroKernel.Columns(width));
        int bandRows = (int)Math.Min(m, Math.Max(MicroKernel.Rows, MaxTileFloats / sliceColumns / MicroKernel.Rows * MicroKernel.Rows));
        for (int row0 = 0; row0 < m; row0 += bandRows)
        {
            int rows = Math.Min(bandRows, m - row0);
            new BlockedProduct(a.Narrow(0, row0, rows), b, c.Storage, row0, rows, k, n, width, threads).Run();
        }
        return c;
    }

    /// <summary>One product's operands, block sizes and the loops over its blocks.</summary>
    private sealed class BlockedProduct
    {
        private readonly Tensor _a, _b;
        private readonly float[] _c;
        private readonly int _cRow0, _m, _k, _n, _nr, _threads, _kcMax, _mcMax, _ncMax, _rowPanels, _rowBlocks;
        private readonly VectorWidth _width;
        private readonly ParallelOptions _options;

        /// <summary>C's rows cRow0..cRow0+m = a (m rows) @ b, into the row-major m×n storage c.</summary>
        public BlockedProduct(Tensor a, Tensor b, float[] c, int cRow0, int m, int k, int n, VectorWidth width, int threads)
        {
            (_a, _b, _c, _cRow0, _m, _k, _n, _width, _threads) = (a, b, c, cRow0, m, k, n, width, threads);
            _nr = MicroKernel.Columns(width);
            _kcMax = CacheBlocks.Even(k, CacheBlocks.Depth);
            _ncMax = CacheBlocks.Even(n, CacheBlocks.Columns, _nr);
            _rowPanels = CacheBlocks.DivideUp(m, MicroKernel.Rows);
            // Row blocks of at most about mc rows, a whole number of them per core, and as equal as whole 6-row
            // panels allow: then the cores run out of blocks together. (At m = 1024, blocks of 132 rows would leave
            // a last block of 100, and one core idle for a quarter of a block; blocks of 126 to 132 rows do not.)
            _rowBlocks = Math.Min(_rowPanels, CacheBlocks.DivideUp(CacheBlocks.DivideUp(m, CacheBlocks.Rows), threads) * threads);
            _mcMax = CacheBlocks.DivideUp(_rowPanels, _rowBlocks) * MicroKernel.Rows;
            _options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        }

        public void Run()
        {
            // Rented, not allocated: the buffers come back warm from the last call instead of as new garbage.
            int panelsMax = CacheBlocks.DivideUp(_ncMax, _nr);
            float[] packedB = ArrayPool<float>.Shared.Rent(_kcMax * panelsMax * _nr);
            float[] tiles = ArrayPool<float>.Shared.Rent(_rowPanels * MicroKernel.Rows * panelsMax * _nr);
            try
            {
                for (int jc = 0; jc < _n; jc += _ncMax)
                {
                    int nc = Math.Min(_ncMax, _n - jc);
                    for (int pc = 0; pc < _k; pc += _kcMax)
                    {
                        int kc = Math.Min(_kcMax, _k - pc);
                        PackSharedB(jc, nc, pc, kc, packedB);
                        MultiplyBlocks(new Slice(jc, nc, pc, kc, Last: pc + kc == _k), packedB, tiles);
                    }
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(packedB);
                ArrayPool<float>.Shared.Return(tiles);
            }
        }

        /// <summary>Where one kc slice of one nc slice is: B[pc..pc+kc, jc..jc+nc]; the last slice finishes C.</summary>
        private readonly record struct Slice(int Jc, int Nc, int Pc, int Kc, bool Last);

        /// <summary>
        /// Packs B[pc..pc+kc, jc..jc+nc] once for all the cores to share; each core packs an equal run of the panels
        /// (panel p starts at p·kc·NR).
        /// </summary>
        private void PackSharedB(int jc, int nc, int pc, int kc, float[] packedB)
        {
            int panels = CacheBlocks.DivideUp(nc, _nr), pieces = Math.Min(_threads, panels);
            void Piece(int t)
            {
                int first = panels * t / pieces, last = panels * (t + 1) / pieces;
                int col0 = first * _nr, cols = Math.Min(nc, last * _nr) - col0;
                PanelPacking.PackB(_b, pc, kc, jc + col0, cols, _nr, packedB.AsSpan(first * kc * _nr));
            }
            if (pieces == 1) Piece(0);
            else Parallel.For(0, pieces, _options, Piece);
        }

        /// <summary>
        /// Adds A[:, pc..pc+kc] · (packed B) to the tiles of C[:, jc..jc+nc]. The work items are the mc-tall row
        /// blocks, which the cores take one at a time, so a core that is slowed down (by another program, say) simply
        /// takes fewer. When there are fewer row blocks than cores (a short, wide C), each row block is also cut into
        /// runs of B's panels. Each item's tiles start at zero in the first kc slice and go into C after the last.
        /// </summary>
        private void MultiplyBlocks(Slice slice, float[] packedB, float[] allTiles)
        {
            int panels = CacheBlocks.DivideUp(slice.Nc, _nr);
            int panelRuns = _rowBlocks >= _threads ? 1 : Math.Min(panels, CacheBlocks.DivideUp(_threads, _rowBlocks));
            int items = _rowBlocks * panelRuns;
            void Item(int item, float[] packedA)
            {
                int rowBlock = item / panelRuns, run = item % panelRuns;
                // Row block b is panels ⌊P·b/B⌋ .. ⌊P·(b+1)/B⌋ of A's P row panels: sizes differ by one panel at most.
                int ic = _rowPanels * rowBlock / _rowBlocks * MicroKernel.Rows;
                int mc = Math.Min(_m, _rowPanels * (rowBlock + 1) / _rowBlocks * MicroKernel.Rows) - ic;
                int firstPanel = panels * run / panelRuns, lastPanel = panels * (run + 1) / panelRuns;
                // The item's tiles, whole (padding included) and one after the other: the tiles of its rows are
                // panels × (tiles per panel) long, and begin at row ic of the buffer's rows.
                int tileSize = MicroKernel.Rows * _nr, rowTiles = CacheBlocks.DivideUp(mc, MicroKernel.Rows);
                Span<float> tiles = allTiles.AsSpan(ic * panels * _nr + firstPanel * rowTiles * tileSize, (lastPanel - firstPanel) * rowTiles * tileSize);
                if (slice.Pc == 0) tiles.Clear();
                PanelPacking.PackA(_a, ic, mc, slice.Pc, slice.Kc, packedA);
                MultiplyPanels(packedA, mc, slice.Kc, packedB, firstPanel, lastPanel, tiles);
                if (slice.Last) CopyTilesToC(tiles, ic, mc, slice.Jc, slice.Nc, firstPanel, lastPanel);
            }
            int packedALength = _mcMax * _kcMax;
            if (items == 1 || _threads == 1)
            {
                float[] packedA = ArrayPool<float>.Shared.Rent(packedALength);
                try { for (int item = 0; item < items; item++) Item(item, packedA); }
                finally { ArrayPool<float>.Shared.Return(packedA); }
                return;
            }
            // Each worker rents its own A buffer once (localInit) and returns it when it runs out of items.
            Parallel.For(0, items, _options,
                () => ArrayPool<float>.Shared.Rent(packedALength),
                (item, _, packedA) => { Item(item, packedA); return packedA; },
                packedA => ArrayPool<float>.Shared.Return(packedA));
        }

        /// <summary>
        /// The two innermost loops: every 6-row panel of the packed A block against B's panels first..last, each
        /// 6×NR tile added to its own place in <paramref name="tiles"/> (the tiles of one panel of B, top to bottom,
        /// then the next panel's). C itself is not touched here.
        /// </summary>
        private void MultiplyPanels(float[] packedA, int mc, int kc, ReadOnlySpan<float> packedB, int firstPanel, int lastPanel, Span<float> tiles)
        {
            int mr = MicroKernel.Rows, nr = _nr, tileSize = mr * nr;
            int tileIndex = 0;
            for (int panel = firstPanel; panel < lastPanel; panel++)
            {
                ReadOnlySpan<float> bPanel = packedB.Slice(panel * nr * kc, nr * kc);
                for (int ir = 0; ir < mc; ir += mr)
                {
                    ReadOnlySpan<float> aPanel = packedA.AsSpan(ir * kc, mr * kc);
                    MicroKernel.Multiply(aPanel, bPanel, kc, tiles.Slice(tileIndex, tileSize), nr, _width);
                    tileIndex += tileSize;
                }
            }
        }

        /// <summary>
        /// Writes the finished tiles of rows ic..ic+mc into C, leaving out the padding past C's edges. Every number of
        /// C belongs to exactly one row block and run of panels, so it is written exactly once, by one core.
        /// </summary>
        private void CopyTilesToC(ReadOnlySpan<float> tiles, int ic, int mc, int jc, int nc, int firstPanel, int lastPanel)
        {
            int mr = MicroKernel.Rows, nr = _nr, tileSize = mr * nr, rowTiles = CacheBlocks.DivideUp(mc, mr);
            for (int ir = 0; ir < mc; ir += mr)
            {
                int tileRows = Math.Min(mr, mc - ir);
                for (int panel = firstPanel; panel < lastPanel; panel++)
                {
                    int jr = panel * nr, tileCols = Math.Min(nr, nc - jr);
                    ReadOnlySpan<float> tile = tiles.Slice(((panel - firstPanel) * rowTiles + ir / mr) * tileSize, tileSize);
                    for (int r = 0; r < tileRows; r++)
                        PanelPacking.CopyShort(tile.Slice(r * nr, tileCols), _c.AsSpan((_cRow0 + ic + ir + r) * _n + jc + jr, tileCols));
                }
            }
        }
    }
}
