using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Foundations;

/// <summary>
/// The portable matrix product, used where OpenBLAS is not installed: Goto's algorithm as kata K06 builds it
/// (packed panels, kc/mc/nc cache blocks, a 6 × 2-vector register micro-kernel, one packed B shared by the cores,
/// which take C's row blocks in turn; products under 65,536 multiply-adds skip packing and threads), with 128-,
/// 256- or 512-bit vectors, whichever the hardware accelerates (NEON on ARM64 is the 128-bit path, with a tile of
/// its own, BlockedGemm.Neon.cs).
/// </summary>
internal static partial class BlockedGemm
{
    private const int MR = 6;                 // rows of C per micro-tile
    private const int KcMax = 256, McMax = 144, NcMax = 4096; // see katas/K06_FastMatmul/README.md for the reasoning
    private const long ParallelThreshold = 1L << 20, SmallProductMax = 1L << 16;

    /// <summary>128, 256 or 512: the widest vector the runtime accelerates here.</summary>
    public static int PreferredBits =>
        Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : 128;

    /// <summary>c = a @ b for 2-D a (m×k) and b (k×n) with vectors of <paramref name="bits"/> on up to <paramref name="threads"/> cores.</summary>
    public static Tensor Multiply(Tensor a, Tensor b, int bits, int threads)
    {
        if (bits is not (128 or 256 or 512)) throw new ArgumentOutOfRangeException(nameof(bits), bits, "a vector is 128, 256 or 512 bits wide");
        int m = a.Shape[0], k = a.Shape[1], n = b.Shape[1];
        var c = Tensor.Zeros(m, n);
        if (m == 0 || n == 0 || k == 0) return c;
        long multiplyAdds = (long)m * n * k;
        if (multiplyAdds <= SmallProductMax)
        {
            SmallProduct(a, b, c.Storage, bits);
            return c;
        }
        if (multiplyAdds < ParallelThreshold) threads = 1;
        new Product(a, b, c.Storage, m, k, n, bits, Math.Max(1, threads)).Run();
        return c;
    }

    /// <summary>
    /// K06's step 5: all of B packed once and shared; the cores take C's row blocks one at a time (or runs of B's
    /// panels, when C is too short to give each core a row block), each packing its own block of A.
    /// </summary>
    private sealed class Product
    {
        private readonly Tensor _a, _b;
        private readonly float[] _c;
        private readonly int _m, _k, _n, _nr, _bits, _threads, _kcMax, _mcMax, _ncMax, _rowPanels, _rowBlocks;
        private readonly ParallelOptions _options;

        public Product(Tensor a, Tensor b, float[] c, int m, int k, int n, int bits, int threads)
        {
            (_a, _b, _c, _m, _k, _n, _bits, _threads) = (a, b, c, m, k, n, bits, threads);
            _nr = 2 * bits / 32;
            _kcMax = Even(k, KcMax, 1);
            _ncMax = Even(n, NcMax, _nr);
            // A whole number of row blocks per core, as equal as whole MR-row panels allow (see K06's step 5).
            _rowPanels = (m + MR - 1) / MR;
            _rowBlocks = Math.Min(_rowPanels, ((m + McMax - 1) / McMax + threads - 1) / threads * threads);
            _mcMax = (_rowPanels + _rowBlocks - 1) / _rowBlocks * MR;
            _options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        }

