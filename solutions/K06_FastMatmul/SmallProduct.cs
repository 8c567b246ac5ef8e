using System.Runtime.Intrinsics;
using Foundations;

namespace Katas.FastMatmul;

/// <summary>
/// Step 5's shortcut for small products such as the chapter's 5×784 @ 784×10 (39,200 multiply-adds, a few
/// microseconds of arithmetic). There, packing B costs as much as the product and a second core costs more, so
/// this reads A and B where they are and keeps four rows' vectors of C in registers for the whole sum.
/// A row of C narrower than one vector (the chapter's 10 columns against AVX-512's 16 lanes) takes narrower vectors
/// rather than a scalar loop: on an AVX-512 machine the scalar loop made this product ten times slower than OpenBLAS.
/// </summary>
internal static class SmallProduct
{
    /// <summary>Up to this many multiply-adds, <see cref="ParallelMatmul"/> comes here instead of packing.</summary>
    public const long MaxMultiplyAdds = 1L << 16;

    /// <summary>c (m×n, contiguous, zeros) = a @ b, on one core.</summary>
    public static void Multiply(Tensor a, Tensor b, float[] c, VectorWidth width)
    {
        switch (Fitting(width, b.Shape[1]))
        {
            case VectorWidth.Bits128: Rows<Vector128<float>, Math128>(a, b, c); break;
            case VectorWidth.Bits256: Rows<Vector256<float>, Math256>(a, b, c); break;
            default: Rows<Vector512<float>, Math512>(a, b, c); break;
        }
    }

    /// <summary>The widest vector up to <paramref name="width"/> that fits in a row of <paramref name="columns"/>.</summary>
    private static VectorWidth Fitting(VectorWidth width, int columns)
    {
        while (width > VectorWidth.Bits128 && HardwareWidth.Lanes(width) > columns) width = (VectorWidth)((int)width / 2);
        return width;
    }

