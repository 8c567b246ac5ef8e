using Foundations;
using Foundations.OpenCL;
using Silk.NET.OpenCL;

namespace Katas.OpenClMatmul;

/// <summary>
/// Matrix products on an OpenCL device with the three kernels of <see cref="KernelSources"/>, written with
/// Silk.NET's OpenCL calls (<c>device.Api</c>). Builds the
/// program once; each <see cref="Multiply"/> copies A and B to the device, runs one kernel over an NDRange
/// and reads C back. Not thread-safe: kernel arguments are shared state.
/// </summary>
public sealed class OpenClMatmulHost : IDisposable
{
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
        throw new NotImplementedException(
            "Kata 07: build the program with device.BuildProgram(kernelSource, KernelSources.BuildOptions(lanes)) and create its three kernels " +
            "with device.Api.CreateKernel(program, \"matmul_naive\", error) (release what you created if one is missing); keep lanes in Lanes.");
    }

    /// <summary>Floats per vector in the register-blocked kernel: 4, 8 or 16.</summary>
    public int Lanes { get; }

    /// <summary>C = A · B for A of shape m×k and B of shape k×n, computed on the device by <paramref name="kernel"/>.</summary>
    /// <exception cref="ArgumentException">Not 2-D, or the inner sizes differ: "mat1 and mat2 shapes cannot be multiplied (5x784 and 10x784)".</exception>
    public Tensor Multiply(Tensor a, Tensor b, KernelVariant kernel)
    {
        throw new NotImplementedException(
            "Kata 07: check the shapes; Api.CreateBuffer for A, B and C; Api.SetKernelArg for the six arguments; " +
            "Api.EnqueueNdrangeKernel over an NDRange rounded up to whole work-groups; a blocking Api.EnqueueReadBuffer; Api.ReleaseMemObject.");
    }

    /// <summary>Releases the kernels and the program (not the device): <c>Api.ReleaseKernel</c>, <c>Api.ReleaseProgram</c>.</summary>
    public void Dispose()
    {
    }
}