        public void Run()
        {
            float[] packedB = ArrayPool<float>.Shared.Rent(_k * ((_ncMax + _nr - 1) / _nr * _nr));
            try
            {
                for (int jc = 0; jc < _n; jc += _ncMax)
                {
                    int nc = Math.Min(_ncMax, _n - jc), panels = (nc + _nr - 1) / _nr;
                    int pieces = Math.Min(_threads, panels);
                    void PackPiece(int t)
                    {
                        int first = panels * t / pieces, last = panels * (t + 1) / pieces;
                        int col0 = first * _nr, cols = Math.Min(nc, last * _nr) - col0;
                        for (int pc = 0; pc < _k; pc += _kcMax)
                        {
                            int kc = Math.Min(_kcMax, _k - pc);
                            PackB(_b, pc, kc, jc + col0, cols, _nr, packedB.AsSpan(pc * panels * _nr + first * kc * _nr));
                        }
                    }
                    if (pieces == 1) PackPiece(0);
                    else Parallel.For(0, pieces, _options, PackPiece);
                    Blocks(jc, nc, panels, packedB);
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(packedB);
            }
        }

        private void Blocks(int jc, int nc, int panels, float[] packedB)
        {
            int panelRuns = _rowBlocks >= _threads ? 1 : Math.Min(panels, (_threads + _rowBlocks - 1) / _rowBlocks);
            int items = _rowBlocks * panelRuns, packedALength = _mcMax * _kcMax, tilesLength = _mcMax * panels * _nr;
            void Item(int item, float[] packedA, float[] tileBuffer)
            {
                int block = item / panelRuns, run = item % panelRuns;
                int ic = _rowPanels * block / _rowBlocks * MR, mc = Math.Min(_m, _rowPanels * (block + 1) / _rowBlocks * MR) - ic;
                int firstPanel = panels * run / panelRuns, lastPanel = panels * (run + 1) / panelRuns;
                // The block's whole tiles (padding included), one after the other, summed here and not in C: C's rows
                // are n floats apart, so a tile's rows would compete for the same cache sets (see K06's README).
                Span<float> tiles = tileBuffer.AsSpan(0, (mc + MR - 1) / MR * MR * (lastPanel - firstPanel) * _nr);
                tiles.Clear();
                for (int pc = 0; pc < _k; pc += _kcMax)
                {
                    int kc = Math.Min(_kcMax, _k - pc);
                    PackA(_a, ic, mc, pc, kc, packedA);
                    Panels(packedA, mc, kc, packedB.AsSpan(pc * panels * _nr), firstPanel, lastPanel, tiles);
                }
                CopyTiles(tiles, ic, mc, jc, nc, firstPanel, lastPanel);
            }
            if (items == 1 || _threads == 1)
            {
                float[] packedA = ArrayPool<float>.Shared.Rent(packedALength), tiles = ArrayPool<float>.Shared.Rent(tilesLength);
                try { for (int item = 0; item < items; item++) Item(item, packedA, tiles); }
                finally { ArrayPool<float>.Shared.Return(packedA); ArrayPool<float>.Shared.Return(tiles); }
                return;
            }
            Parallel.For(0, items, _options,
                () => (PackedA: ArrayPool<float>.Shared.Rent(packedALength), Tiles: ArrayPool<float>.Shared.Rent(tilesLength)),
                (item, _, buffers) => { Item(item, buffers.PackedA, buffers.Tiles); return buffers; },
                buffers => { ArrayPool<float>.Shared.Return(buffers.PackedA); ArrayPool<float>.Shared.Return(buffers.Tiles); });
        }

        /// <summary>Every 6-row panel of the packed A block against B's panels first..last, each tile added to its place in <paramref name="tiles"/>.</summary>
        private void Panels(float[] packedA, int mc, int kc, ReadOnlySpan<float> packedB, int firstPanel, int lastPanel, Span<float> tiles)
        {
            int nr = _nr, tileSize = MR * nr, tileIndex = 0;
            for (int panel = firstPanel; panel < lastPanel; panel++)
            {
                ReadOnlySpan<float> bPanel = packedB.Slice(panel * nr * kc, nr * kc);
                for (int ir = 0; ir < mc; ir += MR, tileIndex += tileSize)
                    Kernel(_bits, packedA.AsSpan(ir * kc, MR * kc), bPanel, kc, tiles.Slice(tileIndex, tileSize), nr);
            }
        }

        /// <summary>The finished tiles of rows ic..ic+mc into C, without the padding past C's edges.</summary>
        private void CopyTiles(ReadOnlySpan<float> tiles, int ic, int mc, int jc, int nc, int firstPanel, int lastPanel)
        {
            int nr = _nr, tileSize = MR * nr, rowTiles = (mc + MR - 1) / MR;
            for (int ir = 0; ir < mc; ir += MR)
            {
                int tileRows = Math.Min(MR, mc - ir);
                for (int panel = firstPanel; panel < lastPanel; panel++)
                {
                    int jr = panel * nr, tileCols = Math.Min(nr, nc - jr);
                    ReadOnlySpan<float> tile = tiles.Slice(((panel - firstPanel) * rowTiles + ir / MR) * tileSize, tileSize);
                    for (int r = 0; r < tileRows; r++)
                        tile.Slice(r * nr, tileCols).CopyTo(_c.AsSpan((ic + ir + r) * _n + jc + jr, tileCols));
                }
            }
        }
    }

