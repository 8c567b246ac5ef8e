using System.Runtime.Intrinsics.X86;

namespace Foundations;

/// <summary>
/// Whether OpenBLAS picked a kernel as new as this CPU. Debian's OpenBLAS is a DYNAMIC_ARCH build: it carries a kernel
/// per CPU family and picks one from a table of the CPUs it knew when it was released. On a newer CPU it can fall back
/// to an old kernel: 0.3.21 on an Intel Xeon "Emerald Rapids" (family 6, model 207) runs its Prescott kernel, SSE3
/// only, at about a quarter of the portable kernel's speed. The environment variable OPENBLAS_CORETYPE overrides the
/// table, so the fix is one line in the shell; until then the substrate uses its own kernel.
/// </summary>
internal static class OpenBlasCores
{
    /// <summary>OpenBLAS's x86-64 kernels that use AVX2 and FMA or AVX-512, as <c>openblas_get_corename</c> names them.</summary>
    private static readonly string[] WithFma = ["Haswell", "Zen", "SkylakeX", "Cooperlake", "SapphireRapids", "Excavator"];

    /// <summary>True when OpenBLAS runs a kernel without FMA (Prescott, Nehalem, Sandybridge…) on a CPU that has it.</summary>
    public static bool IsBehind(string core, bool cpuHasAvx2Fma) =>
        cpuHasAvx2Fma && !WithFma.Contains(core, StringComparer.OrdinalIgnoreCase);

    /// <summary>The OPENBLAS_CORETYPE to suggest: its AVX-512 kernel (SkylakeX) where the CPU has AVX-512, else Haswell.</summary>
    public static string Suggested(bool cpuHasAvx512) => cpuHasAvx512 ? "SkylakeX" : "Haswell";

    /// <summary>This CPU, as the runtime sees it (always false on ARM64, where the question does not arise).</summary>
    public static bool CpuHasAvx2Fma => Avx2.IsSupported && Fma.IsSupported;

    /// <summary>The AVX-512 subsets OpenBLAS's SkylakeX kernels use.</summary>
    public static bool CpuHasAvx512 => Avx512F.IsSupported && Avx512BW.IsSupported && Avx512DQ.IsSupported && Avx512F.VL.IsSupported;
}
