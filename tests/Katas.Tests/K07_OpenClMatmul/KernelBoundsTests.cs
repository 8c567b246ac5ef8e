using Foundations;
using Foundations.OpenCL;
using Katas.OpenClMatmul;
using KataTests.Support;
using NUnit.Framework;
using Silk.NET.OpenCL;

namespace KataTests.K07_OpenClMatmul;

/// <summary>
/// The kernels' bounds checks, seen from outside. The NDRange is rounded up to whole work-groups, so work-items past
/// the edge of C exist; a kernel without a bounds check writes past the end of C. Through the host's exact-size
/// buffers that corrupts memory and can crash the test run with no message. Here the test runs your kernels itself
/// (the same NDRange the README gives) on buffers with a guard zone after each matrix, and reports any element of the
/// guard that changed: the learner gets a message, not a crashed test host.
/// </summary>
[Category("K07")]
[NonParallelizable]
public class KernelBoundsTests
{
    private const int Guard = 8192;          // floats after each matrix: more than any rounded-up NDRange reaches here
    private const float Untouched = -777f;   // what the guard (and C before the launch) holds

    private OpenClDevice _device = null!;

    [OneTimeSetUp]
    public void OpenDevice() => _device = OpenClPlatform.OpenDevice();

    [OneTimeTearDown]
    public void Close() => _device?.Dispose();

    [TestCase(KernelVariant.Naive, "matmul_naive", 8)]
    [TestCase(KernelVariant.Tiled, "matmul_tiled", 8)]
    [TestCase(KernelVariant.RegisterBlocked, "matmul_register_blocked", 4)]
    [TestCase(KernelVariant.RegisterBlocked, "matmul_register_blocked", 8)]
    [TestCase(KernelVariant.RegisterBlocked, "matmul_register_blocked", 16)]
    public void TheKernel_WritesEveryElementOfC_AndNothingPastIt(KernelVariant variant, string name, int lanes)
    {
        // 17×5 @ 5×19 (and 17×5 @ 5×35 for the widest blocks): no size is a multiple of 8, 16 or 32, so every launch
        // has work-items past the edge, and the register-blocked kernel has whole blocks and a cut one.
        int m = 17, k = 5, n = lanes == 16 ? 35 : 19;
        // Your host compiles these kernels (that is where K07 starts); the test then launches them itself, with guards.
        new OpenClMatmulHost(_device).Dispose();
        var rng = new Rng(71);
        Tensor a = Tensor.Randn(rng, m, k), b = Tensor.Randn(rng, k, n);
        float[] c = RunWithGuards(name, variant, lanes, a, b, m, n, k);

        TensorAssert.Near(Tensor.FromArray(c[..(m * n)], [m, n]), Tensor.Matmul(a, b),
            $"{name} on {m}×{k} @ {k}×{n} with LANES={lanes}: every element of C is written with its product", atol: 1e-4);
        int overwritten = Array.FindIndex(c, m * n, value => value != Untouched);
        Assert.That(overwritten, Is.EqualTo(-1),
            $"{name} on {m}×{k} @ {k}×{n} with LANES={lanes} wrote element {overwritten} of C's buffer, past the end of C ({m}·{n} = {m * n} floats): " +
            "the NDRange is rounded up to whole work-groups, so work-items past the edge must not store (e.g. `if (row >= M || col >= N) return;`, " +
            "or in a kernel with barriers, check only at the store)");
    }

    /// <summary>Runs kernel <paramref name="name"/> of KernelSources.Source, built with vectors of <paramref name="lanes"/>
    /// floats, over the README's NDRange, with guard zones.</summary>
    private float[] RunWithGuards(string name, KernelVariant variant, int lanes, Tensor a, Tensor b, int m, int n, int k)
    {
        var cl = _device.Api;
        nint program = _device.BuildProgram(KernelSources.Source, KernelSources.BuildOptions(lanes));
        nint kernel = 0, bufferA = 0, bufferB = 0, bufferC = 0;
        try
        {
            Span<int> error = stackalloc int[1];
            kernel = cl.CreateKernel(program, name, error);
            OpenClErrors.Check(error[0], "clCreateKernel", name);
            float[] c = Enumerable.Repeat(Untouched, m * n + Guard).ToArray();
            bufferA = Buffer(cl, [.. a.ToArray(), .. new float[Guard]]);
            bufferB = Buffer(cl, [.. b.ToArray(), .. new float[Guard]]);
            bufferC = Buffer(cl, c);
            int[] sizes = [m, n, k];
            for (uint i = 0; i < 3; i++) OpenClErrors.Check(cl.SetKernelArg(kernel, i, sizeof(int), in sizes[i]), "clSetKernelArg", $"argument {i}");
            OpenClErrors.Check(cl.SetKernelArg(kernel, 3, (nuint)nint.Size, in bufferA), "clSetKernelArg", "A");
            OpenClErrors.Check(cl.SetKernelArg(kernel, 4, (nuint)nint.Size, in bufferB), "clSetKernelArg", "B");
            OpenClErrors.Check(cl.SetKernelArg(kernel, 5, (nuint)nint.Size, in bufferC), "clSetKernelArg", "C");

            // The README's NDRange: one work-item per element (or per ROWS×COLS block), rounded up to whole work-groups.
            int group = variant == KernelVariant.RegisterBlocked ? KernelSources.BlockGroup : KernelSources.Tile;
            int across = variant == KernelVariant.RegisterBlocked ? Ceiling(n, KernelSources.BlockColumns(lanes)) : n;
            int down = variant == KernelVariant.RegisterBlocked ? Ceiling(m, KernelSources.BlockRows) : m;
            int code = cl.EnqueueNdrangeKernel(_device.Queue, kernel, 2, ReadOnlySpan<nuint>.Empty,
                [(nuint)(Ceiling(across, group) * group), (nuint)(Ceiling(down, group) * group)], [(nuint)group, (nuint)group],
                0, ReadOnlySpan<nint>.Empty, Span<nint>.Empty);
            OpenClErrors.Check(code, "clEnqueueNDRangeKernel", name);
            code = cl.EnqueueReadBuffer(_device.Queue, bufferC, true, 0, (nuint)(c.Length * sizeof(float)), c.AsSpan(),
                0, ReadOnlySpan<nint>.Empty, Span<nint>.Empty);
            OpenClErrors.Check(code, "clEnqueueReadBuffer", "C and its guard");
            return c;
        }
        finally
        {
            foreach (nint buffer in new[] { bufferA, bufferB, bufferC }.Where(h => h != 0)) cl.ReleaseMemObject(buffer);
            if (kernel != 0) cl.ReleaseKernel(kernel);
            cl.ReleaseProgram(program);
        }
    }

    private nint Buffer(CL cl, float[] data)
    {
        Span<int> error = stackalloc int[1];
        nint buffer = cl.CreateBuffer(_device.Context, MemFlags.ReadWrite | MemFlags.CopyHostPtr, (nuint)(data.Length * sizeof(float)), data.AsSpan(), error);
        OpenClErrors.Check(error[0], "clCreateBuffer", $"{data.Length} floats");
        return buffer;
    }

    private static int Ceiling(int size, int step) => (size + step - 1) / step;
}
