using System.Runtime.Intrinsics;
using Foundations;

namespace Katas.FastMatmul;

/// <summary>
/// Step 3 (second half): the loops over cache blocks, on packed panels. The inner kernel is still step 2's idea —
/// vector FMAs along a row — accumulating a 6-row tile in a small scratch buffer; step 4 moves that tile into registers.
/// </summary>
public static class BlockedMatmul
{
    /// <summary>c = a @ b with the widest vectors this machine accelerates.</summary>
    /// <exception cref="ArgumentException">Not two matrices, or inner sizes that differ (PyTorch's message).</exception>
    public static Tensor Multiply(Tensor a, Tensor b) => Multiply(a, b, HardwareWidth.Preferred);

    /// <summary>
    /// c = a @ b in kc-deep slices of k and mc-tall blocks of rows, each block of A and slice of B packed into panels
    /// first (<see cref="PanelPacking"/>); panels 2 vectors wide for <paramref name="width"/>. Any strides work.
    /// </summary>
    /// <exception cref="ArgumentException">Not two matrices, or inner sizes that differ (PyTorch's message).</exception>
    public static Tensor Multiply(Tensor a, Tensor b, VectorWidth width)
    {
        var (m, k, n) = ProductShapes.Check(a, b);
        var c = Tensor.Zeros(m, n);
        if (m == 0 || n == 0 || k == 0) return c;
        int nr = MicroKernel.Columns(width), mr = PanelPacking.PanelRows;
        int kcMax = CacheBlocks.Even(k, CacheBlocks.Depth), mcMax = CacheBlocks.Even(m, CacheBlocks.Rows, mr);
        int panelsOfB = CacheBlocks.DivideUp(n, nr);
        var packedB = new float[panelsOfB * nr * kcMax];
        var packedA = new float[mcMax * kcMax];
        Span<float> tile = stackalloc float[mr * nr];

        for (int pc = 0; pc < k; pc += kcMax)
        {
            int kc = Math.Min(kcMax, k - pc);
            PanelPacking.PackB(b, pc, kc, 0, n, nr, packedB);          // this slice of B, all its columns
            for (int ic = 0; ic < m; ic += mcMax)
            {
                int mc = Math.Min(mcMax, m - ic);
                PanelPacking.PackA(a, ic, mc, pc, kc, packedA);         // this block of A
                for (int panel = 0; panel < panelsOfB; panel++)
                {
                    ReadOnlySpan<float> bPanel = packedB.AsSpan(panel * kc * nr, kc * nr);
                    for (int ir = 0; ir < mc; ir += mr)
                    {
                        ReadOnlySpan<float> aPanel = packedA.AsSpan(ir * kc, kc * mr);
                        tile.Clear();
                        switch (width)
                        {
                            case VectorWidth.Bits128: TileInMemory<Vector128<float>, Math128>(aPanel, bPanel, kc, tile, nr); break;
                            case VectorWidth.Bits256: TileInMemory<Vector256<float>, Math256>(aPanel, bPanel, kc, tile, nr); break;
                            default: TileInMemory<Vector512<float>, Math512>(aPanel, bPanel, kc, tile, nr); break;
                        }
                        AddCorner(tile, nr, c.Storage, (ic + ir) * n + panel * nr, n, Math.Min(mr, mc - ir), Math.Min(nr, n - panel * nr));
                    }
                }
            }
        }
        return c;
    }

    /// <summary>tile[6 × nr] += Apanel · Bpanel, one row of the tile at a time: the tile is loaded and stored every step.</summary>
    private static void TileInMemory<TVector, TMath>(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int kc, Span<float> tile, int nr)
        where TVector : struct
        where TMath : struct, IVectorMath<TVector>
    {
        for (int p = 0; p < kc; p++)
        {
            ReadOnlySpan<float> bRow = b.Slice(p * nr, nr);
            for (int r = 0; r < PanelPacking.PanelRows; r++)
            {
                TVector x = TMath.Broadcast(a[p * PanelPacking.PanelRows + r]);
                Span<float> tileRow = tile.Slice(r * nr, nr);
                for (int j = 0; j < nr; j += TMath.Lanes)
                    TMath.Store(TMath.MultiplyAdd(x, TMath.Load(bRow[j..]), TMath.Load(tileRow[j..])), tileRow[j..]);
            }
        }
    }

    /// <summary>Adds the part of a tile that lies inside C (rows × cols of it) to C: padding never reaches C.</summary>
    internal static void AddCorner(ReadOnlySpan<float> tile, int tileWidth, Span<float> c, int cIndex, int ldc, int rows, int cols)
    {
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> from = tile.Slice(r * tileWidth, cols);
            Span<float> to = c.Slice(cIndex + r * ldc, cols);
            for (int j = 0; j < cols; j++) to[j] += from[j];
        }
    }
}
