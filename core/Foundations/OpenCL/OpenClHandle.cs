using System.Runtime.InteropServices;
using Silk.NET.OpenCL;

namespace Foundations.OpenCL;

/// <summary>The kinds of OpenCL object the substrate owns; each has its own clRelease* call.</summary>
internal enum OpenClObjectKind { Context, CommandQueue }

/// <summary>
/// Owns one OpenCL object of the device (its context or its queue) and releases it exactly once, on
/// Dispose or, if the owner forgot, from the finalizer. <see cref="Live"/> counts handles not yet
/// released, so tests can prove that opening and closing devices leaks nothing.
/// </summary>
internal sealed class OpenClHandle : SafeHandle
{
    private static int _live;
    private readonly CL _api;

    public OpenClHandle(CL api, nint handle, OpenClObjectKind kind) : base(0, ownsHandle: true)
    {
        _api = api;
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
        int code = Kind == OpenClObjectKind.Context ? _api.ReleaseContext(handle) : _api.ReleaseCommandQueue(handle);
        return code == (int)ErrorCodes.Success;
    }
}
