using System.Runtime.Intrinsics;
using Foundations;

namespace Katas.FastMatmul;

/// <summary>
/// Step 5's shortcut for small products such as the chapter's 5×784 @ 784×10 (39,200 multiply-adds, a few
/// microseconds of arithmetic). There, packing B costs as much as the product and a second core costs more, so
/// this reads A and B where they are and keeps each vector of C's row in registers for the whole sum.
/// </summary>
internal static class SmallProduct
{
    /// <summary>Up to this many multiply-adds, <see cref="ParallelMatmul"/> comes here instead of packing.</summary>
    public const long MaxMultiplyAdds = 1L << 16;

    /// <summary>c (m×n, contiguous, zeros) = a @ b, on one core.</summary>
    public static void Multiply(Tensor a, Tensor b, float[] c, VectorWidth width)
    {
        switch (width)
        {
            case VectorWidth.Bits128: Rows<Vector128<float>, Math128>(a, b, c); break;
            case VectorWidth.Bits256: Rows<Vector256<float>, Math256>(a, b, c); break;
            default: Rows<Vector512<float>, Math512>(a, b, c); break;
        }
    }

    private static void Rows<TVector, TMath>(Tensor a, Tensor b, float[] c)
        where TVector : struct
        where TMath : struct, IVectorMath<TVector>
    {
        int m = a.Shape[0], k = a.Shape[1], n = b.Shape[1], lanes = TMath.Lanes;
        // Rows that are contiguous are read in place; other layouts are copied to row-major once (small here).
        ReadOnlySpan<float> left = RowMajor(a, out int lda), right = RowMajor(b, out int ldb);
        for (int i = 0; i < m; i++)
        {
            ReadOnlySpan<float> aRow = left.Slice(i * lda, k);
            Span<float> cRow = c.AsSpan(i * n, n);
            int j = 0;
            for (; j + lanes <= n; j += lanes)
                TMath.Store(RowTimesColumns<TVector, TMath>(aRow, right, ldb, j), cRow[j..]);
            for (; j < n; j++) cRow[j] = RowTimesColumn(aRow, right, ldb, j); // the columns that do not fill a vector
        }
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
