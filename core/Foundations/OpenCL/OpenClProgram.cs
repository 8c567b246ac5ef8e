using System.Text;

namespace Foundations.OpenCL;

/// <summary>OpenCL C source compiled for one device (a <c>cl_program</c>). Built by
/// <see cref="OpenClDevice.BuildProgram"/>; hands out its kernels with <see cref="CreateKernel"/>.</summary>
public sealed class OpenClProgram : IDisposable
{
    internal OpenClProgram(OpenClHandle handle) => Handle = handle;

    internal OpenClHandle Handle { get; }

    /// <summary>The <c>__kernel</c> function called <paramref name="name"/>, ready for its arguments.</summary>
    /// <exception cref="OpenClException">No kernel has that name (CL_INVALID_KERNEL_NAME).</exception>
    public unsafe OpenClKernel CreateKernel(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        byte[] utf8 = Encoding.UTF8.GetBytes(name + '\0');
        int error;
        nint kernel;
        fixed (byte* namePtr = utf8)
            kernel = Cl.CreateKernel(Handle.Value, namePtr, &error);
        GC.KeepAlive(this);
        if (error != Cl.Success)
            throw new OpenClException("clCreateKernel", error, $"could not create the kernel '{name}' (is there a __kernel void {name}(…) in the source?)");
        return new OpenClKernel(new OpenClHandle(kernel, OpenClObjectKind.Kernel), name);
    }

    /// <summary>Releases the program (<c>clReleaseProgram</c>); kernels created from it keep it alive until they are released too.</summary>
    public void Dispose() => Handle.Dispose();
}
