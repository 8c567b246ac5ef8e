using Foundations;
using Foundations.OpenCL;
using Silk.NET.OpenCL;

namespace Katas.OpenClMatmul;

/// <summary>
/// Matrix products on an OpenCL device with the three kernels of <see cref="KernelSources"/>, written with
/// Silk.NET's OpenCL calls. Builds the program once; each <see cref="Multiply"/> copies A and B to the device,
/// runs one kernel over an NDRange and reads C back. Not thread-safe: kernel arguments are shared state.
/// </summary>
public sealed class OpenClMatmulHost : IDisposable
{
    private readonly OpenClDevice _device;
    private readonly CL _cl;
    private readonly nint _program;
    private readonly nint _naive, _tiled, _registerBlocked;

    /// <summary>Compiles the kata's kernels (<see cref="KernelSources.Source"/>) for <paramref name="device"/>.
    /// The device stays the caller's: dispose it after this.</summary>
    /// <exception cref="OpenClException">The kernels do not compile; the message holds the build log.</exception>
    public OpenClMatmulHost(OpenClDevice device) : this(device, KernelSources.Source) { }

    /// <summary>Compiles the kata's kernels for <paramref name="device"/> with vectors of <paramref name="lanes"/> floats
    /// in the register-blocked kernel, whatever the device's own width.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lanes"/> is not 4, 8 or 16.</exception>
    /// <exception cref="OpenClException">The kernels do not compile; the message holds the build log.</exception>
    public OpenClMatmulHost(OpenClDevice device, int lanes) : this(device, KernelSources.Source, lanes) { }

    /// <summary>Compiles <paramref name="kernelSource"/>, which must define <c>matmul_naive</c>,
    /// <c>matmul_tiled</c> and <c>matmul_register_blocked</c>, for <paramref name="device"/>, with vectors as wide
    /// as the device's own (<see cref="KernelSources.Lanes"/>).</summary>
    /// <exception cref="OpenClException">The source does not compile (the message holds the build log) or lacks a kernel.</exception>
    public OpenClMatmulHost(OpenClDevice device, string kernelSource)
        : this(device, kernelSource, KernelSources.Lanes((device ?? throw new ArgumentNullException(nameof(device))).NativeFloatVectorWidth)) { }

    /// <summary>Compiles <paramref name="kernelSource"/> for <paramref name="device"/> with vectors of
    /// <paramref name="lanes"/> floats in the register-blocked kernel, whatever the device's own width: so that every
    /// width can be tested on any machine.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lanes"/> is not 4, 8 or 16.</exception>
    /// <exception cref="OpenClException">The source does not compile (the message holds the build log) or lacks a kernel.</exception>
    public OpenClMatmulHost(OpenClDevice device, string kernelSource, int lanes)
    {
        ArgumentNullException.ThrowIfNull(device);
        string options = KernelSources.BuildOptions(lanes);   // rejects a width the kernel is not written for, before any OpenCL call
        _device = device;
        _cl = device.Api;
        Lanes = lanes;
        _program = device.BuildProgram(kernelSource, options);
        try
        {
            _naive = CreateKernel("matmul_naive");
            _tiled = CreateKernel("matmul_tiled");
            _registerBlocked = CreateKernel("matmul_register_blocked");
        }
        catch
        {
            // A missing kernel: release what was created, or the program would hold the context forever.
            // (Handles not yet created are 0, and releasing 0 is not allowed, so skip those.)
            if (_naive != 0) _cl.ReleaseKernel(_naive);
            if (_tiled != 0) _cl.ReleaseKernel(_tiled);
            _cl.ReleaseProgram(_program);
            throw;
        }
    }

    /// <summary>Floats per vector in the register-blocked kernel: 4, 8 or 16.</summary>
    public int Lanes { get; }

