using System.Runtime.InteropServices;

namespace Foundations.OpenCL;

/// <summary>The kinds of OpenCL object a handle can own; each has its own clRelease* call.</summary>
internal enum OpenClObjectKind { Context, CommandQueue, MemObject, Program, Kernel }

/// <summary>
/// Owns one OpenCL object and releases it exactly once, on Dispose or, if the owner forgot, from the
/// finalizer. <see cref="Live"/> counts handles not yet released, so tests can prove nothing leaks.
/// </summary>
internal sealed class OpenClHandle : SafeHandle
{
    private static int _live;

    public OpenClHandle(nint handle, OpenClObjectKind kind) : base(0, ownsHandle: true)
    {
        SetHandle(handle);
        Kind = kind;
        Interlocked.Increment(ref _live);
    }

    public OpenClObjectKind Kind { get; }

    /// <summary>How many OpenCL objects this process holds through handles right now.</summary>
    public static int Live => Volatile.Read(ref _live);

    public override bool IsInvalid => handle == 0;

    /// <summary>The raw handle for a call; throws if the owner was disposed.</summary>
    public nint Value
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return handle;
        }
    }

    protected override bool ReleaseHandle()
    {
        Interlocked.Decrement(ref _live);
        int code = Kind switch
        {
            OpenClObjectKind.Context => Cl.ReleaseContext(handle),
            OpenClObjectKind.CommandQueue => Cl.ReleaseCommandQueue(handle),
            OpenClObjectKind.MemObject => Cl.ReleaseMemObject(handle),
            OpenClObjectKind.Program => Cl.ReleaseProgram(handle),
            _ => Cl.ReleaseKernel(handle),
        };
        return code == Cl.Success;
    }
}
