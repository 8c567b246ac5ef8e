using System.Diagnostics.CodeAnalysis;
using System.Text;
using Silk.NET.OpenCL;

namespace Foundations.OpenCL;

/// <summary>
/// One OpenCL device (a GPU, or a CPU through PoCL) with its own context and in-order command queue:
/// everything a host program needs to build kernels, move floats to and from device memory and run
/// an NDRange through Silk.NET's <see cref="Api"/>. Get one with <see cref="TryGetDefault"/>; dispose it last.
/// </summary>
public sealed partial class OpenClDevice : IDisposable
{
    /// <summary>The environment variable that picks a device when there are several: an index from
    /// <see cref="ListDevices"/> (<c>1</c>) or part of a platform or device name (<c>nvidia</c>, <c>pthread</c>).</summary>
    public const string DeviceVariable = "KATAS_OPENCL_DEVICE";

    /// <summary>How to install an OpenCL platform that runs on any CPU.</summary>
    public const string InstallHint =
        "Install an OpenCL platform, e.g. on Debian/Ubuntu: sudo apt-get install pocl-opencl-icd ocl-icd-libopencl1 " +
        "(a GPU vendor's driver works too; see the K07 README).";

    private readonly OpenClHandle _context;
    private readonly OpenClHandle _queue;

    private OpenClDevice(CL api, nint platform, nint device)
    {
        Api = api;
        Id = device;
        Name = DeviceString(api, device, DeviceInfo.Name);
        PlatformName = PlatformString(api, platform, PlatformInfo.Name);
        Version = DeviceString(api, device, DeviceInfo.Version);
        IsGpu = (DeviceValue<ulong>(api, device, DeviceInfo.Type) & (ulong)DeviceType.Gpu) != 0;
        ComputeUnits = (int)DeviceValue<uint>(api, device, DeviceInfo.MaxComputeUnits);
        MaxWorkGroupSize = (int)Math.Min(DeviceValue<nuint>(api, device, DeviceInfo.MaxWorkGroupSize), int.MaxValue);
        LocalMemoryBytes = (long)DeviceValue<ulong>(api, device, DeviceInfo.LocalMemSize);
        NativeFloatVectorWidth = (int)DeviceValue<uint>(api, device, DeviceInfo.NativeVectorWidthFloat);

        Span<int> error = stackalloc int[1];
        nint context = api.CreateContext(ReadOnlySpan<nint>.Empty, 1, [device], default, Span<byte>.Empty, error);
        OpenClErrors.Check(error[0], "clCreateContext");
        _context = new OpenClHandle(api, context, OpenClObjectKind.Context);
        // clCreateCommandQueue is deprecated since OpenCL 2.0, but every 1.2+ platform still exports it,
        // which keeps this working on 1.2-only drivers (macOS, older GPUs).
#pragma warning disable CS0618
        nint queue = api.CreateCommandQueue(context, device, CommandQueueProperties.None, error);
#pragma warning restore CS0618
        if (error[0] != 0)
        {
            _context.Dispose();
            throw new OpenClException("clCreateCommandQueue", error[0]);
        }
        _queue = new OpenClHandle(api, queue, OpenClObjectKind.CommandQueue);
    }

    /// <summary>Silk.NET's OpenCL binding: every <c>clXxx</c> function of the C API as <c>Api.Xxx</c>
    /// (<c>clCreateBuffer</c> → <c>Api.CreateBuffer</c>, <c>clEnqueueNDRangeKernel</c> → <c>Api.EnqueueNdrangeKernel</c>).</summary>
    public CL Api { get; }

    /// <summary>The device's <c>cl_device_id</c>.</summary>
    public nint Id { get; }

    /// <summary>The device's <c>cl_context</c>: buffers and programs are created in it.</summary>
    public nint Context => _context.Value;

    /// <summary>The device's in-order <c>cl_command_queue</c>: kernels, reads and writes are queued on it
    /// and run in the order they were queued.</summary>
    public nint Queue => _queue.Value;

    /// <summary>The device's name, e.g. <c>pthread-skylake-avx512</c> (PoCL) or <c>NVIDIA GeForce RTX 3060</c>.</summary>
    public string Name { get; }

    /// <summary>The platform (driver) it belongs to, e.g. <c>Portable Computing Language</c>.</summary>
    public string PlatformName { get; }

    /// <summary>The OpenCL version the device supports, e.g. <c>OpenCL 3.0 PoCL …</c>.</summary>
    public string Version { get; }

    /// <summary>True for a GPU; false for a CPU or another accelerator.</summary>
    public bool IsGpu { get; }

    /// <summary>Parallel compute units (GPU multiprocessors, CPU cores).</summary>
    public int ComputeUnits { get; }

    /// <summary>The most work-items one work-group may hold (the product of the local sizes).</summary>
    public int MaxWorkGroupSize { get; }

    /// <summary>Bytes of <c>__local</c> memory one work-group may use.</summary>
    public long LocalMemoryBytes { get; }