    /// <summary>C = A · B for A of shape m×k and B of shape k×n, computed on the device by <paramref name="kernel"/>.</summary>
    /// <exception cref="ArgumentException">Not 2-D, or the inner sizes differ: "mat1 and mat2 shapes cannot be multiplied (5x784 and 10x784)".</exception>
    public Tensor Multiply(Tensor a, Tensor b, KernelVariant kernel)
    {
        if (a.Rank != 2 || b.Rank != 2)
            throw new ArgumentException(
                $"Multiply takes two matrices (2-D tensors), but got shapes {ShapeRules.Format(a.Shape)} and {ShapeRules.Format(b.Shape)}.");
        int m = a.Shape[0], k = a.Shape[1], n = b.Shape[1];
        if (k != b.Shape[0])
            throw new ArgumentException($"mat1 and mat2 shapes cannot be multiplied ({m}x{k} and {b.Shape[0]}x{n})");
        nint chosen = kernel switch
        {
            KernelVariant.Naive => _naive,
            KernelVariant.Tiled => _tiled,
            KernelVariant.RegisterBlocked => _registerBlocked,
            _ => throw new ArgumentOutOfRangeException(nameof(kernel), kernel, "Choose Naive, Tiled or RegisterBlocked."),
        };

        var c = Tensor.Zeros(m, n);
        if (m == 0 || n == 0 || k == 0) return c;   // OpenCL has no empty buffers; an empty sum is 0 anyway

        // Kernels index A and B as row-major arrays, so views (a transpose, a slice) are copied first.
        // CopyHostPtr: the driver copies the floats into the new buffer before CreateBuffer returns.
        nint bufferA = 0, bufferB = 0, bufferC = 0;
        try
        {
            bufferA = CreateBuffer(MemFlags.ReadOnly | MemFlags.CopyHostPtr, m * k, a.Contiguous().AsSpan());
            bufferB = CreateBuffer(MemFlags.ReadOnly | MemFlags.CopyHostPtr, k * n, b.Contiguous().AsSpan());
            bufferC = CreateBuffer(MemFlags.WriteOnly, m * n, Span<float>.Empty);

            // Arguments are copied when set: sizeof the value, then a reference to it. A buffer argument is its handle.
            SetArgument(chosen, 0, m);
            SetArgument(chosen, 1, n);
            SetArgument(chosen, 2, k);
            SetArgument(chosen, 3, bufferA);
            SetArgument(chosen, 4, bufferB);
            SetArgument(chosen, 5, bufferC);

            // Dimension 0 runs along the columns of C, dimension 1 along its rows. Each global size is
            // rounded up to a whole number of work-groups; the kernels skip the work-items past the edge.
            if (kernel == KernelVariant.RegisterBlocked)
            {
                // One work-item per BlockRows×BlockColumns block of C, in BlockGroup×BlockGroup work-groups.
                const int group = KernelSources.BlockGroup;
                int blocksAcross = DivideRoundingUp(n, KernelSources.BlockColumns(Lanes)), blocksDown = DivideRoundingUp(m, KernelSources.BlockRows);
                Run(chosen, RoundUp(blocksAcross, group), RoundUp(blocksDown, group), group);
            }
            else
            {
                Run(chosen, RoundUp(n, KernelSources.Tile), RoundUp(m, KernelSources.Tile), KernelSources.Tile);
            }

            // Blocking read: the in-order queue runs the kernel first, and the call returns when C is copied back.
            int code = _cl.EnqueueReadBuffer(_device.Queue, bufferC, true, 0, (nuint)(m * n * sizeof(float)), c.AsSpan(),
                0, ReadOnlySpan<nint>.Empty, Span<nint>.Empty);
            OpenClErrors.Check(code, "clEnqueueReadBuffer", $"{m}×{n} floats of C");
            return c;
        }
        finally
        {
            // Every buffer holds the context until released, on the error paths too.
            if (bufferC != 0) _cl.ReleaseMemObject(bufferC);
            if (bufferB != 0) _cl.ReleaseMemObject(bufferB);
            if (bufferA != 0) _cl.ReleaseMemObject(bufferA);
        }
    }

    /// <summary>Releases the kernels and the program (not the device).</summary>
    public void Dispose()
    {
        _cl.ReleaseKernel(_naive);
        _cl.ReleaseKernel(_tiled);
        _cl.ReleaseKernel(_registerBlocked);
        _cl.ReleaseProgram(_program);
    }

    private nint CreateKernel(string name)
    {
        Span<int> error = stackalloc int[1];
        nint created = _cl.CreateKernel(_program, name, error);
        OpenClErrors.Check(error[0], "clCreateKernel", $"could not create the kernel '{name}' (is there a __kernel void {name}(…) in the source?)");
        return created;
    }

    private nint CreateBuffer(MemFlags flags, int floats, Span<float> data)
    {
        Span<int> error = stackalloc int[1];
        nint buffer = _cl.CreateBuffer(_device.Context, flags, (nuint)(floats * sizeof(float)), data, error);
        OpenClErrors.Check(error[0], "clCreateBuffer", $"{floats} floats");
        return buffer;
    }

    private void SetArgument(nint kernel, uint index, int value) =>
        OpenClErrors.Check(_cl.SetKernelArg(kernel, index, sizeof(int), in value), "clSetKernelArg", $"argument {index} (an int)");

    private void SetArgument(nint kernel, uint index, nint buffer) =>
        OpenClErrors.Check(_cl.SetKernelArg(kernel, index, (nuint)nint.Size, in buffer), "clSetKernelArg", $"argument {index} (a buffer)");

    private void Run(nint kernel, int across, int down, int group)
    {
        int code = _cl.EnqueueNdrangeKernel(_device.Queue, kernel, 2, ReadOnlySpan<nuint>.Empty,
            [(nuint)across, (nuint)down], [(nuint)group, (nuint)group], 0, ReadOnlySpan<nint>.Empty, Span<nint>.Empty);
        OpenClErrors.Check(code, "clEnqueueNDRangeKernel", $"global size [{across}, {down}], work-groups [{group}, {group}]");
    }

    private static int DivideRoundingUp(int size, int step) => (size + step - 1) / step;

    private static int RoundUp(int size, int step) => DivideRoundingUp(size, step) * step;
}
