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
        throw new NotImplementedException("Kata 02: check the shapes, then three nested loops over i, j and k.");
    }
}
