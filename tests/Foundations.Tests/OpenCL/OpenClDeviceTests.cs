using Foundations.OpenCL;
using NUnit.Framework;

namespace Foundations.Tests.OpenCL;

/// <summary>The OpenCL binding on a real platform: discovery, buffers, builds, kernels, errors, leaks.</summary>
[Category("Foundations")]
[NonParallelizable]   // the leak tests count process-wide handles
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

    [OneTimeSetUp]
    public void OpenDevice() => _device = OpenClTestDevice.Open();

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
        Assert.That(OpenClDevice.ListDevices(), Has.Some.Contains(_device.Name), "ListDevices lists the default device");
    }

    [Test]
    public void AKernel_RunsOverAnNDRange_AndTheResultReadsBack()
    {
        float[] x = [1, 2, 3, 4, 5, 6, 7];
        using var program = _device.BuildProgram(AddOne);
        using var kernel = program.CreateKernel("add_one");
        using var input = _device.CreateBuffer(x);
        using var output = _device.CreateBuffer(16, OpenClAccess.WriteOnly);
        kernel.SetArgument(0, input);
        kernel.SetArgument(1, output);
        kernel.SetArgument(2, x.Length);
        _device.Run(kernel, [16], [8]);   // rounded up to the work-group size; the kernel's bounds check skips 7…15
        var y = new float[x.Length];
        _device.Read(output, y);
        Assert.That(y, Is.EqualTo(new float[] { 2, 3, 4, 5, 6, 7, 8 }));
    }

    [Test]
    public void WriteThenRead_RoundTripsTheFloats()
    {
        using var buffer = _device.CreateBuffer(5);
        _device.Write(buffer, [1.5f, -2, float.MaxValue, 0, 3]);
        var back = new float[5];
        _device.Read(buffer, back);
        Assert.That(back, Is.EqualTo(new[] { 1.5f, -2, float.MaxValue, 0, 3 }));
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
    public void AWorkGroupThatDoesNotDivideTheGlobalSize_NamesCL_INVALID_WORK_GROUP_SIZE()
    {
        using var program = _device.BuildProgram(AddOne);   // OpenCL C 1.2: work-groups must be uniform
        using var kernel = program.CreateKernel("add_one");
        using var input = _device.CreateBuffer(10);
        using var output = _device.CreateBuffer(10);
        kernel.SetArgument(0, input);
        kernel.SetArgument(1, output);
        kernel.SetArgument(2, 10);
        var error = Assert.Throws<OpenClException>(() => _device.Run(kernel, [10], [4]))!;
        Assert.That(error.Message, Does.Contain("clEnqueueNDRangeKernel").And.Contain("CL_INVALID_WORK_GROUP_SIZE (-54)").And.Contain("[10]"));
    }

    [Test]
    public void AnUnknownKernelName_NamesCL_INVALID_KERNEL_NAME()
    {
        using var program = _device.BuildProgram(AddOne);
        var error = Assert.Throws<OpenClException>(() => program.CreateKernel("add_two"))!;
        Assert.That(error.Message, Does.Contain("clCreateKernel").And.Contain("CL_INVALID_KERNEL_NAME").And.Contain("add_two"));
    }

    [Test]
    public void RunningWithAnArgumentUnset_NamesCL_INVALID_KERNEL_ARGS()
    {
        using var program = _device.BuildProgram(AddOne);
        using var kernel = program.CreateKernel("add_one");
        var error = Assert.Throws<OpenClException>(() => _device.Run(kernel, [4]))!;
        Assert.That(error.ErrorName, Is.EqualTo("CL_INVALID_KERNEL_ARGS"));
    }

    [Test]
    public void UsingADisposedBuffer_ThrowsObjectDisposed()
    {
        var buffer = _device.CreateBuffer(4);
        buffer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => _device.Write(buffer, [1, 2, 3, 4]));
    }

    [Test]
    public void HundredCreateReleaseCycles_LeaveTheContextsReferenceCountAndLiveHandlesUnchanged()
    {
        int references = _device.ContextReferenceCount, handles = OpenClHandle.Live;
        for (int cycle = 0; cycle < 100; cycle++)
        {
            using var program = _device.BuildProgram(AddOne);
            using var kernel = program.CreateKernel("add_one");
            using var input = _device.CreateBuffer([1f, 2f]);
            using var output = _device.CreateBuffer(2);
            kernel.SetArgument(0, input);
            kernel.SetArgument(1, output);
            kernel.SetArgument(2, 2);
            _device.Run(kernel, [2]);
            _device.Finish();
            if (cycle == 0)
                Assert.That(_device.ContextReferenceCount, Is.GreaterThan(references),
                    "while objects are alive they hold the context (else this test could not see a leak)");
        }
        Assert.That(_device.ContextReferenceCount, Is.EqualTo(references), "every buffer, program and kernel released its reference");
        Assert.That(OpenClHandle.Live, Is.EqualTo(handles), "every handle was released");
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
