using System.Buffers;
using Foundations;

namespace Katas.FastMatmul;

/// <summary>
/// Step 5, the whole product: Goto's algorithm (as BLIS and OpenBLAS run it) with the register micro-kernel, the
/// cores sharing each packed slice of B. The loop nest, outermost first:
/// <code>
/// for each nc-wide slice of columns:        pack B[k × nc] into kc-deep slices of NR-wide panels, once, shared
///   for each mc-tall block of rows:         one core takes it (the cores take blocks one at a time)
///     for each kc-deep slice of k:          pack A[mc × kc] into 6-row panels      (stays in the core's L2)
///       for each NR-wide panel of B:        (stays in L1 while…)
///         for each 6-row panel of A:        …the micro-kernel adds a 6×NR tile of A·B to the block's tiles
///     copy the block's finished tiles into C
/// </code>
/// The tiles of a row block are added up in a contiguous buffer, not in C: C's rows are n floats apart (4 KB at
/// n = 1024, often a power of two), so the 6 rows of a tile fall in different pages and compete for the same cache
/// sets, and every kc slice would find them evicted. OpenBLAS hides those misses with prefetch instructions, which
/// safe C# cannot issue; a buffer the kernel walks front to back needs none.
/// Products too small to pay for packing and threads skip all of it (<see cref="SmallProduct"/>).
/// </summary>
public static class ParallelMatmul
{
    // Below about a million multiply-adds, waking a second core costs more than it saves.
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
        new BlockedProduct(a, b, c.Storage, m, k, n, width, threads).Run();
        return c;
    }

    /// <summary>One product's operands, block sizes and the loops over its blocks.</summary>
    private sealed class BlockedProduct
    {
        private readonly Tensor _a, _b;
        private readonly float[] _c;
        private readonly int _m, _k, _n, _nr, _threads, _kcMax, _mcMax, _ncMax, _rowPanels, _rowBlocks;
        private readonly VectorWidth _width;
        private readonly ParallelOptions _options;

        public BlockedProduct(Tensor a, Tensor b, float[] c, int m, int k, int n, VectorWidth width, int threads)
        {
            (_a, _b, _c, _m, _k, _n, _width, _threads) = (a, b, c, m, k, n, width, threads);
            _nr = MicroKernel.Columns(width);
            _kcMax = CacheBlocks.Even(k, CacheBlocks.Depth);
            _ncMax = CacheBlocks.Even(n, CacheBlocks.Columns, _nr);
            // Row blocks of at most about mc rows, a whole number of them per core, and as equal as whole 6-row
            // panels allow: then the cores run out of blocks together. (At m = 1024, blocks of 132 rows would leave
            // a last block of 100, and one core idle for a quarter of a block; blocks of 126 to 132 rows do not.)
            _rowPanels = CacheBlocks.DivideUp(m, MicroKernel.Rows);
            _rowBlocks = Math.Min(_rowPanels, CacheBlocks.DivideUp(CacheBlocks.DivideUp(m, CacheBlocks.Rows), threads) * threads);
            _mcMax = CacheBlocks.DivideUp(_rowPanels, _rowBlocks) * MicroKernel.Rows;
            _options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        }

        public void Run()
        {
            // Rented, not allocated: the buffer comes back warm from the last call instead of as new garbage.
            float[] packedB = ArrayPool<float>.Shared.Rent(_k * CacheBlocks.DivideUp(_ncMax, _nr) * _nr);
            try
            {
                for (int jc = 0; jc < _n; jc += _ncMax)
                {
                    int nc = Math.Min(_ncMax, _n - jc);
                    PackSharedB(jc, nc, packedB);
                    MultiplyBlocks(jc, nc, packedB);
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(packedB);
            }
        }

        /// <summary>
        /// Packs B[:, jc..jc+nc] once, every kc slice of it (slice pc starts at pc·panels·NR), for all the cores to
        /// share; each core packs an equal run of the panels. Packing all the slices up front means the cores meet
        /// only twice per product (after packing, and at the end) instead of twice per slice.
        /// </summary>
        private void PackSharedB(int jc, int nc, float[] packedB)
        {
            int panels = CacheBlocks.DivideUp(nc, _nr), pieces = Math.Min(_threads, panels);
            void Piece(int t)
            {
                int first = panels * t / pieces, last = panels * (t + 1) / pieces;
                int col0 = first * _nr, cols = Math.Min(nc, last * _nr) - col0;
                for (int pc = 0; pc < _k; pc += _kcMax)
                {
                    int kc = Math.Min(_kcMax, _k - pc);
                    PanelPacking.PackB(_b, pc, kc, jc + col0, cols, _nr, packedB.AsSpan(pc * panels * _nr + first * kc * _nr));
                }
            }
            if (pieces == 1) Piece(0);
            else Parallel.For(0, pieces, _options, Piece);
        }

        /// <summary>
        /// C[:, jc..jc+nc] = A · (packed B). The work items are the mc-tall row blocks, which the cores take one at a
        /// time, so a core that is slowed down (by another program, say) simply takes fewer. When there are fewer row
        /// blocks than cores (a short, wide C), each row block is also cut into runs of B's panels.
        /// </summary>
        private void MultiplyBlocks(int jc, int nc, float[] packedB)
        {
            int panels = CacheBlocks.DivideUp(nc, _nr);
            int panelRuns = _rowBlocks >= _threads ? 1 : Math.Min(panels, CacheBlocks.DivideUp(_threads, _rowBlocks));
            int items = _rowBlocks * panelRuns;
            void Item(int item, WorkerBuffers buffers)
            {
                int rowBlock = item / panelRuns, run = item % panelRuns;
                // Row block b is panels ⌊P·b/B⌋ .. ⌊P·(b+1)/B⌋ of A's P row panels: sizes differ by one panel at most.
                int ic = _rowPanels * rowBlock / _rowBlocks * MicroKernel.Rows;
                int mc = Math.Min(_m, _rowPanels * (rowBlock + 1) / _rowBlocks * MicroKernel.Rows) - ic;
                int firstPanel = panels * run / panelRuns, lastPanel = panels * (run + 1) / panelRuns;
                // The block's tiles of C, whole (padding included) and one after the other, start at zero.
                Span<float> tiles = buffers.Tiles.AsSpan(0, CacheBlocks.DivideUp(mc, MicroKernel.Rows) * MicroKernel.Rows * (lastPanel - firstPanel) * _nr);
                tiles.Clear();
                for (int pc = 0; pc < _k; pc += _kcMax)
                {
                    int kc = Math.Min(_kcMax, _k - pc);
                    PanelPacking.PackA(_a, ic, mc, pc, kc, buffers.PackedA);
                    MultiplyPanels(buffers.PackedA, mc, kc, packedB.AsSpan(pc * panels * _nr), firstPanel, lastPanel, tiles);
                }
                CopyTilesToC(tiles, ic, mc, jc, nc, firstPanel, lastPanel);
            }
            int packedALength = _mcMax * _kcMax, tilesLength = _mcMax * panels * _nr;
            if (items == 1 || _threads == 1)
            {
                var buffers = WorkerBuffers.Rent(packedALength, tilesLength);
                try { for (int item = 0; item < items; item++) Item(item, buffers); }
                finally { buffers.Return(); }
                return;
            }
            // Each worker rents its own buffers once (localInit) and returns them when it runs out of items.
            Parallel.For(0, items, _options,
                () => WorkerBuffers.Rent(packedALength, tilesLength),
                (item, _, buffers) => { Item(item, buffers); return buffers; },
                buffers => buffers.Return());
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
                        PanelPacking.CopyShort(tile.Slice(r * nr, tileCols), _c.AsSpan((ic + ir + r) * _n + jc + jr, tileCols));
                }
            }
        }
    }

    /// <summary>One worker's scratch: its packed block of A, and the tiles of C it is adding up.</summary>
    private sealed class WorkerBuffers
    {
        public required float[] PackedA { get; init; }
        public required float[] Tiles { get; init; }

        // Rented, not allocated: the buffers come back warm from the last call instead of as new garbage.
        public static WorkerBuffers Rent(int packedALength, int tilesLength) => new()
        {
            PackedA = ArrayPool<float>.Shared.Rent(packedALength),
            Tiles = ArrayPool<float>.Shared.Rent(tilesLength),
        };

        public void Return()
        {
            ArrayPool<float>.Shared.Return(PackedA);
            ArrayPool<float>.Shared.Return(Tiles);
        }
    }
}
