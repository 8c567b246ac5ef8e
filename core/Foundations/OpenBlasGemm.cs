using System.Runtime.InteropServices;

namespace Foundations;

/// <summary>
/// OpenBLAS's single-precision GEMM (<c>cblas_sgemm</c>), loaded from the system when it is there (Debian:
/// <c>apt-get install libopenblas0</c>). This is what PyTorch's <c>@</c> does on a CPU: call a BLAS.
/// </summary>
internal static unsafe class OpenBlasGemm
{
    private const int RowMajor = 101, NoTranspose = 111, Transpose = 112;
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

    /// <summary>The kernel OpenBLAS picked for this CPU ("Haswell", "SkylakeX", "Prescott"…), or "?" when it cannot say.</summary>
    public static string CoreName => GetCoreName != null ? Marshal.PtrToStringAnsi(GetCoreName()) ?? "?" : "?";

    /// <summary>"OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH …": how the library was built.</summary>
    private static string Config => GetConfig != null ? Marshal.PtrToStringAnsi(GetConfig())?.Trim() ?? "OpenBLAS" : "OpenBLAS";

    /// <summary>
    /// True when OpenBLAS did not recognise this CPU and fell back to a kernel without FMA (see <see cref="OpenBlasCores"/>).
    /// A core type the user chose (OPENBLAS_CORETYPE) is never second-guessed.
    /// </summary>
    public static bool KernelIsBehindCpu =>
        IsAvailable && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OPENBLAS_CORETYPE"))
        && OpenBlasCores.IsBehind(CoreName, OpenBlasCores.CpuHasAvx2Fma);

    /// <summary>Why the substrate is not using OpenBLAS on this CPU, and the one line that changes it.</summary>
    public static string WhyBehind() =>
        $"{string.Join(' ', Config.Split(' ').Take(2))} found, but it does not recognise this CPU and picked its {CoreName} kernel, "
        + $"which has no FMA and is slower than the portable one; export OPENBLAS_CORETYPE={OpenBlasCores.Suggested(OpenBlasCores.CpuHasAvx512)} to use its fast kernel";

    /// <summary>"OpenBLAS 0.3.21 … (kernel Zen, 2 threads)": the build and the kernel it picked for this CPU.</summary>
    public static string Describe()
    {
        if (!IsAvailable) return "not found";
        string threads = GetThreads != null ? GetThreads().ToString() : "?";
        return $"{Config} from {Library} (kernel {CoreName}, {threads} threads)";
    }

    /// <summary>
    /// c = a @ b for 2-D a (m×k) and b (k×n), into a new contiguous tensor. Row-major operands and transposed views of
    /// them (a.T()) go to BLAS as they are, with BLAS's transpose flag; only other layouts are copied first.
    /// </summary>
    public static Tensor Multiply(Tensor a, Tensor b)
    {
        if (!IsAvailable) throw new InvalidOperationException("OpenBLAS is not installed here (apt-get install libopenblas0)");
        int m = a.Shape[0], k = a.Shape[1], n = b.Shape[1];
        if (m == 0 || n == 0 || k == 0) return Tensor.Zeros(m, n);
        // beta = 0: BLAS overwrites every element of C, so its storage need not be zeroed first.
        var c = new Tensor(GC.AllocateUninitializedArray<float>(m * n), [m, n], [n, 1], 0);
        var (left, transA, lda) = AsBlasOperand(a);
        var (right, transB, ldb) = AsBlasOperand(b);
        fixed (float* pa = &left.Storage[left.Offset], pb = &right.Storage[right.Offset], pc = &c.Storage[0])
            Sgemm(RowMajor, transA, transB, m, n, k, 1f, pa, lda, pb, ldb, 0f, pc, n);
        return c;
    }

    /// <summary>The operand as BLAS reads it: itself with its row stride, itself transposed, or a row-major copy.</summary>
    private static (Tensor Matrix, int Transpose, int LeadingDimension) AsBlasOperand(Tensor t)
    {
        int rows = t.Shape[0], cols = t.Shape[1], rowStride = t.Strides[0], colStride = t.Strides[1];
        if ((colStride == 1 || cols == 1) && rowStride >= Math.Max(1, cols)) return (t, NoTranspose, rowStride);
        if ((rowStride == 1 || rows == 1) && colStride >= Math.Max(1, rows)) return (t, Transpose, colStride);
        return (t.Contiguous(), NoTranspose, Math.Max(1, cols));
    }
}
