using Foundations.OpenCL;
using NUnit.Framework;
using Silk.NET.OpenCL;

namespace Foundations.Tests.OpenCL;

/// <summary>The substrate's OpenCL device on a real platform: discovery, Silk.NET calls on its context and
/// queue, builds with their log, named errors, and releases that leave nothing behind.</summary>
[Category("Foundations")]
[NonParallelizable]   // the leak tests count process-wide handles and the context's references
public class OpenClDeviceTests
{
    private const string AddOne = """
        __kernel void add_one(__global const float* x, __global float* y, const int n)
        {
            int i = get_global_id(0);
            if (i < n) y[i] = x[i] + 1.0f;
        }
        """;

    private OpenClDevice _device = null!;
    private CL _cl = null!;

    [OneTimeSetUp]
    public void OpenDevice()
    {
        _device = OpenClTestDevice.Open();
        _cl = _device.Api;
    }

    [OneTimeTearDown]
    public void CloseDevice() => _device?.Dispose();

    [Test]
    public void TheDefaultDevice_HasANameAndSaneLimits()
    {
        Assert.That(_device.Name, Is.Not.Empty, "the device name comes from clGetDeviceInfo(CL_DEVICE_NAME)");
        Assert.That(_device.PlatformName, Is.Not.Empty);
        Assert.That(_device.Version, Does.StartWith("OpenCL"), "CL_DEVICE_VERSION reads 'OpenCL <major>.<minor> …'");
        Assert.That(_device.ComputeUnits, Is.GreaterThan(0));
        Assert.That(_device.MaxWorkGroupSize, Is.GreaterThanOrEqualTo(1));
        Assert.That(_device.LocalMemoryBytes, Is.GreaterThan(0));
        Assert.That(_device.NativeFloatVectorWidth, Is.AnyOf(1, 2, 4, 8, 16),
            "CL_DEVICE_NATIVE_VECTOR_WIDTH_FLOAT is one of OpenCL's vector sizes (float, float2 … float16)");
        Assert.That(_device.Context, Is.Not.EqualTo(nint.Zero));
        Assert.That(_device.Queue, Is.Not.EqualTo(nint.Zero));
        Assert.That(OpenClDevice.ListDevices(), Has.Some.Contains(_device.Name), "ListDevices lists the default device");
    }

    [Test]
    public void AKernel_RunsOverARoundedUpNDRange_ThroughSilkNet_AndTheResultReadsBack()
    {
        float[] x = [1, 2, 3, 4, 5, 6, 7];
        nint program = _device.BuildProgram(AddOne);
        Span<int> error = stackalloc int[1];
        nint kernel = _cl.CreateKernel(program, "add_one", error);
        OpenClErrors.Check(error[0], "clCreateKernel");
        nint input = _cl.CreateBuffer(_device.Context, MemFlags.ReadOnly | MemFlags.CopyHostPtr, sizeof(float) * 7, x.AsSpan(), error);
        OpenClErrors.Check(error[0], "clCreateBuffer");
        nint output = _cl.CreateBuffer(_device.Context, MemFlags.WriteOnly, sizeof(float) * 16, Span<float>.Empty, error);
        OpenClErrors.Check(error[0], "clCreateBuffer");
        try
        {
            OpenClErrors.Check(_cl.SetKernelArg(kernel, 0, (nuint)nint.Size, in input), "clSetKernelArg");
            OpenClErrors.Check(_cl.SetKernelArg(kernel, 1, (nuint)nint.Size, in output), "clSetKernelArg");
            int length = x.Length;
            OpenClErrors.Check(_cl.SetKernelArg(kernel, 2, sizeof(int), in length), "clSetKernelArg");
            // 16 work-items in groups of 8: rounded up past the 7 elements; the kernel's bounds check skips 7…15.
            OpenClErrors.Check(_cl.EnqueueNdrangeKernel(_device.Queue, kernel, 1, ReadOnlySpan<nuint>.Empty, [16], [8], 0,
                ReadOnlySpan<nint>.Empty, Span<nint>.Empty), "clEnqueueNDRangeKernel");
            var y = new float[x.Length];
            OpenClErrors.Check(_cl.EnqueueReadBuffer(_device.Queue, output, true, 0, sizeof(float) * 7, y.AsSpan(), 0,
                ReadOnlySpan<nint>.Empty, Span<nint>.Empty), "clEnqueueReadBuffer");
            Assert.That(y, Is.EqualTo(new float[] { 2, 3, 4, 5, 6, 7, 8 }));
        }
        finally
        {
            _cl.ReleaseMemObject(output);
            _cl.ReleaseMemObject(input);
            _cl.ReleaseKernel(kernel);
            _cl.ReleaseProgram(program);
        }
    }

    [Test]
    public void ASyntaxError_ThrowsWithTheFullBuildLog()
    {
        var error = Assert.Throws<OpenClException>(() => _device.BuildProgram("__kernel void broken(__global float* y) { y[0] = undeclared_name; }"))!;
        Assert.That(error.Call, Is.EqualTo("clBuildProgram"));
        Assert.That(error.ErrorName, Is.EqualTo("CL_BUILD_PROGRAM_FAILURE"));
        Assert.That(error.BuildLog, Does.Contain("undeclared_name"), "the compiler's log names the unknown identifier");
        Assert.That(error.Message, Does.Contain("clBuildProgram failed with CL_BUILD_PROGRAM_FAILURE (-11)").And.Contain(error.BuildLog!.Trim()),
            "the message carries the whole build log, so a test failure shows the compiler's words");
    }

