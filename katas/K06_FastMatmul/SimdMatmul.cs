using Foundations;

namespace Katas.FastMatmul;

/// <summary>Step 2: the i-k-j loop with its inner loop done a whole vector at a time, by fused multiply-adds.</summary>
public static class SimdMatmul
{
    /// <summary>c = a @ b with the widest vectors this machine accelerates (<see cref="HardwareWidth.Preferred"/>).</summary>
    /// <exception cref="ArgumentException">Not two matrices, or inner sizes that differ (PyTorch's message).</exception>
    public static Tensor Multiply(Tensor a, Tensor b) => Multiply(a, b, HardwareWidth.Preferred);

    /// <summary>
    /// c = a @ b in i-k-j order, where the inner loop <c>c[i, j..j+L] += a[i, k] · b[k, j..j+L]</c> handles L floats per
    /// instruction (L = 4, 8 or 16 for <paramref name="width"/>) and a scalar loop finishes the last n mod L columns.
    /// </summary>
    /// <exception cref="ArgumentException">Not two matrices, or inner sizes that differ (PyTorch's message).</exception>
    public static Tensor Multiply(Tensor a, Tensor b, VectorWidth width)
    {
        throw new NotImplementedException("Kata 06, step 2: vectorize the j loop with Vector128/256/512 and FusedMultiplyAdd, a scalar loop for the last columns.");
    }
}