    private static int Even(int total, int max, int multiple)
    {
        int blocks = (total + max - 1) / max;
        int size = (total + blocks - 1) / blocks;
        return (size + multiple - 1) / multiple * multiple;
    }

    /// <summary>
    /// K06's shortcut for small products (5×784 @ 784×10): no packing, no threads; four rows' vectors of C are summed
    /// in registers over k, one load of B's row serving the four rows (the last rows one at a time).
    /// </summary>
    private static void SmallProduct(Tensor a, Tensor b, float[] c, int bits)
    {
        // A row of C narrower than one vector (10 columns against AVX-512's 16 lanes) takes narrower vectors, not
        // the scalar loop, which made the chapter's 5×784 @ 784×10 ten times slower than OpenBLAS on AVX-512.
        while (bits > 128 && bits / 32 > b.Shape[1]) bits /= 2;
        switch (bits)
        {
            case 128: SmallRows<Vector128<float>, Math128>(a, b, c); break;
            case 256: SmallRows<Vector256<float>, Math256>(a, b, c); break;
            default: SmallRows<Vector512<float>, Math512>(a, b, c); break;
        }
    }

    private static void SmallRows<TVector, TMath>(Tensor a, Tensor b, float[] c)
        where TVector : struct
        where TMath : struct, IVectorMath<TVector>
    {
        int m = a.Shape[0], k = a.Shape[1], n = b.Shape[1], lanes = TMath.Lanes;
        ReadOnlySpan<float> left = RowMajor(a, out int lda), right = RowMajor(b, out int ldb);
        if (n < lanes)
        {
            for (int i = 0; i < m; i++) // n < 4: one number of C at a time
                for (int j = 0; j < n; j++) c[i * n + j] = SmallColumn(left.Slice(i * lda, k), right, ldb, j);
            return;
        }
        int row = 0;
        for (; row + 4 <= m; row += 4) // four rows share each load of B's row
            for (int j = 0; j < n; j = NextVector(j, n, lanes))
                SmallFourRows<TVector, TMath>(left.Slice(row * lda), lda, k, right, ldb, j, c.AsSpan(row * n), n);
        for (; row < m; row++)
            for (int j = 0; j < n; j = NextVector(j, n, lanes))
                TMath.Store(SmallColumns<TVector, TMath>(left.Slice(row * lda, k), right, ldb, j), c.AsSpan(row * n + j));
    }

    /// <summary>
    /// The next vector's first column: <paramref name="lanes"/> on, except that the last one is moved back to end at n
    /// (it repeats a few columns, with the same bits: each lane's sum runs in the same order wherever it starts).
    /// </summary>
    private static int NextVector(int j, int n, int lanes) => j + lanes >= n ? n : Math.Min(j + lanes, n - lanes);

