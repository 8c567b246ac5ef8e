using System.Runtime.InteropServices;
using Foundations;

namespace Benchmarks.Ladder;

/// <summary>
/// The yardstick: OpenBLAS's single-precision GEMM (cblas_sgemm) from the system's libopenblas.so.0
/// (Debian: <c>apt-get install libopenblas0</c>). Everything here checks <see cref="IsAvailable"/> first.
/// </summary>
internal static unsafe partial class OpenBlas
{
    private const string Library = "libopenblas.so.0";
    private const int RowMajor = 101, NoTranspose = 111;

    /// <summary>True when the library loads; otherwise <paramref name="reason"/> says how to get it.</summary>
    public static bool IsAvailable(out string reason)
    {
        if (NativeLibrary.TryLoad(Library, typeof(OpenBlas).Assembly, null, out _))
        {
            reason = "";
            return true;
        }
        reason = $"{Library} not found (apt-get install libopenblas0)";
        return false;
    }

    /// <summary>Uses one thread per core, like the fast katas.</summary>
    public static void UseAllCores() => openblas_set_num_threads(Environment.ProcessorCount);

    /// <summary>The core type the ladder chose for BenchmarkDotNet's child processes, or null (see <see cref="UseFastKernelInChildren"/>).</summary>
    private static string? _childCoreType;

    /// <summary>
    /// The yardstick must be OpenBLAS at its best on this CPU. Where this OpenBLAS does not recognise the CPU and would
    /// run an old kernel without FMA (0.3.21 on an Intel Emerald Rapids picks Prescott; see Foundations'
    /// <c>OpenBlasCores</c>), this sets OPENBLAS_CORETYPE to its fast kernel for BenchmarkDotNet's child processes,
    /// which inherit this process's environment (this process has loaded the library already, so it keeps the old
    /// kernel). A core type the user set is left alone.
    /// </summary>
    public static void UseFastKernelInChildren()
    {
        if (!IsAvailable(out _) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OPENBLAS_CORETYPE"))) return;
        if (!OpenBlasCores.IsBehind(CoreName, OpenBlasCores.CpuHasAvx2Fma)) return;
        _childCoreType = OpenBlasCores.Suggested(OpenBlasCores.CpuHasAvx512);
        Environment.SetEnvironmentVariable("OPENBLAS_CORETYPE", _childCoreType);
    }

    private static string CoreName => Marshal.PtrToStringAnsi(openblas_get_corename()) ?? "?";

    /// <summary>"OpenBLAS 0.3.x … (kernel: Haswell, 2 threads)": the build and the kernel the timed runs used.</summary>
    public static string Describe()
    {
        string kernel = _childCoreType is null ? CoreName
            : $"{_childCoreType} through OPENBLAS_CORETYPE, set by the ladder because on its own this OpenBLAS picks {CoreName} here";
        return $"{Marshal.PtrToStringAnsi(openblas_get_config())?.Trim()} (kernel: {kernel}, {openblas_get_num_threads()} threads)";
    }

    /// <summary>c = a @ b for contiguous row-major a and b, into a new tensor (allocated like every other level's result).</summary>
    public static Tensor Multiply(Tensor a, Tensor b)
    {
        int m = a.Shape[0], k = a.Shape[1], n = b.Shape[1];
        var c = Tensor.Zeros(m, n);
        fixed (float* pa = &a.Storage[a.Offset], pb = &b.Storage[b.Offset], pc = &c.Storage[0])
            cblas_sgemm(RowMajor, NoTranspose, NoTranspose, m, n, k, 1f, pa, k, pb, n, 0f, pc, n);
        return c;
    }

    [LibraryImport(Library)]
    private static partial void cblas_sgemm(int order, int transA, int transB, int m, int n, int k,
        float alpha, float* a, int lda, float* b, int ldb, float beta, float* c, int ldc);

    [LibraryImport(Library)]
    private static partial void openblas_set_num_threads(int threads);

    [LibraryImport(Library)]
    private static partial int openblas_get_num_threads();

    [LibraryImport(Library)]
    private static partial nint openblas_get_config();

    [LibraryImport(Library)]
    private static partial nint openblas_get_corename();
}
