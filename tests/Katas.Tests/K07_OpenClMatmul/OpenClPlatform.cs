using System.Diagnostics;
using Foundations.OpenCL;
using NUnit.Framework;

namespace KataTests.K07_OpenClMatmul;

/// <summary>
/// Opens the OpenCL device the K07 tests run on. Without an OpenCL platform the tests are ignored with
/// the install command — unless KATAS_REQUIRE_OPENCL=1 (CI sets it): then a missing platform is a failure,
/// so a broken install can never pass as "skipped".
/// </summary>
internal static class OpenClPlatform
{
    public const string RequireVariable = "KATAS_REQUIRE_OPENCL";

    public static OpenClDevice OpenDevice()
    {
        if (OpenClDevice.TryGetDefault(out var device, out string reason)) return device;
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
            Assert.Fail($"{RequireVariable}=1, but there is no usable OpenCL device: {reason}");
        Assert.Ignore($"Kata 07 needs an OpenCL platform and none is usable: {reason}");
        throw new UnreachableException();
    }
}
