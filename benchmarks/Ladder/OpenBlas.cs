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

    /// <summary>"OpenBLAS 0.3.x … (core: Haswell, 2 threads)": the build and the kernel it picked for this CPU.</summary>
    public static string Describe() =>
        $"{Marshal.PtrToStringAnsi(openblas_get_config())?.Trim()} (kernel: {Marshal.PtrToStringAnsi(openblas_get_corename())}, {openblas_get_num_threads()} threads)";

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