    /// <summary>How many floats the device's own vector instructions handle at once
    /// (<c>CL_DEVICE_NATIVE_VECTOR_WIDTH_FLOAT</c>): 8 for PoCL on an AVX2 CPU, 16 with AVX-512, 4 with SSE or
    /// NEON; GPUs, which spread work over threads instead, usually say 1.</summary>
    public int NativeFloatVectorWidth { get; }

    /// <summary>How many references the context holds. Every live buffer, program, kernel and queue adds
    /// one on most platforms, so a count that grows across repeated runs reveals a leak.</summary>
    public int ContextReferenceCount
    {
        get
        {
            Span<uint> count = stackalloc uint[1];
            OpenClErrors.Check(Api.GetContextInfo(Context, ContextInfo.ReferenceCount, sizeof(uint), count, Span<nuint>.Empty), "clGetContextInfo");
            return (int)count[0];
        }
    }

    /// <summary>
    /// Opens the device named by <see cref="DeviceVariable"/> if it is set, else the first GPU, else the
    /// first device of any kind. Returns false, with a <paramref name="reason"/> that says what is missing
    /// and how to install it, when there is no OpenCL library, no platform (CL_PLATFORM_NOT_FOUND_KHR, -1001)
    /// or no device — it never throws for those.
    /// </summary>
    public static bool TryGetDefault([NotNullWhen(true)] out OpenClDevice? device, out string reason)
    {
        device = null;
        if (!TryListAll(out var api, out var all, out reason)) return false;

        string? wanted = Environment.GetEnvironmentVariable(DeviceVariable);
        int chosen = string.IsNullOrWhiteSpace(wanted) ? Preferred(all) : IndexOf(all, wanted.Trim());
        if (chosen < 0)
        {
            reason = $"{DeviceVariable}='{wanted}' matches none of the OpenCL devices:\n{Describe(all)}";
            return false;
        }
        try
        {
            device = new OpenClDevice(api, all[chosen].Platform, all[chosen].Device);
            return true;
        }
        catch (OpenClException e)
        {
            reason = $"Could not open the OpenCL device {all[chosen].Label}: {e.Message}";
            return false;
        }
    }

    /// <summary>Every device of every platform, numbered as <see cref="DeviceVariable"/> counts them,
    /// e.g. <c>0: Portable Computing Language / pthread-skylake-avx512 (CPU)</c>. Empty when there is no platform.</summary>
    public static IReadOnlyList<string> ListDevices() =>
        TryListAll(out _, out var all, out _) ? all.Select((d, i) => $"{i}: {d.Label}").ToList() : [];

    /// <summary>Compiles OpenCL C <paramref name="source"/> for this device and returns the <c>cl_program</c>.
    /// Create its kernels with <c>Api.CreateKernel(program, "name", …)</c>; release it with
    /// <c>Api.ReleaseProgram(program)</c> when done (kernels keep it alive until they are released too).</summary>
    /// <param name="source">One or more <c>__kernel</c> functions.</param>
    /// <param name="options">Compiler options, e.g. <c>-cl-fast-relaxed-math</c> or <c>-DTILE=16</c>.</param>
    /// <exception cref="OpenClException">The source does not compile (CL_BUILD_PROGRAM_FAILURE): the message
    /// and <see cref="OpenClException.BuildLog"/> hold the compiler's full log.</exception>
    public unsafe nint BuildProgram(string source, string options = "")
    {
        ArgumentNullException.ThrowIfNull(source);
        byte[] text = Encoding.UTF8.GetBytes(source);
        int error;
        nint program;
        fixed (byte* textPointer = text)
        {
            byte* strings = textPointer;
            nuint length = (nuint)text.Length;
            program = Api.CreateProgramWithSource(Context, 1, &strings, &length, &error);
        }
        OpenClErrors.Check(error, "clCreateProgramWithSource");

        error = Api.BuildProgram(program, 1, [Id], options ?? "", default, Span<byte>.Empty);
        if (error != 0)
        {
            string log = BuildLog(program);
            Api.ReleaseProgram(program);
            throw new OpenClException("clBuildProgram", error, $"the kernel source did not compile for {Name}", log);
        }
        return program;
    }

    /// <summary>Releases the queue and the context. Dispose buffers, kernels and programs first.</summary>
    public void Dispose()
    {
        _queue.Dispose();
        _context.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"{PlatformName} / {Name}";

    private string BuildLog(nint program)
    {
        Span<nuint> size = stackalloc nuint[1];
        if (Api.GetProgramBuildInfo(program, Id, ProgramBuildInfo.BuildLog, 0, Span<byte>.Empty, size) != 0 || size[0] == 0)
            return "(the platform gave no build log)";
        var bytes = new byte[(int)size[0]];
        if (Api.GetProgramBuildInfo(program, Id, ProgramBuildInfo.BuildLog, size[0], bytes.AsSpan(), Span<nuint>.Empty) != 0)
            return "(the platform gave no build log)";
        return Encoding.UTF8.GetString(bytes).TrimEnd('\0');
    }
}
