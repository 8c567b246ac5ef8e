using Foundations.OpenCL;
using NUnit.Framework;

namespace Foundations.Tests.OpenCL;

/// <summary>Error codes become names, and exceptions name the call; no platform needed.</summary>
[Category("Foundations")]
public class OpenClErrorsTests
{
    [TestCase(0, "CL_SUCCESS")]
    [TestCase(-1, "CL_DEVICE_NOT_FOUND")]
    [TestCase(-11, "CL_BUILD_PROGRAM_FAILURE")]
    [TestCase(-52, "CL_INVALID_KERNEL_ARGS")]
    [TestCase(-54, "CL_INVALID_WORK_GROUP_SIZE")]
    [TestCase(-72, "CL_MAX_SIZE_RESTRICTION_EXCEEDED")]
    [TestCase(-1001, "CL_PLATFORM_NOT_FOUND_KHR")]
    [TestCase(-9999, "CL_UNKNOWN_ERROR")]
    public void ErrorCodes_HaveTheirHeaderNames(int code, string name) => Assert.That(OpenClErrors.Name(code), Is.EqualTo(name));

    [Test]
    public void TheException_NamesTheCallTheCodeAndTheDetail()
    {
        var error = new OpenClException("clCreateBuffer", -61, "0 floats");
        Assert.That(error.Message, Is.EqualTo("clCreateBuffer failed with CL_INVALID_BUFFER_SIZE (-61): 0 floats"));
        Assert.That(error.BuildLog, Is.Null);
    }

    [TestCase("EnqueueReadBuffer", "blockingRead", typeof(uint))]   // cl_bool is 32 bits, not a 1-byte C# bool
    [TestCase("EnqueueReadBuffer", "size", typeof(nuint))]          // size_t is pointer-sized
    [TestCase("CreateBuffer", "flags", typeof(ulong))]              // cl_mem_flags is a 64-bit bitfield
    [TestCase("GetDeviceIDs", "deviceType", typeof(ulong))]         // so is cl_device_type
    [TestCase("CreateCommandQueue", "properties", typeof(ulong))]   // and cl_command_queue_properties
    [TestCase("SetKernelArg", "argSize", typeof(nuint))]
    public void TheBinding_UsesTheCTypesWidths(string function, string parameter, Type expected)
    {
        // A parameter of the wrong width shifts every later argument of the call: a silent, wrong result.
        var method = typeof(Cl).GetMethod(function)!;
        Assert.That(method.GetParameters().Single(p => p.Name == parameter).ParameterType, Is.EqualTo(expected),
            $"{function}'s {parameter}");
    }
}
