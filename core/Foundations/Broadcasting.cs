using System.Numerics;

namespace Foundations;

/// <summary>Runs a binary op over two broadcast operands, one innermost row at a time.</summary>
internal static class Broadcasting
{
    public static Tensor Zip<TOp>(Tensor a, Tensor b) where TOp : IBinaryOp
    {
        int[] shape = ShapeRules.Broadcast(a.Shape, b.Shape);
        var result = Tensor.Zeros(shape);
        if (result.Numel == 0) return result;
        Tensor ea = a.Expand(shape), eb = b.Expand(shape);
        Span<float> output = result.Storage;
        int rank = shape.Length;
        int inner = rank == 0 ? 1 : shape[rank - 1];
        int strideA = rank == 0 ? 0 : ea.Strides[rank - 1];
        int strideB = rank == 0 ? 0 : eb.Strides[rank - 1];

        // Walk the outer dimensions with two odometers in step; run the last dimension as a row.
        int[] outerShape = rank == 0 ? [] : shape[..^1];
        var offsetsA = StridedOffsets.Of(outerShape, ea.Strides.Take(Math.Max(rank - 1, 0)).ToArray(), ea.Offset);
        var offsetsB = StridedOffsets.Of(outerShape, eb.Strides.Take(Math.Max(rank - 1, 0)).ToArray(), eb.Offset);
        int row = 0;
        while (offsetsA.MoveNext() && offsetsB.MoveNext())
        {
            Row<TOp>(a.Storage, offsetsA.Current, strideA, b.Storage, offsetsB.Current, strideB, output.Slice(row * inner, inner));
            row++;
        }
        return result;
    }

    private static void Row<TOp>(float[] a, int offsetA, int strideA, float[] b, int offsetB, int strideB, Span<float> output)
        where TOp : IBinaryOp
    {
        int n = output.Length;
        int i = 0;
        int width = Vector<float>.Count;
        if (Vector.IsHardwareAccelerated && n >= width && (strideA is 0 or 1) && (strideB is 0 or 1))
        {
            ReadOnlySpan<float> rowA = strideA == 1 ? a.AsSpan(offsetA, n) : default;
            ReadOnlySpan<float> rowB = strideB == 1 ? b.AsSpan(offsetB, n) : default;
            var splatA = new Vector<float>(a[offsetA]);
            var splatB = new Vector<float>(b[offsetB]);
            for (; i <= n - width; i += width)
            {
                Vector<float> va = strideA == 1 ? new Vector<float>(rowA.Slice(i)) : splatA;
                Vector<float> vb = strideB == 1 ? new Vector<float>(rowB.Slice(i)) : splatB;
                TOp.Apply(va, vb).CopyTo(output.Slice(i));
            }
        }
        for (; i < n; i++) output[i] = TOp.Apply(a[offsetA + i * strideA], b[offsetB + i * strideB]);
    }
}
