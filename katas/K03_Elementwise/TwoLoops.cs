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
    public static Tensor Multiply(Tensor a, Tensor b) =>
        throw new NotImplementedException("Kata 03: check the shapes as in K02, then c[i, j] = Item(Sum(Mul(a.Row(i), b.Column(j)))).");
}
