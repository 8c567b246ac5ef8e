using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Foundations;

namespace Katas.FastMatmul;

/// <summary>A matrix product that gets close to the machine's limit: the tricks a BLAS library uses, one at a time.</summary>
/// <remarks>
/// The shape of the algorithm (Goto's, as BLIS and OpenBLAS use it), outermost loop first:
/// <code>
/// for each kc-deep slice of k:            pack that slice of B into NR-wide column panels (shared)
///   for each thread's rectangle of C:     (exactly one rectangle per core, so the cores finish together)
///     for each mc-tall block of rows:     pack that block of A into MR-tall row panels (per thread)
///       for each NR-wide panel of B:      (stays in L1 while…)
///         for each MR-tall panel of A:    …the micro-kernel keeps an MR×NR tile of C in registers
/// </code>
/// </remarks>
public static class FastMatmul
{
    // The micro-tile: MR rows × NR columns of C live in registers for the whole k loop.
    // 6 rows × 2 vectors = 12 accumulators + 2 rows of B + 1 broadcast of A = 15 of the 32 AVX-512 registers,
    // and 12 independent FMAs per step hide the FMA latency (about 4 cycles × 2 FMA units = 8 in flight).
    private const int MR = 6;

    // NR, the micro-tile's width: two vectors of 16 floats with AVX-512, one when B has at most 16 columns (the
    // chapter's 784×10 would otherwise pad every row to 32), two vectors of 8 with AVX2. The runtime, not the CPU
    // flags, decides whether 512-bit vectors are worth it: on some Intel chips .NET reports
    // Vector512.IsHardwareAccelerated == false on purpose (512-bit code lowers the clock there).
    private static int PanelWidth(int n) => Vector512.IsHardwareAccelerated && n > 16 ? 32 : 16;

    // Cache blocking. A kc×NR panel of B (256×32×4 B = 32 KB) fits the 48 KB L1; an mc×kc block of A
    // (192×256×4 B = 192 KB) fits comfortably in the 1 MB L2 next to it.
    private const int KcMax = 256;
    private const int McMax = 192;

    // Below about a million multiply-adds, waking a second thread costs more than it saves.
    private const long ParallelThreshold = 1L << 20;

    /// <summary>
    /// c = a @ b for a of shape m×k and b of shape k×n, as fast as you can make it: i-k-j order, SIMD with
    /// fused multiply-add, cache blocks packed into contiguous panels, a register-blocked micro-kernel, and
    /// the blocks shared out across cores. Any strides work (transposed views included); the result is a new
    /// contiguous m×n tensor.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A or b is not 2-D, or their inner sizes differ: "mat1 and mat2 shapes cannot be multiplied (5x784 and 10x784)".
    /// </exception>
    public static Tensor Compute(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rank != 2 || b.Rank != 2)
            throw new ArgumentException(
                $"FastMatmul multiplies two matrices (2-D tensors), but got shapes {ShapeRules.Format(a.Shape)} and {ShapeRules.Format(b.Shape)}.");
        int m = a.Shape[0], k = a.Shape[1], n = b.Shape[1];
        if (k != b.Shape[0])
            throw new ArgumentException($"mat1 and mat2 shapes cannot be multiplied ({m}x{k} and {b.Shape[0]}x{n})");

        var c = Tensor.Zeros(m, n);
        if (m == 0 || n == 0 || k == 0) return c; // an empty sum is 0, and Zeros already says so

        var input = new Operands(a, b, c.Storage);
        var plan = Plan.For(m, n, k, input.NR);
        float[] packedB = ArrayPool<float>.Shared.Rent(plan.Kc * plan.Panels * input.NR);
        try
        {
            for (int pc = 0; pc < k; pc += plan.Kc)
            {
                int kc = Math.Min(plan.Kc, k - pc);
                // Pack this slice of B once; every thread then reads the same packed panels.
                Run(plan.Threads, t => PackB(input, pc, kc, packedB, plan.PackingRange(t)));
                Run(plan.Threads, t => MultiplyRectangle(input, plan, t, pc, kc, packedB));
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(packedB);
        }
        return c;
    }

    /// <summary>Runs body(0…count-1): inline when there is one piece, on the thread pool otherwise.</summary>
    private static void Run(int count, Action<int> body)
    {
        if (count == 1) body(0);
        else Parallel.For(0, count, body);
    }