    [Test]
    public void AFailedBuild_ReleasesItsProgram()
    {
        int references = _device.ContextReferenceCount;
        for (int cycle = 0; cycle < 20; cycle++)
            Assert.Throws<OpenClException>(() => _device.BuildProgram("__kernel void broken() { oops; }"));
        Assert.That(_device.ContextReferenceCount, Is.EqualTo(references), "a program that did not build is released before the exception");
    }

    [Test]
    public void AWorkGroupThatDoesNotDivideTheGlobalSize_ReadsAsCL_INVALID_WORK_GROUP_SIZE()
    {
        nint program = _device.BuildProgram(AddOne);   // OpenCL C 1.2: work-groups must be uniform
        Span<int> error = stackalloc int[1];
        nint kernel = _cl.CreateKernel(program, "add_one", error);
        nint buffer = _cl.CreateBuffer(_device.Context, MemFlags.ReadWrite, sizeof(float) * 10, Span<float>.Empty, error);
        try
        {
            _cl.SetKernelArg(kernel, 0, (nuint)nint.Size, in buffer);
            _cl.SetKernelArg(kernel, 1, (nuint)nint.Size, in buffer);
            int length = 10;
            _cl.SetKernelArg(kernel, 2, sizeof(int), in length);
            int code = _cl.EnqueueNdrangeKernel(_device.Queue, kernel, 1, ReadOnlySpan<nuint>.Empty, [10], [4], 0,
                ReadOnlySpan<nint>.Empty, Span<nint>.Empty);
            var thrown = Assert.Throws<OpenClException>(() => OpenClErrors.Check(code, "clEnqueueNDRangeKernel", "global [10], local [4]"))!;
            Assert.That(thrown.Message, Does.Contain("clEnqueueNDRangeKernel failed with CL_INVALID_WORK_GROUP_SIZE (-54)").And.Contain("[10]"));
        }
        finally
        {
            _cl.ReleaseMemObject(buffer);
            _cl.ReleaseKernel(kernel);
            _cl.ReleaseProgram(program);
        }
    }

    [Test]
    public void AnUnknownKernelName_ReadsAsCL_INVALID_KERNEL_NAME()
    {
        nint program = _device.BuildProgram(AddOne);
        Span<int> error = stackalloc int[1];
        nint kernel = _cl.CreateKernel(program, "add_two", error);
        _cl.ReleaseProgram(program);
        Assert.That(kernel, Is.EqualTo(nint.Zero), "clCreateKernel returns NULL for a name the program lacks");
        Assert.That(OpenClErrors.Name(error[0]), Is.EqualTo("CL_INVALID_KERNEL_NAME"));
    }

    [Test]
    public void HundredCreateReleaseCycles_LeaveTheContextsReferenceCountUnchanged()
    {
        int references = _device.ContextReferenceCount;
        Span<int> error = stackalloc int[1];
        for (int cycle = 0; cycle < 100; cycle++)
        {
            nint program = _device.BuildProgram(AddOne);
            nint kernel = _cl.CreateKernel(program, "add_one", error);
            nint buffer = _cl.CreateBuffer(_device.Context, MemFlags.ReadWrite, sizeof(float) * 2, Span<float>.Empty, error);
            if (cycle == 0)
                Assert.That(_device.ContextReferenceCount, Is.GreaterThan(references),
                    "while objects are alive they hold the context (else this test could not see a leak)");
            OpenClErrors.Check(_cl.ReleaseMemObject(buffer), "clReleaseMemObject");
            OpenClErrors.Check(_cl.ReleaseKernel(kernel), "clReleaseKernel");
            OpenClErrors.Check(_cl.ReleaseProgram(program), "clReleaseProgram");
        }
        Assert.That(_device.ContextReferenceCount, Is.EqualTo(references), "every buffer, program and kernel released its reference");
    }

    [Test]
    public void HundredDeviceOpenCloseCycles_LeaveNoLiveHandle()
    {
        int handles = OpenClHandle.Live;
        for (int cycle = 0; cycle < 100; cycle++)
        {
            Assert.That(OpenClDevice.TryGetDefault(out var device, out string reason), Is.True, reason);
            device!.Dispose();
        }
        Assert.That(OpenClHandle.Live, Is.EqualTo(handles), "each device released its queue and context");
    }

    [Test]
    public void ADisposedDevice_RefusesToHandOutItsContext()
    {
        Assert.That(OpenClDevice.TryGetDefault(out var device, out string reason), Is.True, reason);
        device!.Dispose();
        Assert.Throws<ObjectDisposedException>(() => _ = device.Context);
        Assert.Throws<ObjectDisposedException>(() => _ = device.Queue);
    }

    [Test]
    public void KATAS_OPENCL_DEVICE_NamingNoDevice_ReportsTheDevicesThereAre()
    {
        string? before = Environment.GetEnvironmentVariable(OpenClDevice.DeviceVariable);
        try
        {
            Environment.SetEnvironmentVariable(OpenClDevice.DeviceVariable, "no-such-device");
            Assert.That(OpenClDevice.TryGetDefault(out var device, out string reason), Is.False);
            Assert.That(device, Is.Null);
            Assert.That(reason, Does.Contain("no-such-device").And.Contain(_device.Name));

            Environment.SetEnvironmentVariable(OpenClDevice.DeviceVariable, "0");
            Assert.That(OpenClDevice.TryGetDefault(out device, out reason), Is.True, reason);
            device!.Dispose();
        }
        finally
        {
            Environment.SetEnvironmentVariable(OpenClDevice.DeviceVariable, before);
        }
    }
}
