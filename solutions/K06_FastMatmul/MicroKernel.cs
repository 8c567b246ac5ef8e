using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Katas.FastMatmul;

/// <summary>
/// Step 4: the register micro-kernel, the one loop where almost all the time goes. It adds one 6-row tile of
/// A·B to C while the whole tile lives in registers: 6 rows × 2 vectors = 12 accumulators.
/// </summary>
public static class MicroKernel
{
    /// <summary>Rows of C per tile: one per packed row of A (<see cref="PanelPacking.PanelRows"/>).</summary>
    public const int Rows = PanelPacking.PanelRows;

    /// <summary>Columns of C per tile: two vectors, so 8, 16 or 32 floats for 128, 256 or 512 bits.</summary>
    public static int Columns(VectorWidth width) => 2 * HardwareWidth.Lanes(width);

    /// <summary>
    /// C[6 × NR] += Apanel · Bpanel, where NR = <see cref="Columns"/>(<paramref name="width"/>), the A panel is packed
    /// k-major 6 rows wide (<c>aPanel[p·6 + r]</c>) and the B panel k-major NR columns wide (<c>bPanel[p·NR + j]</c>),
    /// as <see cref="PanelPacking"/> writes them. Row r of the tile is <c>c[r·cRowStride .. r·cRowStride + NR]</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A span too short for the depth, or a row stride narrower than the tile.</exception>
    public static void Multiply(ReadOnlySpan<float> aPanel, ReadOnlySpan<float> bPanel, int depth, Span<float> c, int cRowStride, VectorWidth width)
    {
        int columns = Columns(width);
        if (depth < 0) throw new ArgumentOutOfRangeException(nameof(depth), depth, "the depth of a product cannot be negative");
        if (aPanel.Length < depth * Rows)
            throw new ArgumentException($"the A panel holds {aPanel.Length} floats but depth {depth} needs {depth * Rows} (6 per step)", nameof(aPanel));
        if (bPanel.Length < depth * columns)
            throw new ArgumentException($"the B panel holds {bPanel.Length} floats but depth {depth} needs {depth * columns} ({columns} per step)", nameof(bPanel));
        if (cRowStride < columns || c.Length < (Rows - 1) * cRowStride + columns)
            throw new ArgumentException(
                $"a {Rows}×{columns} tile with row stride {cRowStride} needs {(Rows - 1) * cRowStride + columns} floats of C (and a stride of at least {columns}), but got {c.Length}", nameof(c));

        switch (width)
        {
            case VectorWidth.Bits128: Tile<Vector128<float>, Math128>(aPanel, bPanel, depth, c, cRowStride); break;
            case VectorWidth.Bits256: Tile<Vector256<float>, Math256>(aPanel, bPanel, depth, c, cRowStride); break;
            default: Tile<Vector512<float>, Math512>(aPanel, bPanel, depth, c, cRowStride); break;
        }
    }

    /// <summary>
    /// The kernel for one vector type. Each step of p loads one row of the B panel (two vectors), broadcasts the six
    /// numbers of the A panel's column p, and does 12 fused multiply-adds. 12 independent sums keep both FMA units
    /// busy (each FMA takes ~4 cycles, so 2 units × 4 cycles = 8 must be in flight); 12 accumulators + 2 B vectors +
    /// 1 broadcast = 15 registers, which fits the 16 vector registers of AVX2 (and of NEON's 32, and AVX-512's 32).
    /// </summary>
    // NoInlining: inlined into its caller, the kernel would be compiled inside a larger method whose register
    // pressure and inlining budget make its loop slower; on its own it gets all 16 vector registers.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Tile<TVector, TMath>(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int depth, Span<float> c, int ldc)
        where TVector : struct
        where TMath : struct, IVectorMath<TVector>
    {
        // Seen as structs, step p of the A panel is one Column of six floats and step p of the B panel one Row of
        // two vectors. Slicing both to exactly `depth` elements and looping to rows.Length lets the JIT drop the
        // bounds checks on rows (and keep one cheap check on columns) in the hottest loop of the kata.
        ReadOnlySpan<Column> columns = MemoryMarshal.Cast<float, Column>(a)[..depth];
        ReadOnlySpan<Row<TVector>> rows = MemoryMarshal.Cast<float, Row<TVector>>(b)[..depth];
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
        if (depth % 2 == 1)
        {
            ref readonly Column column = ref columns[depth - 1];
            b0 = rows[depth - 1].Left; b1 = rows[depth - 1].Right;
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
        // The tile goes to memory once, at the end: C += the 12 accumulators.
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
    /// <summary>One step of a packed A panel: A[i..i+6, p], the six numbers broadcast against a row of B.</summary>
    private readonly struct Column
    {
        public readonly float R0, R1, R2, R3, R4, R5;
    }

    /// <summary>One step of a packed B panel: B[p, j..j+NR] as two vectors.</summary>
    private readonly struct Row<TVector> where TVector : struct
    {
        public readonly TVector Left, Right;
    }

    /// <summary>Two consecutive steps of a packed A panel.</summary>
    private readonly struct TwoColumns
    {
        public readonly Column First, Second;
    }

    /// <summary>Two consecutive steps of a packed B panel.</summary>
    private readonly struct TwoRows<TVector> where TVector : struct
    {
        public readonly Row<TVector> First, Second;
    }
#pragma warning restore CS0649
}