    /// <summary>C[0..4, j..j+lanes] = A[0..4, :] · B[:, j..j+lanes], even and odd steps of p summed apart (8 FMAs in flight).</summary>
    private static void SmallFourRows<TVector, TMath>(ReadOnlySpan<float> a, int lda, int k, ReadOnlySpan<float> b, int ldb, int j, Span<float> c, int ldc)
        where TVector : struct
        where TMath : struct, IVectorMath<TVector>
    {
        ReadOnlySpan<float> a0 = a[..k], a1 = a.Slice(lda, k), a2 = a.Slice(2 * lda, k), a3 = a.Slice(3 * lda, k);
        int lanes = TMath.Lanes, p = 0;
        TVector e0 = default, e1 = default, e2 = default, e3 = default, o0 = default, o1 = default, o2 = default, o3 = default;
        for (; p + 2 <= k; p += 2)
        {
            TVector even = TMath.Load(b.Slice(p * ldb + j, lanes)), odd = TMath.Load(b.Slice((p + 1) * ldb + j, lanes));
            e0 = TMath.MultiplyAdd(TMath.Broadcast(a0[p]), even, e0); o0 = TMath.MultiplyAdd(TMath.Broadcast(a0[p + 1]), odd, o0);
            e1 = TMath.MultiplyAdd(TMath.Broadcast(a1[p]), even, e1); o1 = TMath.MultiplyAdd(TMath.Broadcast(a1[p + 1]), odd, o1);
            e2 = TMath.MultiplyAdd(TMath.Broadcast(a2[p]), even, e2); o2 = TMath.MultiplyAdd(TMath.Broadcast(a2[p + 1]), odd, o2);
            e3 = TMath.MultiplyAdd(TMath.Broadcast(a3[p]), even, e3); o3 = TMath.MultiplyAdd(TMath.Broadcast(a3[p + 1]), odd, o3);
        }
        if (p < k)
        {
            TVector last = TMath.Load(b.Slice(p * ldb + j, lanes));
            e0 = TMath.MultiplyAdd(TMath.Broadcast(a0[p]), last, e0);
            e1 = TMath.MultiplyAdd(TMath.Broadcast(a1[p]), last, e1);
            e2 = TMath.MultiplyAdd(TMath.Broadcast(a2[p]), last, e2);
            e3 = TMath.MultiplyAdd(TMath.Broadcast(a3[p]), last, e3);
        }
        TMath.Store(TMath.Add(e0, o0), c[j..]);
        TMath.Store(TMath.Add(e1, o1), c[(ldc + j)..]);
        TMath.Store(TMath.Add(e2, o2), c[(2 * ldc + j)..]);
        TMath.Store(TMath.Add(e3, o3), c[(3 * ldc + j)..]);
    }

    /// <summary>Σₚ aRow[p] · B[p, j..j+lanes], in four partial sums so four FMAs are in flight.</summary>
    private static TVector SmallColumns<TVector, TMath>(ReadOnlySpan<float> aRow, ReadOnlySpan<float> right, int ldb, int j)
        where TVector : struct
        where TMath : struct, IVectorMath<TVector>
    {
        int k = aRow.Length, lanes = TMath.Lanes, p = 0;
        TVector s0 = default, s1 = default, s2 = default, s3 = default;
        for (; p + 4 <= k; p += 4)
        {
            s0 = TMath.MultiplyAdd(TMath.Broadcast(aRow[p]), TMath.Load(right.Slice(p * ldb + j, lanes)), s0);
            s1 = TMath.MultiplyAdd(TMath.Broadcast(aRow[p + 1]), TMath.Load(right.Slice((p + 1) * ldb + j, lanes)), s1);
            s2 = TMath.MultiplyAdd(TMath.Broadcast(aRow[p + 2]), TMath.Load(right.Slice((p + 2) * ldb + j, lanes)), s2);
            s3 = TMath.MultiplyAdd(TMath.Broadcast(aRow[p + 3]), TMath.Load(right.Slice((p + 3) * ldb + j, lanes)), s3);
        }
        for (; p < k; p++) s0 = TMath.MultiplyAdd(TMath.Broadcast(aRow[p]), TMath.Load(right.Slice(p * ldb + j, lanes)), s0);
        return TMath.Add(TMath.Add(s0, s1), TMath.Add(s2, s3));
    }

