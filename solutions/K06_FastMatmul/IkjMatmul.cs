using Foundations;

namespace Katas.FastMatmul;

/// <summary>Step 1: the three loops, reordered so the innermost one walks rows, not columns.</summary>
public static class IkjMatmul
{
    /// <summary>
    /// c = a @ b with the loops in i-k-j order: <c>c[i, j..] += a[i, k] · b[k, j..]</c>, so the inner loop reads
    /// a row of b and writes a row of c, both contiguous. Any strides work (transposed and sliced views).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A or b is not 2-D, or their inner sizes differ: "mat1 and mat2 shapes cannot be multiplied (5x784 and 10x784)".
    /// </exception>
    public static Tensor Multiply(Tensor a, Tensor b)
    {
        var (m, k, n) = ProductShapes.Check(a, b);
        // Row-major copies: after this, row i of a starts at i·k and row p of b at p·n.
        float[] left = a.ToArray(), right = b.ToArray();
        var c = Tensor.Zeros(m, n);
        float[] result = c.Storage;
        for (int i = 0; i < m; i++)
        {
            Span<float> cRow = result.AsSpan(i * n, n);
            for (int p = 0; p < k; p++)
            {
                float aip = left[i * k + p];
                ReadOnlySpan<float> bRow = right.AsSpan(p * n, n);
                for (int j = 0; j < n; j++) cRow[j] += aip * bRow[j]; // both rows read in order
            }
        }
        return c;
    }
}