    /// <summary>
    /// One thread's share of C for one kc slice: its rows (or columns) in mc-tall blocks, each block of A packed
    /// into a buffer of its own, then every MR×NR tile of the block through the micro-kernel.
    /// </summary>
    private static void MultiplyRectangle(Operands input, Plan plan, int thread, int pc, int kc, float[] packedB)
    {
        var (rowStart, rowEnd) = plan.RowRange(thread);
        var (panelStart, panelEnd) = plan.PanelRange(thread);
        float[] packedA = ArrayPool<float>.Shared.Rent(plan.Mc * kc);
        try
        {
            for (int ic = rowStart; ic < rowEnd; ic += plan.Mc)
            {
                int mc = Math.Min(plan.Mc, rowEnd - ic);
                PackA(input, ic, mc, pc, kc, packedA);
                for (int panel = panelStart; panel < panelEnd; panel++)
                {
                    int jc = panel * input.NR;
                    int nr = Math.Min(input.NR, input.N - jc);
                    ref float bPanel = ref packedB[panel * kc * input.NR];
                    for (int ir = 0; ir < mc; ir += MR)
                    {
                        int mr = Math.Min(MR, mc - ir);
                        ref float aPanel = ref packedA[ir * kc];
                        Tile(ref aPanel, ref bPanel, kc, input.C, (ic + ir) * input.N + jc, input.N, mr, nr, input.NR);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(packedA);
        }
    }

    /// <summary>
    /// Adds one MR×NR tile of A·B to C. Whole tiles go straight into C. A tile cut short by the edge of C is
    /// computed whole into a zeroed scratch tile, and only its valid mr×nr corner is added to C: whatever the
    /// packed panels hold past the edge of A or B only ever reaches the scratch tile's extra rows and columns.
    /// </summary>
    private static void Tile(ref float aPanel, ref float bPanel, int kc, float[] c, int cIndex, int ldc, int mr, int nr, int width)
    {
        if (mr == MR && nr == width)
        {
            MicroKernel(ref aPanel, ref bPanel, kc, ref c[cIndex], ldc, width);
            return;
        }
        Span<float> scratch = stackalloc float[MR * 32];
        scratch.Clear();
        MicroKernel(ref aPanel, ref bPanel, kc, ref scratch[0], width, width);
        for (int r = 0; r < mr; r++)
            for (int j = 0; j < nr; j++)
                c[cIndex + r * ldc + j] += scratch[r * width + j];
    }

    private static void MicroKernel(ref float aPanel, ref float bPanel, int kc, ref float c, int ldc, int width)
    {
        if (width == 32) MicroKernel512(ref aPanel, ref bPanel, kc, ref c, ldc);
        else if (Vector512.IsHardwareAccelerated) MicroKernel512Narrow(ref aPanel, ref bPanel, kc, ref c, ldc);
        else MicroKernel256(ref aPanel, ref bPanel, kc, ref c, ldc);
    }

    /// <summary>
    /// The heart of it: C[6×32] += Apanel[6×kc] · Bpanel[kc×32]. Each step of k loads one 32-wide row of the
    /// B panel (two vectors), broadcasts six numbers of the A panel and does 12 fused multiply-adds into
    /// registers. Both panels are read strictly in order, so the hardware prefetcher streams them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MicroKernel512(ref float a, ref float b, int kc, ref float c, int ldc)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector512<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.LoadUnsafe(ref b);
            var b1 = Vector512.LoadUnsafe(ref b, 16);
            var a0 = Vector512.Create(a);
            c00 = Vector512.FusedMultiplyAdd(a0, b0, c00); c01 = Vector512.FusedMultiplyAdd(a0, b1, c01);
            var a1 = Vector512.Create(Unsafe.Add(ref a, 1));
            c10 = Vector512.FusedMultiplyAdd(a1, b0, c10); c11 = Vector512.FusedMultiplyAdd(a1, b1, c11);
            var a2 = Vector512.Create(Unsafe.Add(ref a, 2));
            c20 = Vector512.FusedMultiplyAdd(a2, b0, c20); c21 = Vector512.FusedMultiplyAdd(a2, b1, c21);
            var a3 = Vector512.Create(Unsafe.Add(ref a, 3));
            c30 = Vector512.FusedMultiplyAdd(a3, b0, c30); c31 = Vector512.FusedMultiplyAdd(a3, b1, c31);
            var a4 = Vector512.Create(Unsafe.Add(ref a, 4));
            c40 = Vector512.FusedMultiplyAdd(a4, b0, c40); c41 = Vector512.FusedMultiplyAdd(a4, b1, c41);
            var a5 = Vector512.Create(Unsafe.Add(ref a, 5));
            c50 = Vector512.FusedMultiplyAdd(a5, b0, c50); c51 = Vector512.FusedMultiplyAdd(a5, b1, c51);
            a = ref Unsafe.Add(ref a, MR);
            b = ref Unsafe.Add(ref b, 32);
        }
        AddRow512(ref c, c00, c01);
        AddRow512(ref Unsafe.Add(ref c, ldc), c10, c11);
        AddRow512(ref Unsafe.Add(ref c, 2 * ldc), c20, c21);
        AddRow512(ref Unsafe.Add(ref c, 3 * ldc), c30, c31);
        AddRow512(ref Unsafe.Add(ref c, 4 * ldc), c40, c41);
        AddRow512(ref Unsafe.Add(ref c, 5 * ldc), c50, c51);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow512(ref float row, Vector512<float> left, Vector512<float> right)
    {
        (Vector512.LoadUnsafe(ref row) + left).StoreUnsafe(ref row);
        (Vector512.LoadUnsafe(ref row, 16) + right).StoreUnsafe(ref row, 16);
    }

    /// <summary>The narrow AVX-512 micro-kernel for a B of at most 16 columns: C[6×16] += Apanel[6×kc] · Bpanel[kc×16].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MicroKernel512Narrow(ref float a, ref float b, int kc, ref float c, int ldc)
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.LoadUnsafe(ref b);
            c0 = Vector512.FusedMultiplyAdd(Vector512.Create(a), b0, c0);
            c1 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref a, 1)), b0, c1);
            c2 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref a, 2)), b0, c2);
            c3 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref a, 3)), b0, c3);
            c4 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref a, 4)), b0, c4);
            c5 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref a, 5)), b0, c5);
            a = ref Unsafe.Add(ref a, MR);
            b = ref Unsafe.Add(ref b, 16);
        }
        (Vector512.LoadUnsafe(ref c) + c0).StoreUnsafe(ref c);
        (Vector512.LoadUnsafe(ref c, (nuint)ldc) + c1).StoreUnsafe(ref c, (nuint)ldc);
        (Vector512.LoadUnsafe(ref c, (nuint)(2 * ldc)) + c2).StoreUnsafe(ref c, (nuint)(2 * ldc));
        (Vector512.LoadUnsafe(ref c, (nuint)(3 * ldc)) + c3).StoreUnsafe(ref c, (nuint)(3 * ldc));
        (Vector512.LoadUnsafe(ref c, (nuint)(4 * ldc)) + c4).StoreUnsafe(ref c, (nuint)(4 * ldc));
        (Vector512.LoadUnsafe(ref c, (nuint)(5 * ldc)) + c5).StoreUnsafe(ref c, (nuint)(5 * ldc));
    }

    /// <summary>The same micro-kernel for 256-bit vectors: C[6×16] += Apanel[6×kc] · Bpanel[kc×16].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MicroKernel256(ref float a, ref float b, int kc, ref float c, int ldc)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.LoadUnsafe(ref b);
            var b1 = Vector256.LoadUnsafe(ref b, 8);
            var a0 = Vector256.Create(a);
            c00 = Vector256.FusedMultiplyAdd(a0, b0, c00); c01 = Vector256.FusedMultiplyAdd(a0, b1, c01);
            var a1 = Vector256.Create(Unsafe.Add(ref a, 1));
            c10 = Vector256.FusedMultiplyAdd(a1, b0, c10); c11 = Vector256.FusedMultiplyAdd(a1, b1, c11);
            var a2 = Vector256.Create(Unsafe.Add(ref a, 2));
            c20 = Vector256.FusedMultiplyAdd(a2, b0, c20); c21 = Vector256.FusedMultiplyAdd(a2, b1, c21);
            var a3 = Vector256.Create(Unsafe.Add(ref a, 3));
            c30 = Vector256.FusedMultiplyAdd(a3, b0, c30); c31 = Vector256.FusedMultiplyAdd(a3, b1, c31);
            var a4 = Vector256.Create(Unsafe.Add(ref a, 4));
            c40 = Vector256.FusedMultiplyAdd(a4, b0, c40); c41 = Vector256.FusedMultiplyAdd(a4, b1, c41);
            var a5 = Vector256.Create(Unsafe.Add(ref a, 5));
            c50 = Vector256.FusedMultiplyAdd(a5, b0, c50); c51 = Vector256.FusedMultiplyAdd(a5, b1, c51);
            a = ref Unsafe.Add(ref a, MR);
            b = ref Unsafe.Add(ref b, 16);
        }
        AddRow256(ref c, c00, c01);
        AddRow256(ref Unsafe.Add(ref c, ldc), c10, c11);
        AddRow256(ref Unsafe.Add(ref c, 2 * ldc), c20, c21);
        AddRow256(ref Unsafe.Add(ref c, 3 * ldc), c30, c31);
        AddRow256(ref Unsafe.Add(ref c, 4 * ldc), c40, c41);
        AddRow256(ref Unsafe.Add(ref c, 5 * ldc), c50, c51);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow256(ref float row, Vector256<float> left, Vector256<float> right)
    {
        (Vector256.LoadUnsafe(ref row) + left).StoreUnsafe(ref row);
        (Vector256.LoadUnsafe(ref row, 8) + right).StoreUnsafe(ref row, 8);
    }

    /// <summary>
    /// Copies rows ic…ic+mc, columns pc…pc+kc of A into MR-tall panels laid out k-major
    /// (panel[p·MR + r] = A[ic + r, pc + p]). This is where strides are paid for, once per block: the
    /// micro-kernel only ever sees contiguous data, read in order.
    /// </summary>
    private static void PackA(Operands input, int ic, int mc, int pc, int kc, float[] packed)
    {
        for (int ir = 0; ir < mc; ir += MR)
        {
            int first = input.AOffset + (ic + ir) * input.ARowStride + pc * input.AColStride;
            PackAPanel(ref input.A[first], input.ARowStride, input.AColStride, Math.Min(MR, mc - ir), ref packed[ir * kc], kc);
        }
    }

    /// <summary>
    /// One MR-tall panel: six reads and six contiguous writes per step of k. A panel cut short by the bottom of A
    /// repeats its last row instead of reading past it: those rows only ever reach the scratch tile, never C.
    /// </summary>
    private static void PackAPanel(ref float a, int rowStride, int colStride, int mr, ref float packed, int kc)
    {
        nint r0 = 0, r1 = Math.Min(1, mr - 1) * rowStride, r2 = Math.Min(2, mr - 1) * rowStride;
        nint r3 = Math.Min(3, mr - 1) * rowStride, r4 = Math.Min(4, mr - 1) * rowStride, r5 = Math.Min(5, mr - 1) * rowStride;
        for (int p = 0; p < kc; p++)
        {
            ref float source = ref Unsafe.Add(ref a, (nint)p * colStride);
            ref float target = ref Unsafe.Add(ref packed, p * MR);
            target = Unsafe.Add(ref source, r0);
            Unsafe.Add(ref target, 1) = Unsafe.Add(ref source, r1);
            Unsafe.Add(ref target, 2) = Unsafe.Add(ref source, r2);
            Unsafe.Add(ref target, 3) = Unsafe.Add(ref source, r3);
            Unsafe.Add(ref target, 4) = Unsafe.Add(ref source, r4);
            Unsafe.Add(ref target, 5) = Unsafe.Add(ref source, r5);
        }
    }

    /// <summary>
    /// Copies rows pc…pc+kc of B, for the column panels in <paramref name="panels"/>, into NR-wide panels laid out
    /// k-major (panel[p·NR + j] = B[pc + p, jc + j]), padding the last panel with zero columns.
    /// </summary>
    private static void PackB(Operands input, int pc, int kc, float[] packed, (int Start, int End) panels)
    {
        float[] b = input.B;
        int rowStride = input.BRowStride, colStride = input.BColStride;
        for (int panelIndex = panels.Start; panelIndex < panels.End; panelIndex++)
        {
            int width = input.NR;
            int jc = panelIndex * width;
            int nr = Math.Min(width, input.N - jc);
            int panel = panelIndex * kc * width;
            for (int p = 0; p < kc; p++)
            {
                int source = input.BOffset + (pc + p) * rowStride + jc * colStride;
                int target = panel + p * width;
                if (colStride == 1 && nr == width) CopyRow(ref b[source], ref packed[target], width); // row-major B: whole vectors
                else if (colStride == 1 && Avx512F.IsSupported && Vector512.IsHardwareAccelerated) CopyPartialRow(b, source, packed, target, nr, width);
                else
                {
                    // A narrow last panel or a strided B: element by element, then zeros to the panel's width.
                    int j = 0;
                    for (; j < nr; j++) packed[target + j] = b[source + j * colStride];
                    for (; j < width; j++) packed[target + j] = 0;
                }
            }
        }
    }

    /// <summary>Copies a panel row of 16 or 32 contiguous floats with whole vectors, cheaper than a general block copy this short.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyRow(ref float source, ref float target, int width)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512.LoadUnsafe(ref source).StoreUnsafe(ref target);
            if (width == 32) Vector512.LoadUnsafe(ref source, 16).StoreUnsafe(ref target, 16);
        }
        else
        {
            Vector256.LoadUnsafe(ref source).StoreUnsafe(ref target);
            Vector256.LoadUnsafe(ref source, 8).StoreUnsafe(ref target, 8);
        }
    }

    /// <summary>
    /// Copies the nr &lt; width floats left at the end of a row and zero-fills the panel row, with masked loads: the lanes past nr are neither read (no fault past the end of the array) nor kept (they become 0).
    /// Element by element, this padding would cost more than the multiply for a narrow B like the chapter's 784×10.
    /// </summary>
    private static unsafe void CopyPartialRow(float[] source, int sourceIndex, float[] target, int targetIndex, int nr, int width)
    {
        var lanes = Vector512.Create(0f, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        Vector512<float> low = Vector512.LessThan(lanes, Vector512.Create((float)nr));
        Vector512<float> high = Vector512.LessThan(lanes, Vector512.Create((float)(nr - 16)));
        fixed (float* from = &source[sourceIndex], to = &target[targetIndex])
        {
            Avx512F.MaskLoad(from, low, Vector512<float>.Zero).Store(to);
            if (width == 32) Avx512F.MaskLoad(from + 16, high, Vector512<float>.Zero).Store(to + 16);
        }
    }

    /// <summary>The three matrices as flat arrays with their layouts, so the loops index storage directly.</summary>
    private sealed class Operands(Tensor a, Tensor b, float[] c)
    {
        public readonly float[] A = a.Storage, B = b.Storage, C = c;
        public readonly int AOffset = a.Offset, ARowStride = a.Strides[0], AColStride = a.Strides[1];
        public readonly int BOffset = b.Offset, BRowStride = b.Strides[0], BColStride = b.Strides[1];
        public readonly int N = b.Shape[1], NR = PanelWidth(b.Shape[1]);
    }

    /// <summary>
    /// How the work is cut: block sizes, and one rectangle of C per thread. The rectangles split the longer side
    /// of C into equal shares (whole micro-tiles each), so two cores get two equal halves rather than many small
    /// work items that finish unevenly.
    /// </summary>
    private sealed class Plan
    {
        public int Kc, Mc, Threads, Panels;
        private int _m;
        private bool _splitRows;

        public static Plan For(int m, int n, int k, int nr)
        {
            var plan = new Plan { _m = m, Panels = DivideUp(n, nr) };
            // Equal kc slices (784 → 3 × 262 rather than 256 + 256 + 256 + 16).
            plan.Kc = DivideUp(k, DivideUp(k, KcMax));
            bool big = (long)m * n * k >= ParallelThreshold;
            int rowTiles = DivideUp(m, MR);
            plan._splitRows = rowTiles >= plan.Panels;
            int pieces = plan._splitRows ? rowTiles : plan.Panels;
            plan.Threads = big ? Math.Clamp(Environment.ProcessorCount, 1, pieces) : 1;
            int rowsPerThread = plan._splitRows ? DivideUp(rowTiles, plan.Threads) * MR : m;
            // Equal mc blocks within a thread's rows, each a whole number of micro-panels.
            plan.Mc = DivideUp(DivideUp(rowsPerThread, DivideUp(rowsPerThread, McMax)), MR) * MR;
            return plan;
        }

        /// <summary>The rows of C thread t computes.</summary>
        public (int Start, int End) RowRange(int t) => _splitRows ? Share(DivideUp(_m, MR), t, MR, _m) : (0, _m);

        /// <summary>The column panels of C thread t computes: all of them when the threads split the rows.</summary>
        public (int Start, int End) PanelRange(int t) => _splitRows ? (0, Panels) : PackingRange(t);

        /// <summary>The column panels of B thread t packs: always an equal share, whichever way C is split.</summary>
        public (int Start, int End) PackingRange(int t) => Share(Panels, t, 1, Panels);

        /// <summary>Thread t's share of <paramref name="units"/> work units of <paramref name="unitSize"/> each.</summary>
        private (int Start, int End) Share(int units, int t, int unitSize, int limit)
        {
            int start = units * t / Threads, end = units * (t + 1) / Threads;
            return (Math.Min(start * unitSize, limit), Math.Min(end * unitSize, limit));
        }

        private static int DivideUp(int x, int y) => (x + y - 1) / y;
    }
}
