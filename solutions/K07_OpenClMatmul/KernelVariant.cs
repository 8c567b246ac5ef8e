namespace Katas.OpenClMatmul;

/// <summary>The three OpenCL matrix-product kernels of kata 07, slowest idea first.</summary>
public enum KernelVariant
{
    /// <summary>One work-item per element of C; every operand comes straight from global memory.</summary>
    Naive,

    /// <summary>Work-groups stage square tiles of A and B in <c>__local</c> memory, synchronised by barriers.</summary>
    Tiled,

    /// <summary>Each work-item computes a block of C, keeping its running sums in registers.</summary>
    RegisterBlocked,
}