    /// <summary>Σₚ aRow[p] · B[p, j] for one column, in four partial sums.</summary>
    private static float SmallColumn(ReadOnlySpan<float> aRow, ReadOnlySpan<float> right, int ldb, int j)
    {
        int k = aRow.Length, p = 0;
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (; p + 4 <= k; p += 4)
        {
            s0 = MathF.FusedMultiplyAdd(aRow[p], right[p * ldb + j], s0);
            s1 = MathF.FusedMultiplyAdd(aRow[p + 1], right[(p + 1) * ldb + j], s1);
            s2 = MathF.FusedMultiplyAdd(aRow[p + 2], right[(p + 2) * ldb + j], s2);
            s3 = MathF.FusedMultiplyAdd(aRow[p + 3], right[(p + 3) * ldb + j], s3);
        }
        for (; p < k; p++) s0 = MathF.FusedMultiplyAdd(aRow[p], right[p * ldb + j], s0);
        return (s0 + s1) + (s2 + s3);
    }

    /// <summary>The matrix's elements with (i, j) at i·<paramref name="rowStride"/> + j: in place when its rows are contiguous, else a copy.</summary>
    private static ReadOnlySpan<float> RowMajor(Tensor t, out int rowStride)
    {
        int rows = t.Shape[0], cols = t.Shape[1];
        rowStride = t.Strides[0];
        if (t.Strides[1] == 1 && rowStride >= cols) return t.Storage.AsSpan(t.Offset, (rows - 1) * rowStride + cols);
        rowStride = cols;
        return t.ToArray();
    }

    /// <summary>A[row0.., k0..] (rows × depth) into 6-row k-major panels, zero rows past the end.</summary>
    private static void PackA(Tensor a, int row0, int rows, int k0, int depth, Span<float> packed)
    {
        ReadOnlySpan<float> storage = a.Storage;
        int rowStride = a.Strides[0], colStride = a.Strides[1];
        for (int panel = 0; panel * MR < rows; panel++)
        {
            Span<float> target = packed.Slice(panel * MR * depth, MR * depth);
            for (int r = 0; r < MR; r++)
            {
                int row = panel * MR + r;
                if (row >= rows)
                {
                    for (int p = 0; p < depth; p++) target[p * MR + r] = 0;
                    continue;
                }
                int source = a.Offset + (row0 + row) * rowStride + k0 * colStride;
                if (colStride == 1)
                {
                    ReadOnlySpan<float> aRow = storage.Slice(source, depth);
                    for (int p = 0; p < aRow.Length; p++) target[p * MR + r] = aRow[p];
                }
                else for (int p = 0; p < depth; p++) target[p * MR + r] = storage[source + p * colStride];
            }
        }
    }

    /// <summary>B[k0.., col0..] (depth × cols) into nr-wide k-major panels, zero columns past the end.</summary>
    private static void PackB(Tensor b, int k0, int depth, int col0, int cols, int nr, Span<float> packed)
    {
        ReadOnlySpan<float> storage = b.Storage;
        int rowStride = b.Strides[0], colStride = b.Strides[1];
        for (int panel = 0; panel * nr < cols; panel++)
        {
            int first = col0 + panel * nr, width = Math.Min(nr, col0 + cols - first);
            for (int p = 0; p < depth; p++)
            {
                Span<float> target = packed.Slice((panel * depth + p) * nr, nr);
                int source = b.Offset + (k0 + p) * rowStride + first * colStride;
                if (colStride == 1 && width == nr)
                {
                    // A whole step of a panel in a row-major B: the two vectors the kernel will load, copied as such.
                    CopyPanelStep(storage.Slice(source, nr), target);
                    continue;
                }
                if (colStride == 1)
                {
                    ReadOnlySpan<float> bRow = storage.Slice(source, width);
                    int j = 0;
                    for (; j + 4 <= width; j += 4) Vector128.Create(bRow[j..]).CopyTo(target[j..]); // cheaper than a block copy this short
                    for (; j < width; j++) target[j] = bRow[j];
                }
                else for (int j = 0; j < width; j++) target[j] = storage[source + j * colStride];
                target[width..].Clear();
            }
        }
    }

