using Foundations;

namespace Katas.FastMatmul;

/// <summary>
/// Step 5, the whole product: Goto's algorithm (as BLIS and OpenBLAS run it) with the register micro-kernel, the
/// cores sharing one packed B and taking C's row blocks in turn. The loop nest, outermost first:
/// <code>
/// for each nc-wide slice of columns:        pack B[k × nc] into kc-deep slices of NR-wide panels, once, shared
///   for each mc-tall block of rows:         one core takes it (the cores take blocks one at a time)
///     for each kc-deep slice of k:          pack A[mc × kc] into 6-row panels      (stays in the core's L2)
///       for each NR-wide panel of B:        (stays in L1 while…)
///         for each 6-row panel of A:        …the micro-kernel adds a 6×NR tile of A·B to C
/// </code>
/// </summary>
public static class ParallelMatmul
{
    /// <summary>
    /// c = a @ b as fast as this kata gets: the widest accelerated vectors, every core. This is the kata's product
    /// (the ladder's <c>Fast</c> rung). Any strides work; the result is a new contiguous m×n tensor.
    /// </summary>
    /// <exception cref="ArgumentException">Not two matrices, or inner sizes that differ (PyTorch's message).</exception>
    public static Tensor Multiply(Tensor a, Tensor b) => Multiply(a, b, HardwareWidth.Preferred, Environment.ProcessorCount);

    /// <summary>c = a @ b with vectors of <paramref name="width"/> on at most <paramref name="threads"/> cores.</summary>
    /// <exception cref="ArgumentException">Not two matrices, or inner sizes that differ (PyTorch's message).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is less than 1.</exception>
    public static Tensor Multiply(Tensor a, Tensor b, VectorWidth width, int threads)
    {
        throw new NotImplementedException("Kata 06, step 5: the blocked loops with the micro-kernel, B packed once and C's row blocks shared out among the cores.");
    }
}
