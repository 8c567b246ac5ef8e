using Foundations.OpenCL;
using System.Diagnostics;
using NUnit.Framework;

namespace Foundations.Tests.OpenCL;

/// <summary>The device the OpenCL tests run on. Without a platform they are ignored with the install
/// hint, unless KATAS_REQUIRE_OPENCL=1 (CI) says a platform must be there, in which case they fail.</summary>
internal static class OpenClTestDevice
{
    public static OpenClDevice Open()
    {
        if (OpenClDevice.TryGetDefault(out var device, out string reason)) return device;
        if (Environment.GetEnvironmentVariable("KATAS_REQUIRE_OPENCL") == "1")
            Assert.Fail($"KATAS_REQUIRE_OPENCL=1 but there is no usable OpenCL device: {reason}");
        Assert.Ignore($"No OpenCL device, so this test cannot run: {reason}");
        throw new UnreachableException();
    }
}
