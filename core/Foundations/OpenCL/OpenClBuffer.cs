namespace Foundations.OpenCL;

/// <summary>A block of device memory holding <see cref="Length"/> floats (an OpenCL <c>cl_mem</c>).
/// Create one with <see cref="OpenClDevice.CreateBuffer(ReadOnlySpan{float}, OpenClAccess)"/>; dispose it when done.</summary>
public sealed class OpenClBuffer : IDisposable
{
    internal OpenClBuffer(OpenClHandle handle, int length)
    {
        Handle = handle;
        Length = length;
    }

    internal OpenClHandle Handle { get; }

    /// <summary>How many floats the buffer holds.</summary>
    public int Length { get; }

    /// <summary>Releases the device memory (<c>clReleaseMemObject</c>).</summary>
    public void Dispose() => Handle.Dispose();
}
