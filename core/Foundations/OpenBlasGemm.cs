using System.Runtime.InteropServices;

namespace Foundations;

/// <summary>
/// OpenBLAS's single-precision GEMM (<c>cblas_sgemm</c>), loaded from the system when it is there (Debian:
/// <c>apt-get install libopenblas0</c>). This is what PyTorch's <c>@</c> does on a CPU: call a BLAS.
/// </summary>
internal static unsafe class OpenBlasGemm
{
    private const int RowMajor = 101, NoTranspose = 111;
    private static readonly string[] LibraryNames = ["libopenblas.so.0", "libopenblas.so", "libopenblas.dylib", "libopenblas.dll", "openblas"];

    private static readonly delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> Sgemm;
    private static readonly delegate* unmanaged<nint> GetConfig, GetCoreName;
    private static readonly delegate* unmanaged<int> GetThreads;

    /// <summary>The file that loaded, or null when none did.</summary>
    public static readonly string? Library;

    static OpenBlasGemm()
    {
        foreach (string name in LibraryNames)
        {
            if (!NativeLibrary.TryLoad(name, typeof(OpenBlasGemm).Assembly, null, out nint handle)) continue;
            if (!NativeLibrary.TryGetExport(handle, "cblas_sgemm", out nint sgemm)) continue;
            Sgemm = (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)sgemm;
            if (NativeLibrary.TryGetExport(handle, "openblas_get_config", out nint config)) GetConfig = (delegate* unmanaged<nint>)config;
            if (NativeLibrary.TryGetExport(handle, "openblas_get_corename", out nint core)) GetCoreName = (delegate* unmanaged<nint>)core;
            if (NativeLibrary.TryGetExport(handle, "openblas_get_num_threads", out nint threads)) GetThreads = (delegate* unmanaged<int>)threads;
            Library = name;
            return;
        }
    }

    /// <summary>True when libopenblas loaded and exports cblas_sgemm.</summary>
    public static bool IsAvailable => Sgemm != null;

    /// <summary>"OpenBLAS 0.3.21 … (kernel Zen, 2 threads)": the build and the kernel it picked for this CPU.</summary>
    public static string Describe()
    {
        if (!IsAvailable) return "not found";
        string config = GetConfig != null ? Marshal.PtrToStringAnsi(GetConfig())?.Trim() ?? "OpenBLAS" : "OpenBLAS";
        string core = GetCoreName != null ? Marshal.PtrToStringAnsi(GetCoreName()) ?? "?" : "?";
        string threads = GetThreads != null ? GetThreads().ToString() : "?";
        return $"{config} from {Library} (kernel {core}, {threads} threads)";
    }

    /// <summary>c = a @ b for 2-D a (m×k) and b (k×n), into a new contiguous tensor. Strided operands are copied first.</summary>
    public static Tensor Multiply(Tensor a, Tensor b)
    {
        if (!IsAvailable) throw new InvalidOperationException("OpenBLAS is not installed here (apt-get install libopenblas0)");
        int m = a.Shape[0], k = a.Shape[1], n = b.Shape[1];
        var c = Tensor.Zeros(m, n);
        if (m == 0 || n == 0 || k == 0) return c;
        Tensor ac = a.Contiguous(), bc = b.Contiguous();
        fixed (float* pa = &ac.Storage[ac.Offset], pb = &bc.Storage[bc.Offset], pc = &c.Storage[0])
            Sgemm(RowMajor, NoTranspose, NoTranspose, m, n, k, 1f, pa, k, pb, n, 0f, pc, n);
        return c;
    }
}
