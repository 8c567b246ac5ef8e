using Foundations;

namespace Katas.FastMatmul;

/// <summary>The checks every product in this kata starts with, so each step reports bad shapes the same way.</summary>
internal static class ProductShapes
{
    /// <summary>Throws unless a is m×k and b is k×n; returns (m, k, n).</summary>
    public static (int M, int K, int N) Check(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rank != 2 || b.Rank != 2)
            throw new ArgumentException(
                $"a matrix product needs two matrices (2-D tensors), but got shapes {ShapeRules.Format(a.Shape)} and {ShapeRules.Format(b.Shape)}");
        int m = a.Shape[0], k = a.Shape[1], n = b.Shape[1];
        if (k != b.Shape[0])
            throw new ArgumentException($"mat1 and mat2 shapes cannot be multiplied ({m}x{k} and {b.Shape[0]}x{n})");
        return (m, k, n);
    }
}
