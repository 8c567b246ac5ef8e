using Foundations;

namespace Katas.Broadcasting;

/// <summary>The matrix product with one loop left: a whole row of the result per step.</summary>
public static class OneLoop
{
    /// <summary>
    /// c[i] = (a[i].Unsqueeze(-1) * b).Sum(0): row i of a as a column (ac×1) broadcast against b (ac×bc)
    /// scales row k of b by a[i, k]; summing over k gives row i of the product.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A or b is not 2-D, or the inner sizes differ: "mat1 and mat2 shapes cannot be multiplied (5x784 and 10x784)".
    /// </exception>
    public static Tensor Multiply(Tensor a, Tensor b) =>
        throw new NotImplementedException("Kata 04: check the shapes as in K02, then one loop: c.Row(i).CopyFrom(Mul(Unsqueeze(a.Row(i), -1), b).Sum(0)).");
}
