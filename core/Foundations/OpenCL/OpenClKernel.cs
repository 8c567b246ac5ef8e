namespace Foundations.OpenCL;

/// <summary>One <c>__kernel</c> function and the arguments set on it (a <c>cl_kernel</c>). Set every
/// argument, then run it with <see cref="OpenClDevice.Run"/>.</summary>
public sealed class OpenClKernel : IDisposable
{
    internal OpenClKernel(OpenClHandle handle, string name)
    {
        Handle = handle;
        Name = name;
    }

    internal OpenClHandle Handle { get; }

    /// <summary>The kernel function's name in the source.</summary>
    public string Name { get; }

    /// <summary>Argument <paramref name="index"/> (0 = the first parameter) is a <c>__global float*</c>: pass the buffer.</summary>
    public unsafe void SetArgument(int index, OpenClBuffer buffer)
    {
        nint memory = buffer.Handle.Value;
        Set(index, (nuint)sizeof(nint), &memory);
        GC.KeepAlive(buffer);
    }

    /// <summary>Argument <paramref name="index"/> is an <c>int</c> (a size, a stride).</summary>
    public unsafe void SetArgument(int index, int value) => Set(index, sizeof(int), &value);

    /// <summary>Argument <paramref name="index"/> is a <c>float</c>.</summary>
    public unsafe void SetArgument(int index, float value) => Set(index, sizeof(float), &value);

    /// <summary>Argument <paramref name="index"/> is a <c>__local float*</c>: each work-group gets
    /// <paramref name="floats"/> floats of local memory (there is no value to pass, only a size).</summary>
    public unsafe void SetLocalArgument(int index, int floats) => Set(index, (nuint)(floats * sizeof(float)), null);

    private unsafe void Set(int index, nuint size, void* value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        int code = Cl.SetKernelArg(Handle.Value, (uint)index, size, value);
        GC.KeepAlive(this);
        if (code != Cl.Success)
            throw new OpenClException("clSetKernelArg", code, $"argument {index} of kernel '{Name}' ({size} bytes)");
    }

    /// <summary>Releases the kernel (<c>clReleaseKernel</c>).</summary>
    public void Dispose() => Handle.Dispose();
}