    private static void Rows<TVector, TMath>(Tensor a, Tensor b, float[] c)
        where TVector : struct
        where TMath : struct, IVectorMath<TVector>
    {
        int m = a.Shape[0], k = a.Shape[1], n = b.Shape[1], lanes = TMath.Lanes;
        // Rows that are contiguous are read in place; other layouts are copied to row-major once (small here).
        ReadOnlySpan<float> left = RowMajor(a, out int lda), right = RowMajor(b, out int ldb);
        if (n < lanes)
        {
            // Narrower than even a 128-bit vector (n < 4): one number of C at a time.
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) c[i * n + j] = RowTimesColumn(left.Slice(i * lda, k), right, ldb, j);
            return;
        }
        int row = 0;
        for (; row + 4 <= m; row += 4)
            for (int j = 0; j < n; j = NextVector(j, n, lanes))
                FourRowsTimesColumns<TVector, TMath>(left.Slice(row * lda), lda, k, right, ldb, j, c.AsSpan(row * n), n);
        for (; row < m; row++) // the last m mod 4 rows, one at a time
        {
            ReadOnlySpan<float> aRow = left.Slice(row * lda, k);
            for (int j = 0; j < n; j = NextVector(j, n, lanes))
                TMath.Store(RowTimesColumns<TVector, TMath>(aRow, right, ldb, j), c.AsSpan(row * n + j));
        }
    }

    /// <summary>
    /// Where the vector after the one at column <paramref name="j"/> starts: <paramref name="lanes"/> further on, but
    /// the last one is moved back to end at column n, so no scalar loop is needed for the columns past the last whole
    /// vector. It repeats a few columns the one before it wrote, and writes the same bits there (each lane's sum runs
    /// in the same order wherever the vector starts). Returns n when the row is done.
    /// </summary>
    private static int NextVector(int j, int n, int lanes) => j + lanes >= n ? n : Math.Min(j + lanes, n - lanes);

    /// <summary>
    /// C[0..4, j..j+lanes] = A[0..4, :] · B[:, j..j+lanes]. One load of B's row serves four rows of A, and the even
    /// and odd steps of p go to separate sums: 8 independent FMAs in flight, what two FMA units that take ~4 cycles
    /// each need, with a quarter of the index arithmetic and loads of one row at a time.
    /// </summary>
    private static void FourRowsTimesColumns<TVector, TMath>(ReadOnlySpan<float> a, int lda, int k, ReadOnlySpan<float> b, int ldb, int j, Span<float> c, int ldc)
        where TVector : struct
        where TMath : struct, IVectorMath<TVector>
    {
        ReadOnlySpan<float> a0 = a[..k], a1 = a.Slice(lda, k), a2 = a.Slice(2 * lda, k), a3 = a.Slice(3 * lda, k);
        int lanes = TMath.Lanes, p = 0;
        TVector even0 = default, even1 = default, even2 = default, even3 = default;
        TVector odd0 = default, odd1 = default, odd2 = default, odd3 = default;
        for (; p + 2 <= k; p += 2)
        {
            TVector even = TMath.Load(b.Slice(p * ldb + j, lanes)), odd = TMath.Load(b.Slice((p + 1) * ldb + j, lanes));
            even0 = TMath.MultiplyAdd(TMath.Broadcast(a0[p]), even, even0); odd0 = TMath.MultiplyAdd(TMath.Broadcast(a0[p + 1]), odd, odd0);
            even1 = TMath.MultiplyAdd(TMath.Broadcast(a1[p]), even, even1); odd1 = TMath.MultiplyAdd(TMath.Broadcast(a1[p + 1]), odd, odd1);
            even2 = TMath.MultiplyAdd(TMath.Broadcast(a2[p]), even, even2); odd2 = TMath.MultiplyAdd(TMath.Broadcast(a2[p + 1]), odd, odd2);
            even3 = TMath.MultiplyAdd(TMath.Broadcast(a3[p]), even, even3); odd3 = TMath.MultiplyAdd(TMath.Broadcast(a3[p + 1]), odd, odd3);
        }
        if (p < k) // an odd depth: the last step
        {
            TVector last = TMath.Load(b.Slice(p * ldb + j, lanes));
            even0 = TMath.MultiplyAdd(TMath.Broadcast(a0[p]), last, even0);
            even1 = TMath.MultiplyAdd(TMath.Broadcast(a1[p]), last, even1);
            even2 = TMath.MultiplyAdd(TMath.Broadcast(a2[p]), last, even2);
            even3 = TMath.MultiplyAdd(TMath.Broadcast(a3[p]), last, even3);
        }
        TMath.Store(TMath.Add(even0, odd0), c[j..]);
        TMath.Store(TMath.Add(even1, odd1), c[(ldc + j)..]);
        TMath.Store(TMath.Add(even2, odd2), c[(2 * ldc + j)..]);
        TMath.Store(TMath.Add(even3, odd3), c[(3 * ldc + j)..]);
    }

    /// <summary>
    /// Σₚ aRow[p] · B[p, j..j+lanes]. Four sums (even p mod 4 = 0, 1, 2, 3) are kept apart and added at the end:
    /// one sum would make every FMA wait ~4 cycles for the previous one; four keep the FMA unit busy.
    /// </summary>
    private static TVector RowTimesColumns<TVector, TMath>(ReadOnlySpan<float> aRow, ReadOnlySpan<float> b, int ldb, int j)
        where TVector : struct
        where TMath : struct, IVectorMath<TVector>
    {
        TVector s0 = default, s1 = default, s2 = default, s3 = default;
        int p = 0, lanes = TMath.Lanes;
        for (; p + 4 <= aRow.Length; p += 4)
        {
            s0 = TMath.MultiplyAdd(TMath.Broadcast(aRow[p]), TMath.Load(b.Slice(p * ldb + j, lanes)), s0);
            s1 = TMath.MultiplyAdd(TMath.Broadcast(aRow[p + 1]), TMath.Load(b.Slice((p + 1) * ldb + j, lanes)), s1);
            s2 = TMath.MultiplyAdd(TMath.Broadcast(aRow[p + 2]), TMath.Load(b.Slice((p + 2) * ldb + j, lanes)), s2);
            s3 = TMath.MultiplyAdd(TMath.Broadcast(aRow[p + 3]), TMath.Load(b.Slice((p + 3) * ldb + j, lanes)), s3);
        }
        for (; p < aRow.Length; p++) s0 = TMath.MultiplyAdd(TMath.Broadcast(aRow[p]), TMath.Load(b.Slice(p * ldb + j, lanes)), s0);
        return TMath.Add(TMath.Add(s0, s1), TMath.Add(s2, s3));
    }

    /// <summary>Σₚ aRow[p] · B[p, j] for one column, with four sums for the same reason.</summary>
    private static float RowTimesColumn(ReadOnlySpan<float> aRow, ReadOnlySpan<float> b, int ldb, int j)
    {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int p = 0;
        for (; p + 4 <= aRow.Length; p += 4)
        {
            s0 = MathF.FusedMultiplyAdd(aRow[p], b[p * ldb + j], s0);
            s1 = MathF.FusedMultiplyAdd(aRow[p + 1], b[(p + 1) * ldb + j], s1);
            s2 = MathF.FusedMultiplyAdd(aRow[p + 2], b[(p + 2) * ldb + j], s2);
            s3 = MathF.FusedMultiplyAdd(aRow[p + 3], b[(p + 3) * ldb + j], s3);
        }
        for (; p < aRow.Length; p++) s0 = MathF.FusedMultiplyAdd(aRow[p], b[p * ldb + j], s0);
        return (s0 + s1) + (s2 + s3);
    }

    /// <summary>The matrix's elements, with element (i, j) at i·<paramref name="rowStride"/> + j.</summary>
    private static ReadOnlySpan<float> RowMajor(Tensor t, out int rowStride)
    {
        int rows = t.Shape[0], cols = t.Shape[1];
        rowStride = t.Strides[0];
        if (t.Strides[1] == 1 && rowStride >= cols) return t.Storage.AsSpan(t.Offset, (rows - 1) * rowStride + cols);
        rowStride = cols;
        return t.ToArray();
    }
}
