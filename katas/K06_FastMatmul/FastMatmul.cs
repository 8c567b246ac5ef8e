using Foundations;

namespace Katas.FastMatmul;

/// <summary>A matrix product that gets close to the machine's limit: the tricks a BLAS library uses, one at a time.</summary>
public static class FastMatmul
{
    /// <summary>
    /// c = a @ b for a of shape m×k and b of shape k×n, as fast as you can make it: i-k-j order, SIMD with
    /// fused multiply-add, cache blocks packed into contiguous panels, a register-blocked micro-kernel, and
    /// the blocks shared out across cores. Any strides work (transposed views included); the result is a new
    /// contiguous m×n tensor.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A or b is not 2-D, or their inner sizes differ: "mat1 and mat2 shapes cannot be multiplied (5x784 and 10x784)".
    /// </exception>
    public static Tensor Compute(Tensor a, Tensor b)
    {
        throw new NotImplementedException("Kata 06: start with the i-k-j loop order, then add SIMD, packing, a micro-kernel and threads.");
    }
}
