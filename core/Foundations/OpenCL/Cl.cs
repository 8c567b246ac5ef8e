using System.Runtime.InteropServices;

namespace Foundations.OpenCL;

/// <summary>
/// The raw OpenCL C API, one <c>LibraryImport</c> per entry point, named the way Silk.NET names them
/// (<c>clGetPlatformIDs</c> → <c>GetPlatformIDs</c>). The C types map as the specification defines them:
/// <c>size_t</c> → <c>nuint</c>, <c>cl_int</c> → <c>int</c>, <c>cl_uint</c> and <c>cl_bool</c> → <c>uint</c>
/// (cl_bool is 32 bits, not a C# bool), bitfields such as <c>cl_mem_flags</c> → <c>ulong</c>, and every
/// object (<c>cl_context</c>, <c>cl_mem</c>, …) → an opaque <c>nint</c>. Everything here returns error codes;
/// the managed wrappers (<see cref="OpenClDevice"/> and friends) turn them into exceptions.
/// </summary>
internal static unsafe partial class Cl
{
    // The name OpenClLibrary's resolver maps to libOpenCL.so.1, OpenCL.dll or the macOS framework.
    private const string Library = OpenClLibrary.Name;

    static Cl() => OpenClLibrary.RegisterResolver();

    // ---- Constants (from CL/cl.h) ------------------------------------------------------------
    public const int Success = 0;
    public const ulong DeviceTypeCpu = 1 << 1, DeviceTypeGpu = 1 << 2, DeviceTypeAccelerator = 1 << 3, DeviceTypeAll = 0xFFFFFFFF;
    public const ulong MemReadWrite = 1 << 0, MemWriteOnly = 1 << 1, MemReadOnly = 1 << 2, MemCopyHostPtr = 1 << 5;
    public const uint True = 1, False = 0;

    public const uint PlatformVersion = 0x0901, PlatformName = 0x0902, PlatformVendor = 0x0903;
    public const uint DeviceType = 0x1000, DeviceMaxComputeUnits = 0x1002, DeviceMaxWorkGroupSize = 0x1004,
        DeviceMaxMemAllocSize = 0x1010, DeviceGlobalMemSize = 0x101F, DeviceLocalMemSize = 0x1023,
        DeviceName = 0x102B, DeviceVendor = 0x102C, DeviceVersion = 0x102F;
    public const uint ContextReferenceCount = 0x1080;
    public const uint MemReferenceCount = 0x1105;
    public const uint ProgramReferenceCount = 0x1160, ProgramBuildStatus = 0x1181, ProgramBuildLog = 0x1183;
    public const uint KernelReferenceCount = 0x1192, KernelWorkGroupSize = 0x11B0;

    // ---- Platforms and devices ---------------------------------------------------------------
    [LibraryImport(Library, EntryPoint = "clGetPlatformIDs")]
    public static partial int GetPlatformIDs(uint numEntries, nint* platforms, uint* numPlatforms);

    [LibraryImport(Library, EntryPoint = "clGetPlatformInfo")]
    public static partial int GetPlatformInfo(nint platform, uint paramName, nuint paramValueSize, void* paramValue, nuint* paramValueSizeRet);

    [LibraryImport(Library, EntryPoint = "clGetDeviceIDs")]
    public static partial int GetDeviceIDs(nint platform, ulong deviceType, uint numEntries, nint* devices, uint* numDevices);

    [LibraryImport(Library, EntryPoint = "clGetDeviceInfo")]
    public static partial int GetDeviceInfo(nint device, uint paramName, nuint paramValueSize, void* paramValue, nuint* paramValueSizeRet);

    // ---- Contexts and queues -----------------------------------------------------------------
    [LibraryImport(Library, EntryPoint = "clCreateContext")]
    public static partial nint CreateContext(nint* properties, uint numDevices, nint* devices, nint notify, nint userData, int* errcodeRet);

    [LibraryImport(Library, EntryPoint = "clGetContextInfo")]
    public static partial int GetContextInfo(nint context, uint paramName, nuint paramValueSize, void* paramValue, nuint* paramValueSizeRet);

    [LibraryImport(Library, EntryPoint = "clReleaseContext")]
    public static partial int ReleaseContext(nint context);

