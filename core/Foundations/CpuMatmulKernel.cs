namespace Foundations;

/// <summary>
/// The substrate's 2-D matrix product, like PyTorch's <c>@</c> on a CPU: OpenBLAS's <c>cblas_sgemm</c> when
/// libopenblas is installed, otherwise the portable blocked kernel (<see cref="BlockedGemm"/>, K06's algorithm).
/// <see cref="Tensor.MatmulBackend"/> says which one runs. Setting FOUNDATIONS_MATMUL=portable in the environment
/// forces the portable kernel (to compare the two, or to check it). An OpenBLAS that does not recognise the CPU and
/// fell back to an old kernel is not used either: on an AVX-512 Xeon, where OpenBLAS 0.3.21 picks its Prescott
/// kernel, the portable kernel took at most half its time at 512² and 1024² (benchmarks/README.md).
/// </summary>
internal static class CpuMatmulKernel
{
    /// <summary>True when products go to OpenBLAS.</summary>
    public static readonly bool UsesOpenBlas = WouldUseOpenBlas();

    /// <summary>
    /// Whether a process started now, with this process's environment as it is now, would send products to OpenBLAS
    /// (the benchmarks ask this for their child processes after setting OPENBLAS_CORETYPE).
    /// </summary>
    public static bool WouldUseOpenBlas() => OpenBlasGemm.IsAvailable && !ForcedPortable && !OpenBlasGemm.KernelIsBehindCpu;

    private static bool ForcedPortable =>
        string.Equals(Environment.GetEnvironmentVariable("FOUNDATIONS_MATMUL"), "portable", StringComparison.OrdinalIgnoreCase);

    public static Tensor Multiply(Tensor a, Tensor b) =>
        UsesOpenBlas ? OpenBlasGemm.Multiply(a, b) : BlockedGemm.Multiply(a, b, BlockedGemm.PreferredBits, Environment.ProcessorCount);

    public static string Describe() => UsesOpenBlas
        ? OpenBlasGemm.Describe()
        : $"portable blocked kernel, {BlockedGemm.PreferredBits}-bit vectors, {Environment.ProcessorCount} threads"
          + (!OpenBlasGemm.IsAvailable ? " (OpenBLAS not found: apt-get install libopenblas0)"
             : ForcedPortable ? " (OpenBLAS present but FOUNDATIONS_MATMUL=portable)"
             : $" ({OpenBlasGemm.WhyBehind()})");
}
