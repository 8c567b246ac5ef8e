namespace Foundations;

public sealed partial class Tensor
{
    /// <summary>
    /// The matrix product (PyTorch's <c>@</c>): [n, k] @ [k, m] → [n, m], and batched
    /// [b, n, k] @ [b, k, m] → [b, n, m] (a 2-D right operand is shared by every batch).
    /// OpenBLAS when it is installed, else a blocked, vectorized, multi-threaded kernel (<see cref="MatmulBackend"/> says
    /// which); this is the "real" version the katas race against.
    /// </summary>
    public static Tensor Matmul(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rank is < 2 or > 3 || b.Rank is < 2 or > 3 || (a.Rank == 2 && b.Rank == 3))
            throw new ArgumentException(
                $"Matmul expects 2-D @ 2-D, 3-D @ 3-D or 3-D @ 2-D tensors, but got shapes {ShapeRules.Format(a._shape)} and {ShapeRules.Format(b._shape)}");
        if (a.Size(-1) != b.Size(-2))
            throw new ArgumentException(
                $"mat1 and mat2 shapes cannot be multiplied ({a.Size(-2)}x{a.Size(-1)} and {b.Size(-2)}x{b.Size(-1)})");
        if (a.Rank == 2) return CpuMatmulKernel.Multiply(a, b);

        int batches = a._shape[0];
        if (b.Rank == 3 && b._shape[0] != batches)
            throw new ArgumentException(
                $"A batched Matmul pairs the matrices of a and b one to one, but a holds {batches} (shape {ShapeRules.Format(a._shape)}) and b holds {b._shape[0]} (shape {ShapeRules.Format(b._shape)}); " +
                "give both the same batch size, or pass b as one 2-D matrix to share it");
        var result = Zeros(batches, a._shape[1], b.Size(-1));
        for (int i = 0; i < batches; i++)
            result.Select(0, i).CopyFrom(CpuMatmulKernel.Multiply(a.Select(0, i), b.Rank == 3 ? b.Select(0, i) : b));
        return result;
    }

    /// <summary>
    /// Which implementation <see cref="Matmul(Tensor, Tensor)"/> runs here, e.g. "OpenBLAS 0.3.21 … (kernel Zen, 2 threads)"
    /// or "portable blocked kernel, 256-bit vectors, 2 threads (OpenBLAS not found: apt-get install libopenblas0)".
    /// </summary>
    public static string MatmulBackend => CpuMatmulKernel.Describe();

    /// <summary>This tensor @ <paramref name="other"/>; see <see cref="Matmul(Tensor, Tensor)"/>.</summary>
    public Tensor Matmul(Tensor other) => Matmul(this, other);
}
