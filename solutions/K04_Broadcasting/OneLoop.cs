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
    public static Tensor Multiply(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rank != 2 || b.Rank != 2)
            throw new ArgumentException(
                $"OneLoop multiplies two matrices (2-D tensors), but got shapes {ShapeRules.Format(a.Shape)} and {ShapeRules.Format(b.Shape)}.");
        int ar = a.Shape[0], ac = a.Shape[1];
        int br = b.Shape[0], bc = b.Shape[1];
        if (ac != br)
            throw new ArgumentException($"mat1 and mat2 shapes cannot be multiplied ({ar}x{ac} and {br}x{bc})");

        var c = Tensor.Zeros(ar, bc);
        for (int i = 0; i < ar; i++)
        {
            Tensor column = Broadcast.Unsqueeze(a.Row(i), -1); // ac×1: a[i, k] in row k
            Tensor scaledRows = Broadcast.Mul(column, b);     // ac×bc: row k of b times a[i, k]
            c.Row(i).CopyFrom(scaledRows.Sum(0));              // K03 rebuilt sums; the substrate's is fine here
        }
        return c;
    }
}