    /// <summary>Copies one whole step of a B panel, 8, 16 or 32 floats (<paramref name="to"/>.Length): the two vectors
    /// the kernel of that width loads.</summary>
    private static void CopyPanelStep(ReadOnlySpan<float> from, Span<float> to)
    {
        switch (to.Length)
        {
            case 8: Vector128.Create(from).CopyTo(to); Vector128.Create(from[4..]).CopyTo(to[4..]); break;
            case 16: Vector256.Create(from).CopyTo(to); Vector256.Create(from[8..]).CopyTo(to[8..]); break;
            case 32: Vector512.Create(from).CopyTo(to); Vector512.Create(from[16..]).CopyTo(to[16..]); break;
            default: throw new ArgumentException($"a panel step is 8, 16 or 32 floats, not {to.Length}", nameof(to));
        }
    }

    private static void Kernel(int bits, ReadOnlySpan<float> a, ReadOnlySpan<float> b, int kc, Span<float> c, int ldc)
    {
        switch (bits)
        {
            // On ARM64 the 128-bit tile multiplies by lanes of A instead of broadcasting them (BlockedGemm.Neon.cs).
            case 128 when System.Runtime.Intrinsics.Arm.AdvSimd.Arm64.IsSupported: TileNeon(a, b, kc, c, ldc); break;
            case 128: Tile<Vector128<float>, Math128>(a, b, kc, c, ldc); break;
            case 256: Tile<Vector256<float>, Math256>(a, b, kc, c, ldc); break;
            default: Tile<Vector512<float>, Math512>(a, b, kc, c, ldc); break;
        }
    }

