using Foundations;
using Foundations.OpenCL;

namespace Katas.OpenCL;

/// <summary>
/// Matrix products on an OpenCL device with the three kernels of <see cref="MatmulKernels"/>. Builds the
/// program once; each <see cref="Multiply"/> copies A and B to the device, runs one kernel over an NDRange
/// and reads C back. Not thread-safe: kernel arguments are shared state.
/// </summary>
public sealed class OpenClMatmul : IDisposable
{
    private readonly OpenClDevice _device;
    private readonly OpenClProgram _program;
    private readonly OpenClKernel _naive, _tiled, _registerBlocked;

    /// <summary>Compiles the kata's kernels (<see cref="MatmulKernels.Source"/>) for <paramref name="device"/>.
    /// The device stays the caller's: dispose it after this.</summary>
    /// <exception cref="OpenClException">The kernels do not compile; the message holds the build log.</exception>
    public OpenClMatmul(OpenClDevice device) : this(device, MatmulKernels.Source) { }

    /// <summary>Compiles <paramref name="kernelSource"/>, which must define <c>matmul_naive</c>,
    /// <c>matmul_tiled</c> and <c>matmul_register_blocked</c>, for <paramref name="device"/>.</summary>
    /// <exception cref="OpenClException">The source does not compile (the message holds the build log) or lacks a kernel.</exception>
    public OpenClMatmul(OpenClDevice device, string kernelSource)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        _program = device.BuildProgram(kernelSource, MatmulKernels.BuildOptions);
        try
        {
            _naive = _program.CreateKernel("matmul_naive");
            _tiled = _program.CreateKernel("matmul_tiled");
            _registerBlocked = _program.CreateKernel("matmul_register_blocked");
        }
        catch
        {
            // A missing kernel: release what was created, or the program would leak until finalization.
            _naive?.Dispose();
            _tiled?.Dispose();
            _program.Dispose();
            throw;
        }
    }

    /// <summary>C = A · B for A of shape m×k and B of shape k×n, computed on the device by <paramref name="kernel"/>.</summary>
    /// <exception cref="ArgumentException">Not 2-D, or the inner sizes differ: "mat1 and mat2 shapes cannot be multiplied (5x784 and 10x784)".</exception>
    public Tensor Multiply(Tensor a, Tensor b, MatmulKernel kernel)
    {
        if (a.Rank != 2 || b.Rank != 2)
            throw new ArgumentException(
                $"Multiply takes two matrices (2-D tensors), but got shapes {ShapeRules.Format(a.Shape)} and {ShapeRules.Format(b.Shape)}.");
        int m = a.Shape[0], k = a.Shape[1], n = b.Shape[1];
        if (k != b.Shape[0])
            throw new ArgumentException($"mat1 and mat2 shapes cannot be multiplied ({m}x{k} and {b.Shape[0]}x{n})");

        var c = Tensor.Zeros(m, n);
        if (m == 0 || n == 0 || k == 0) return c;   // OpenCL has no empty buffers; an empty sum is 0 anyway

        // Kernels index A and B as row-major arrays, so views (a transpose, a slice) are copied first.
        using var bufferA = _device.CreateBuffer(a.Contiguous().AsSpan());
        using var bufferB = _device.CreateBuffer(b.Contiguous().AsSpan());
        using var bufferC = _device.CreateBuffer(m * n, OpenClAccess.WriteOnly);

        OpenClKernel chosen = kernel switch
        {
            MatmulKernel.Naive => _naive,
            MatmulKernel.Tiled => _tiled,
            MatmulKernel.RegisterBlocked => _registerBlocked,
            _ => throw new ArgumentOutOfRangeException(nameof(kernel), kernel, "Choose Naive, Tiled or RegisterBlocked."),
        };
        chosen.SetArgument(0, m);
        chosen.SetArgument(1, n);
        chosen.SetArgument(2, k);
        chosen.SetArgument(3, bufferA);
        chosen.SetArgument(4, bufferB);
        chosen.SetArgument(5, bufferC);

        // Dimension 0 runs along the columns of C, dimension 1 along its rows. Each global size is
        // rounded up to a whole number of work-groups; the kernels skip the work-items past the edge.
        const int tile = MatmulKernels.Tile;
        if (kernel == MatmulKernel.RegisterBlocked)
        {
            // One work-item per BlockRows×BlockColumns block of C, in BlockGroup×BlockGroup work-groups.
            const int group = MatmulKernels.BlockGroup;
            int blocksAcross = DivideRoundingUp(n, MatmulKernels.BlockColumns), blocksDown = DivideRoundingUp(m, MatmulKernels.BlockRows);
            _device.Run(chosen, [RoundUp(blocksAcross, group), RoundUp(blocksDown, group)], [group, group]);
        }
        else
        {
            _device.Run(chosen, [RoundUp(n, tile), RoundUp(m, tile)], [tile, tile]);
        }

        _device.Read(bufferC, c.AsSpan());   // blocking: waits for the kernel, then copies C back
        return c;
    }

    /// <summary>Releases the kernels and the program (not the device).</summary>
    public void Dispose()
    {
        _naive.Dispose();
        _tiled.Dispose();
        _registerBlocked.Dispose();
        _program.Dispose();
    }

    private static int DivideRoundingUp(int size, int step) => (size + step - 1) / step;

    private static int RoundUp(int size, int step) => DivideRoundingUp(size, step) * step;
}
