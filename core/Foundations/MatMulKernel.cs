using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Foundations;

/// <summary>
/// The substrate's matrix product: contiguous copies of the operands, then a register-blocked
/// micro-kernel that keeps a 4×16 tile of C in eight 256-bit registers while it walks k,
/// with rows split across cores. Far from BLAS (kata K06 goes there), far beyond the loops.
/// </summary>
internal static class MatMulKernel
{
    private const int Rows = 4;      // rows of C per micro-tile
    private const int Columns = 16;  // columns of C per micro-tile: two Vector256<float>
    private const long ParallelThreshold = 1L << 18; // multiply-adds below which threads cost more than they save

    public static Tensor Multiply(Tensor a, Tensor b)
    {
        int n = a.Shape[0], k = a.Shape[1], m = b.Shape[1];
        Tensor ac = a.Contiguous(), bc = b.Contiguous();
        var c = Tensor.Zeros(n, m);
        if (n == 0 || m == 0 || k == 0) return c;
        float[] aData = ac.Storage, bData = bc.Storage, cData = c.Storage;
        int aOffset = ac.Offset, bOffset = bc.Offset;

        int rowBlocks = (n + Rows - 1) / Rows;
        void RowBlock(int block)
        {
            int row = block * Rows;
            int rows = Math.Min(Rows, n - row);
            MultiplyRows(aData, aOffset + row * k, bData, bOffset, cData, row * m, rows, k, m);
        }

        if ((long)n * m * k < ParallelThreshold) for (int i = 0; i < rowBlocks; i++) RowBlock(i);
        else Parallel.For(0, rowBlocks, RowBlock);
        return c;
    }

    /// <summary>C[rows, m] = A[rows, k] @ B[k, m] for up to four rows.</summary>
    private static void MultiplyRows(float[] a, int aStart, float[] b, int bStart, float[] c, int cStart, int rows, int k, int m)
    {
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j + Columns <= m; j += Columns)
            {
                if (rows == Rows) Tile4x16(a, aStart, b, bStart + j, c, cStart + j, k, m);
                else for (int r = 0; r < rows; r++) Tile1x16(a, aStart + r * k, b, bStart + j, c, cStart + r * m + j, k, m);
            }
        }
        // Leftover columns: a plain i-k-j loop, which streams rows of B.
        for (int r = 0; r < rows; r++)
        {
            for (int p = 0; p < k; p++)
            {
                float aValue = a[aStart + r * k + p];
                int bRow = bStart + p * m;
                int cRow = cStart + r * m;
                for (int jj = j; jj < m; jj++) c[cRow + jj] += aValue * b[bRow + jj];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile4x16(float[] a, int aStart, float[] b, int bStart, float[] c, int cStart, int k, int m)
    {
        ref float aRef = ref a[aStart];
        ref float bRef = ref b[bStart];
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<float> c20 = default, c21 = default, c30 = default, c31 = default;
        for (int p = 0; p < k; p++)
        {
            nuint bIndex = (nuint)(p * m);
            Vector256<float> b0 = Vector256.LoadUnsafe(ref bRef, bIndex);
            Vector256<float> b1 = Vector256.LoadUnsafe(ref bRef, bIndex + 8);
            var a0 = Vector256.Create(Unsafe.Add(ref aRef, p));
            var a1 = Vector256.Create(Unsafe.Add(ref aRef, k + p));
            var a2 = Vector256.Create(Unsafe.Add(ref aRef, 2 * k + p));
            var a3 = Vector256.Create(Unsafe.Add(ref aRef, 3 * k + p));
            c00 = Vector256.FusedMultiplyAdd(a0, b0, c00); c01 = Vector256.FusedMultiplyAdd(a0, b1, c01);
            c10 = Vector256.FusedMultiplyAdd(a1, b0, c10); c11 = Vector256.FusedMultiplyAdd(a1, b1, c11);
            c20 = Vector256.FusedMultiplyAdd(a2, b0, c20); c21 = Vector256.FusedMultiplyAdd(a2, b1, c21);
            c30 = Vector256.FusedMultiplyAdd(a3, b0, c30); c31 = Vector256.FusedMultiplyAdd(a3, b1, c31);
        }
        ref float cRef = ref c[cStart];
        c00.StoreUnsafe(ref cRef); c01.StoreUnsafe(ref cRef, 8);
        c10.StoreUnsafe(ref cRef, (nuint)m); c11.StoreUnsafe(ref cRef, (nuint)m + 8);
        c20.StoreUnsafe(ref cRef, (nuint)(2 * m)); c21.StoreUnsafe(ref cRef, (nuint)(2 * m) + 8);
        c30.StoreUnsafe(ref cRef, (nuint)(3 * m)); c31.StoreUnsafe(ref cRef, (nuint)(3 * m) + 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile1x16(float[] a, int aStart, float[] b, int bStart, float[] c, int cStart, int k, int m)
    {
        ref float bRef = ref b[bStart];
        Vector256<float> c0 = default, c1 = default;
        for (int p = 0; p < k; p++)
        {
            nuint bIndex = (nuint)(p * m);
            var a0 = Vector256.Create(a[aStart + p]);
            c0 = Vector256.FusedMultiplyAdd(a0, Vector256.LoadUnsafe(ref bRef, bIndex), c0);
            c1 = Vector256.FusedMultiplyAdd(a0, Vector256.LoadUnsafe(ref bRef, bIndex + 8), c1);
        }
        ref float cRef = ref c[cStart];
        c0.StoreUnsafe(ref cRef);
        c1.StoreUnsafe(ref cRef, 8);
    }
}