    /// <summary>C[6 × 2 vectors] += Apanel · Bpanel with the tile in 12 registers (see K06's MicroKernel).</summary>
    // NoInlining: inlined into its caller, the kernel would be compiled inside a larger method whose register
    // pressure and inlining budget make its loop slower; on its own it gets all 16 vector registers.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Tile<TVector, TMath>(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int kc, Span<float> c, int ldc)
        where TVector : struct
        where TMath : struct, IVectorMath<TVector>
    {
        // Step p of the A panel as one Column of six floats, of the B panel as one Row of two vectors: looping to
        // rows.Length lets the JIT drop the bounds checks in the hot loop.
        ReadOnlySpan<Column> columns = MemoryMarshal.Cast<float, Column>(a)[..kc];
        ReadOnlySpan<Row<TVector>> rows = MemoryMarshal.Cast<float, Row<TVector>>(b)[..kc];
        TVector c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        TVector c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        // Two steps of p per turn of the loop (the loop's own counting and branching then costs half as much),
        // and one more step at the end when the depth is odd.
        ReadOnlySpan<TwoColumns> columnPairs = MemoryMarshal.Cast<Column, TwoColumns>(columns);
        ReadOnlySpan<TwoRows<TVector>> rowPairs = MemoryMarshal.Cast<Row<TVector>, TwoRows<TVector>>(rows);
        TVector b0, b1, x;
        for (int p = 0; p < rowPairs.Length; p++)
        {
            ref readonly TwoRows<TVector> rowPair = ref rowPairs[p];
            ref readonly TwoColumns columnPair = ref columnPairs[p];
            b0 = rowPair.First.Left; b1 = rowPair.First.Right;
            x = TMath.Broadcast(columnPair.First.R0);
            c00 = TMath.MultiplyAdd(x, b0, c00); c01 = TMath.MultiplyAdd(x, b1, c01);
            x = TMath.Broadcast(columnPair.First.R1);
            c10 = TMath.MultiplyAdd(x, b0, c10); c11 = TMath.MultiplyAdd(x, b1, c11);
            x = TMath.Broadcast(columnPair.First.R2);
            c20 = TMath.MultiplyAdd(x, b0, c20); c21 = TMath.MultiplyAdd(x, b1, c21);
            x = TMath.Broadcast(columnPair.First.R3);
            c30 = TMath.MultiplyAdd(x, b0, c30); c31 = TMath.MultiplyAdd(x, b1, c31);
            x = TMath.Broadcast(columnPair.First.R4);
            c40 = TMath.MultiplyAdd(x, b0, c40); c41 = TMath.MultiplyAdd(x, b1, c41);
            x = TMath.Broadcast(columnPair.First.R5);
            c50 = TMath.MultiplyAdd(x, b0, c50); c51 = TMath.MultiplyAdd(x, b1, c51);
            b0 = rowPair.Second.Left; b1 = rowPair.Second.Right;
            x = TMath.Broadcast(columnPair.Second.R0);
            c00 = TMath.MultiplyAdd(x, b0, c00); c01 = TMath.MultiplyAdd(x, b1, c01);
            x = TMath.Broadcast(columnPair.Second.R1);
            c10 = TMath.MultiplyAdd(x, b0, c10); c11 = TMath.MultiplyAdd(x, b1, c11);
            x = TMath.Broadcast(columnPair.Second.R2);
            c20 = TMath.MultiplyAdd(x, b0, c20); c21 = TMath.MultiplyAdd(x, b1, c21);
            x = TMath.Broadcast(columnPair.Second.R3);
            c30 = TMath.MultiplyAdd(x, b0, c30); c31 = TMath.MultiplyAdd(x, b1, c31);
            x = TMath.Broadcast(columnPair.Second.R4);
            c40 = TMath.MultiplyAdd(x, b0, c40); c41 = TMath.MultiplyAdd(x, b1, c41);
            x = TMath.Broadcast(columnPair.Second.R5);
            c50 = TMath.MultiplyAdd(x, b0, c50); c51 = TMath.MultiplyAdd(x, b1, c51);
        }
        if (kc % 2 == 1)
        {
            ref readonly Column column = ref columns[kc - 1];
            b0 = rows[kc - 1].Left; b1 = rows[kc - 1].Right;
            x = TMath.Broadcast(column.R0);
            c00 = TMath.MultiplyAdd(x, b0, c00); c01 = TMath.MultiplyAdd(x, b1, c01);
            x = TMath.Broadcast(column.R1);
            c10 = TMath.MultiplyAdd(x, b0, c10); c11 = TMath.MultiplyAdd(x, b1, c11);
            x = TMath.Broadcast(column.R2);
            c20 = TMath.MultiplyAdd(x, b0, c20); c21 = TMath.MultiplyAdd(x, b1, c21);
            x = TMath.Broadcast(column.R3);
            c30 = TMath.MultiplyAdd(x, b0, c30); c31 = TMath.MultiplyAdd(x, b1, c31);
            x = TMath.Broadcast(column.R4);
            c40 = TMath.MultiplyAdd(x, b0, c40); c41 = TMath.MultiplyAdd(x, b1, c41);
            x = TMath.Broadcast(column.R5);
            c50 = TMath.MultiplyAdd(x, b0, c50); c51 = TMath.MultiplyAdd(x, b1, c51);
        }
        AddRow<TVector, TMath>(c, c00, c01);
        AddRow<TVector, TMath>(c[ldc..], c10, c11);
        AddRow<TVector, TMath>(c[(2 * ldc)..], c20, c21);
        AddRow<TVector, TMath>(c[(3 * ldc)..], c30, c31);
        AddRow<TVector, TMath>(c[(4 * ldc)..], c40, c41);
        AddRow<TVector, TMath>(c[(5 * ldc)..], c50, c51);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow<TVector, TMath>(Span<float> row, TVector left, TVector right)
        where TVector : struct
        where TMath : struct, IVectorMath<TVector>
    {
        Span<float> second = row[TMath.Lanes..];
        TMath.Store(TMath.Add(TMath.Load(row), left), row);
        TMath.Store(TMath.Add(TMath.Load(second), right), second);
    }

    // The fields are never assigned: these structs are only ever views of packed floats, through MemoryMarshal.Cast.
#pragma warning disable CS0649
    private readonly struct Column
    {
        public readonly float R0, R1, R2, R3, R4, R5;
    }

    private readonly struct Row<TVector> where TVector : struct
    {
        public readonly TVector Left, Right;
    }

    private readonly struct TwoColumns
    {
        public readonly Column First, Second;
    }

    private readonly struct TwoRows<TVector> where TVector : struct
    {
        public readonly Row<TVector> First, Second;
    }
#pragma warning restore CS0649
}
