using Foundations;

namespace Katas.ThreeLoopMatmul;

/// <summary>The matrix product the slowest honest way: three nested loops over elements.</summary>
public static class ThreeLoops
{
    /// <summary>
    /// c[i, j] = Σₖ a[i, k]·b[k, j] for a of shape ar×ac and b of shape br×bc, using only element access
    /// (<c>a[i, k]</c>) inside three nested loops. The result has shape ar×bc.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A or b is not 2-D, or ac ≠ br: "mat1 and mat2 shapes cannot be multiplied (5x784 and 10x784)".
    /// </exception>
    public static Tensor Multiply(Tensor a, Tensor b)
    {
        if (a.Rank != 2 || b.Rank != 2)
            throw new ArgumentException(
                $"ThreeLoops multiplies two matrices (2-D tensors), but got shapes {ShapeRules.Format(a.Shape)} and {ShapeRules.Format(b.Shape)}.");

        // The chapter's names: ar×ac times br×bc. The inner sizes must agree; we use PyTorch's words.
        int ar = a.Shape[0], ac = a.Shape[1];
        int br = b.Shape[0], bc = b.Shape[1];
        if (ac != br)
            throw new ArgumentException($"mat1 and mat2 shapes cannot be multiplied ({ar}x{ac} and {br}x{bc})");

        var c = Tensor.Zeros(ar, bc);
        for (int i = 0; i < ar; i++)          // each row of a…
            for (int j = 0; j < bc; j++)      // …meets each column of b…
            {
                float sum = 0;                // …in a dot product, accumulated in a local
                for (int k = 0; k < ac; k++)  // rather than in c[i, j], which costs an index each time.
                    sum += a[i, k] * b[k, j];
                c[i, j] = sum;
            }
        return c;
    }
}
