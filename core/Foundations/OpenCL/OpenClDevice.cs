using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Foundations.OpenCL;

/// <summary>
/// One OpenCL device (a GPU, or a CPU through PoCL) with its own context and in-order command queue:
/// everything a host program needs to build kernels, move floats to and from device memory and run
/// an NDRange. Get one with <see cref="TryGetDefault"/>; dispose it last.
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

    private readonly nint _device;
    private readonly OpenClHandle _context;
    private readonly OpenClHandle _queue;

    private unsafe OpenClDevice(nint platform, nint device)
    {
        _device = device;
        Name = DeviceString(device, Cl.DeviceName);
        PlatformName = PlatformString(platform, Cl.PlatformName);
        Version = DeviceString(device, Cl.DeviceVersion);
        IsGpu = (DeviceValue<ulong>(device, Cl.DeviceType) & Cl.DeviceTypeGpu) != 0;
        ComputeUnits = (int)DeviceValue<uint>(device, Cl.DeviceMaxComputeUnits);
        MaxWorkGroupSize = (int)Math.Min(DeviceValue<nuint>(device, Cl.DeviceMaxWorkGroupSize), int.MaxValue);
        LocalMemoryBytes = (long)DeviceValue<ulong>(device, Cl.DeviceLocalMemSize);

        int error;
        nint context = Cl.CreateContext(null, 1, &device, 0, 0, &error);
        OpenClErrors.Check(error, "clCreateContext");
        _context = new OpenClHandle(context, OpenClObjectKind.Context);
        nint queue = Cl.CreateCommandQueue(context, device, 0, &error);
        if (error != Cl.Success)
        {
            _context.Dispose();
            throw new OpenClException("clCreateCommandQueue", error);
        }
        _queue = new OpenClHandle(queue, OpenClObjectKind.CommandQueue);
    }

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

    /// <summary>How many references the context holds. Every live buffer, program, kernel and queue adds
    /// one on most platforms, so a count that grows across repeated runs reveals a leak.</summary>
    public unsafe int ContextReferenceCount
    {
        get
        {
            uint count;
            OpenClErrors.Check(Cl.GetContextInfo(_context.Value, Cl.ContextReferenceCount, sizeof(uint), &count, null), "clGetContextInfo");
            return (int)count;
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
        if (!TryListAll(out var all, out reason)) return false;

        string? wanted = Environment.GetEnvironmentVariable(DeviceVariable);
        int chosen = string.IsNullOrWhiteSpace(wanted) ? Preferred(all) : Find(all, wanted.Trim());
        if (chosen < 0)
        {
            reason = $"{DeviceVariable}='{wanted}' matches none of the OpenCL devices:\n{Describe(all)}";
            return false;
        }
        try
        {
            device = new OpenClDevice(all[chosen].Platform, all[chosen].Device);
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
        TryListAll(out var all, out _) ? all.Select((d, i) => $"{i}: {d.Label}").ToList() : [];

    /// <summary>Compiles OpenCL C <paramref name="source"/> for this device.</summary>
    /// <param name="source">One or more <c>__kernel</c> functions.</param>
    /// <param name="options">Compiler options, e.g. <c>-cl-fast-relaxed-math</c> or <c>-DTILE=16</c>.</param>
    /// <exception cref="OpenClException">The source does not compile (CL_BUILD_PROGRAM_FAILURE): the message
    /// and <see cref="OpenClException.BuildLog"/> hold the compiler's full log.</exception>
    public unsafe OpenClProgram BuildProgram(string source, string options = "")
    {
        ArgumentNullException.ThrowIfNull(source);
        byte[] text = Encoding.UTF8.GetBytes(source);
        byte[] flags = Encoding.UTF8.GetBytes((options ?? "") + '\0');
        int error;
        nint program;
        fixed (byte* textPtr = text)
        {
            byte* strings = textPtr;
            nuint length = (nuint)text.Length;
            program = Cl.CreateProgramWithSource(_context.Value, 1, &strings, &length, &error);
        }
        OpenClErrors.Check(error, "clCreateProgramWithSource");
        var handle = new OpenClHandle(program, OpenClObjectKind.Program);

        nint device = _device;
        fixed (byte* flagsPtr = flags)
            error = Cl.BuildProgram(program, 1, &device, flagsPtr, 0, 0);
        if (error != Cl.Success)
        {
            string log = BuildLog(program);
            handle.Dispose();
            throw new OpenClException("clBuildProgram", error, $"the kernel source did not compile for {Name}", log);
        }
        return new OpenClProgram(handle);
    }

    /// <summary>A new buffer holding a copy of <paramref name="data"/>.</summary>
    public unsafe OpenClBuffer CreateBuffer(ReadOnlySpan<float> data, OpenClAccess access = OpenClAccess.ReadOnly)
    {
        fixed (float* pointer = data)
            return Create(data.Length, access, Cl.MemCopyHostPtr, pointer);
    }

    /// <summary>A new buffer of <paramref name="length"/> floats whose contents are undefined until written.</summary>
    public unsafe OpenClBuffer CreateBuffer(int length, OpenClAccess access = OpenClAccess.ReadWrite) => Create(length, access, 0, null);

    /// <summary>Copies <paramref name="source"/> into the start of <paramref name="buffer"/>, waiting until done.</summary>
    public unsafe void Write(OpenClBuffer buffer, ReadOnlySpan<float> source)
    {
        CheckFits(buffer, source.Length);
        fixed (float* pointer = source)
            OpenClErrors.Check(Cl.EnqueueWriteBuffer(_queue.Value, buffer.Handle.Value, Cl.True, 0,
                (nuint)source.Length * sizeof(float), pointer, 0, null, null), "clEnqueueWriteBuffer");
        GC.KeepAlive(buffer);
    }

    /// <summary>Copies the start of <paramref name="buffer"/> into <paramref name="destination"/>, waiting until
    /// every kernel queued before has finished and the copy is done.</summary>
    public unsafe void Read(OpenClBuffer buffer, Span<float> destination)
    {
        CheckFits(buffer, destination.Length);
        fixed (float* pointer = destination)
            OpenClErrors.Check(Cl.EnqueueReadBuffer(_queue.Value, buffer.Handle.Value, Cl.True, 0,
                (nuint)destination.Length * sizeof(float), pointer, 0, null, null), "clEnqueueReadBuffer");
        GC.KeepAlive(buffer);
    }

    /// <summary>
    /// Queues <paramref name="kernel"/> over an NDRange of <paramref name="globalSize"/> work-items (1 to 3
    /// dimensions) split into work-groups of <paramref name="localSize"/> (empty: the driver chooses). In
    /// OpenCL 1.2 each global size must be a multiple of the matching local size. Returns at once; a
    /// following <see cref="Read"/> or <see cref="Finish"/> waits for it.
    /// </summary>
    /// <exception cref="OpenClException">E.g. CL_INVALID_WORK_GROUP_SIZE, or CL_INVALID_KERNEL_ARGS when an argument is unset.</exception>
    public unsafe void Run(OpenClKernel kernel, ReadOnlySpan<int> globalSize, ReadOnlySpan<int> localSize = default)
    {
        if (globalSize.Length is < 1 or > 3)
            throw new ArgumentException($"An NDRange has 1 to 3 dimensions, but the global size has {globalSize.Length}.", nameof(globalSize));
        if (localSize.Length != 0 && localSize.Length != globalSize.Length)
            throw new ArgumentException(
                $"The local size {Format(localSize)} must have as many dimensions as the global size {Format(globalSize)}.", nameof(localSize));
        Span<nuint> global = stackalloc nuint[globalSize.Length], local = stackalloc nuint[Math.Max(localSize.Length, 1)];
        for (int d = 0; d < globalSize.Length; d++) global[d] = checked((nuint)globalSize[d]);
        for (int d = 0; d < localSize.Length; d++) local[d] = checked((nuint)localSize[d]);

        int code;
        fixed (nuint* globalPtr = global, localPtr = local)
            code = Cl.EnqueueNDRangeKernel(_queue.Value, kernel.Handle.Value, (uint)globalSize.Length, null, globalPtr,
                localSize.Length == 0 ? null : localPtr, 0, null, null);
        GC.KeepAlive(kernel);
        if (code != Cl.Success)
            throw new OpenClException("clEnqueueNDRangeKernel", code,
                $"kernel '{kernel.Name}' with global size {Format(globalSize)} and local size {(localSize.Length == 0 ? "(driver's choice)" : Format(localSize))}" +
                (code == -54 ? $"; each global size must be a multiple of the local size, and a work-group may hold at most {MaxWorkGroupSize} work-items" : ""));
    }

    /// <summary>Waits until everything queued on this device has finished (<c>clFinish</c>).</summary>
    public void Finish() => OpenClErrors.Check(Cl.Finish(_queue.Value), "clFinish");

    /// <summary>Releases the queue and the context. Dispose buffers, kernels and programs first.</summary>
    public void Dispose()
    {
        _queue.Dispose();
        _context.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"{PlatformName} / {Name}";

    private unsafe OpenClBuffer Create(int length, OpenClAccess access, ulong extraFlags, void* hostPointer)
    {
        if (length <= 0)
            throw new ArgumentOutOfRangeException(nameof(length), length, "An OpenCL buffer must hold at least one float (CL_INVALID_BUFFER_SIZE otherwise).");
        ulong flags = extraFlags | access switch
        {
            OpenClAccess.ReadOnly => Cl.MemReadOnly,
            OpenClAccess.WriteOnly => Cl.MemWriteOnly,
            _ => Cl.MemReadWrite,
        };
        int error;
        nint memory = Cl.CreateBuffer(_context.Value, flags, (nuint)length * sizeof(float), hostPointer, &error);
        if (error != Cl.Success)
            throw new OpenClException("clCreateBuffer", error, $"{length} floats ({(long)length * sizeof(float)} bytes) on {Name}");
        return new OpenClBuffer(new OpenClHandle(memory, OpenClObjectKind.MemObject), length);
    }

    private static void CheckFits(OpenClBuffer buffer, int length)
    {
        if (length > buffer.Length)
            throw new ArgumentException($"Cannot copy {length} floats: the buffer holds only {buffer.Length}.");
    }

    private unsafe string BuildLog(nint program)
    {
        nuint size;
        if (Cl.GetProgramBuildInfo(program, _device, Cl.ProgramBuildLog, 0, null, &size) != Cl.Success || size == 0)
            return "(the platform gave no build log)";
        var bytes = new byte[(int)size];
        fixed (byte* pointer = bytes)
            if (Cl.GetProgramBuildInfo(program, _device, Cl.ProgramBuildLog, size, pointer, null) != Cl.Success)
                return "(the platform gave no build log)";
        return Encoding.UTF8.GetString(bytes).TrimEnd('\0');
    }

    private static string Format(ReadOnlySpan<int> sizes) => "[" + string.Join(", ", sizes.ToArray()) + "]";
}
