using Foundations;

namespace Katas.FastMatmul;

/// <summary>
/// Step 3 (second half): the loops over cache blocks, on packed panels. The inner kernel is still step 2's idea —
/// vector FMAs along a row — accumulating a 6-row tile in a small scratch buffer; step 4 moves that tile into registers.
/// </summary>
public static class BlockedMatmul
{
    /// <summary>c = a @ b with the widest vectors this machine accelerates.</summary>
    /// <exception cref="ArgumentException">Not two matrices, or inner sizes that differ (PyTorch's message).</exception>
    public static Tensor Multiply(Tensor a, Tensor b) => Multiply(a, b, HardwareWidth.Preferred);

    /// <summary>
    /// c = a @ b in kc-deep slices of k and mc-tall blocks of rows, each block of A and slice of B packed into panels
    /// first (<see cref="PanelPacking"/>); panels 2 vectors wide for <paramref name="width"/>. Any strides work.
    /// </summary>
    /// <exception cref="ArgumentException">Not two matrices, or inner sizes that differ (PyTorch's message).</exception>
    public static Tensor Multiply(Tensor a, Tensor b, VectorWidth width)
    {
        throw new NotImplementedException("Kata 06, step 3: loop over kc slices and mc blocks, pack them, and add each 6-row tile of A·B to C.");
    }
}
