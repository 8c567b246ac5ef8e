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
        throw new NotImplementedException("Kata 06, step 1: multiply in i-k-j order (j innermost), reading a and b through ToArray() or their strides.");
    }
}
