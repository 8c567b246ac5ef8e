using Foundations.OpenCL;
using NUnit.Framework;
using Silk.NET.OpenCL;

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

    [Test]
    public void EveryCoreErrorCodeSilkKnows_HasAName()
    {
        // Silk.NET's ErrorCodes enum lists the codes of the specification and its extensions; the core
        // ones (0 … -72) and the ICD loader's -1001 must all read as names in messages, never as numbers.
        var core = Enum.GetValues<ErrorCodes>().Select(code => (int)code).Where(code => code is >= -72 and <= 0 or -1001).Distinct().ToList();
        Assert.That(core, Has.Count.GreaterThan(50), "Silk.NET's enum holds the specification's codes");
        Assert.That(core.Where(code => OpenClErrors.Name(code) == "CL_UNKNOWN_ERROR"), Is.Empty, "codes without a name");
    }

    [Test]
    public void Check_ThrowsOnlyForAnError_NamingTheCall()
    {
        Assert.DoesNotThrow(() => OpenClErrors.Check(0, "clFinish"));
        var error = Assert.Throws<OpenClException>(() => OpenClErrors.Check((int)ErrorCodes.InvalidKernelArgs, "clEnqueueNDRangeKernel", "kernel 'add_one'"))!;
        Assert.That(error.Message, Is.EqualTo("clEnqueueNDRangeKernel failed with CL_INVALID_KERNEL_ARGS (-52): kernel 'add_one'"));
        Assert.That(error.ErrorCode, Is.EqualTo(-52));
    }
}