    // clCreateCommandQueue is deprecated since OpenCL 2.0 but every 1.2+ platform still exports it,
    // which keeps this binding working on 1.2-only drivers (macOS, older GPUs).
    [LibraryImport(Library, EntryPoint = "clCreateCommandQueue")]
    public static partial nint CreateCommandQueue(nint context, nint device, ulong properties, int* errcodeRet);

    [LibraryImport(Library, EntryPoint = "clReleaseCommandQueue")]
    public static partial int ReleaseCommandQueue(nint queue);

    [LibraryImport(Library, EntryPoint = "clFinish")]
    public static partial int Finish(nint queue);

    // ---- Buffers -----------------------------------------------------------------------------
    [LibraryImport(Library, EntryPoint = "clCreateBuffer")]
    public static partial nint CreateBuffer(nint context, ulong flags, nuint size, void* hostPtr, int* errcodeRet);

    [LibraryImport(Library, EntryPoint = "clGetMemObjectInfo")]
    public static partial int GetMemObjectInfo(nint memobj, uint paramName, nuint paramValueSize, void* paramValue, nuint* paramValueSizeRet);

    [LibraryImport(Library, EntryPoint = "clReleaseMemObject")]
    public static partial int ReleaseMemObject(nint memobj);

    [LibraryImport(Library, EntryPoint = "clEnqueueReadBuffer")]
    public static partial int EnqueueReadBuffer(nint queue, nint buffer, uint blockingRead, nuint offset, nuint size, void* ptr,
        uint numEventsInWaitList, nint* eventWaitList, nint* evt);

    [LibraryImport(Library, EntryPoint = "clEnqueueWriteBuffer")]
    public static partial int EnqueueWriteBuffer(nint queue, nint buffer, uint blockingWrite, nuint offset, nuint size, void* ptr,
        uint numEventsInWaitList, nint* eventWaitList, nint* evt);

    // ---- Programs and kernels ----------------------------------------------------------------
    [LibraryImport(Library, EntryPoint = "clCreateProgramWithSource")]
    public static partial nint CreateProgramWithSource(nint context, uint count, byte** strings, nuint* lengths, int* errcodeRet);

    [LibraryImport(Library, EntryPoint = "clBuildProgram")]
    public static partial int BuildProgram(nint program, uint numDevices, nint* deviceList, byte* options, nint notify, nint userData);

    [LibraryImport(Library, EntryPoint = "clGetProgramInfo")]
    public static partial int GetProgramInfo(nint program, uint paramName, nuint paramValueSize, void* paramValue, nuint* paramValueSizeRet);

    [LibraryImport(Library, EntryPoint = "clGetProgramBuildInfo")]
    public static partial int GetProgramBuildInfo(nint program, nint device, uint paramName, nuint paramValueSize, void* paramValue, nuint* paramValueSizeRet);

    [LibraryImport(Library, EntryPoint = "clReleaseProgram")]
    public static partial int ReleaseProgram(nint program);

    [LibraryImport(Library, EntryPoint = "clCreateKernel")]
    public static partial nint CreateKernel(nint program, byte* kernelName, int* errcodeRet);

    [LibraryImport(Library, EntryPoint = "clSetKernelArg")]
    public static partial int SetKernelArg(nint kernel, uint argIndex, nuint argSize, void* argValue);

    [LibraryImport(Library, EntryPoint = "clGetKernelInfo")]
    public static partial int GetKernelInfo(nint kernel, uint paramName, nuint paramValueSize, void* paramValue, nuint* paramValueSizeRet);

    [LibraryImport(Library, EntryPoint = "clGetKernelWorkGroupInfo")]
    public static partial int GetKernelWorkGroupInfo(nint kernel, nint device, uint paramName, nuint paramValueSize, void* paramValue, nuint* paramValueSizeRet);

    [LibraryImport(Library, EntryPoint = "clReleaseKernel")]
    public static partial int ReleaseKernel(nint kernel);

    [LibraryImport(Library, EntryPoint = "clEnqueueNDRangeKernel")]
    public static partial int EnqueueNDRangeKernel(nint queue, nint kernel, uint workDim, nuint* globalWorkOffset, nuint* globalWorkSize,
        nuint* localWorkSize, uint numEventsInWaitList, nint* eventWaitList, nint* evt);
}
