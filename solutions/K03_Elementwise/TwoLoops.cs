using Foundations;

namespace Katas.Elementwise;

/// <summary>The matrix product with the innermost loop replaced by elementwise ops.</summary>
public static class TwoLoops
{
    /// <summary>
    /// c[i, j] = (row i of a · column j of b).Sum(): two loops over the output, and the dot product
    /// done by <see cref="ElementwiseOps.Mul"/> and <see cref="Reductions.Sum"/> on whole vectors.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A or b is not 2-D, or the inner sizes differ: "mat1 and mat2 shapes cannot be multiplied (5x784 and 10x784)".
    /// </exception>
    public static Tensor Multiply(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rank != 2 || b.Rank != 2)
            throw new ArgumentException(
                $"TwoLoops multiplies two matrices (2-D tensors), but got shapes {ShapeRules.Format(a.Shape)} and {ShapeRules.Format(b.Shape)}.");
        int ar = a.Shape[0], ac = a.Shape[1];
        int br = b.Shape[0], bc = b.Shape[1];
        if (ac != br)
            throw new ArgumentException($"mat1 and mat2 shapes cannot be multiplied ({ar}x{ac} and {br}x{bc})");

        var c = Tensor.Zeros(ar, bc);
        for (int i = 0; i < ar; i++)
            for (int j = 0; j < bc; j++)
                // a.Row(i) is contiguous; b.Column(j) is a view with stride bc. Mul must follow both.
                c[i, j] = Reductions.Item(Reductions.Sum(ElementwiseOps.Mul(a.Row(i), b.Column(j))));
        return c;
    }
}
