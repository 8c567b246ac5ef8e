using Foundations;
using Foundations.OpenCL;
using Katas.OpenClMatmul;
using NUnit.Framework;

namespace KataTests.K07_OpenClMatmul;

/// <summary>
/// When an OpenCL call fails, the OpenClException names the call (its <c>Call</c>) and what the host was doing,
/// so the learner can tell which step went wrong. Each test gives the host a small source that makes one call fail.
/// </summary>
[Category("K07")]
[NonParallelizable]   // one device, shared with the other K07 fixtures
public class OpenClErrorReportTests
{
    private OpenClDevice _device = null!;

    [OneTimeSetUp]
    public void OpenDevice() => _device = OpenClPlatform.OpenDevice();

    [OneTimeTearDown]
    public void Close() => _device?.Dispose();

    [Test]
    public void AMissingKernel_IsReportedAsAFailedClCreateKernel()
    {
        string renamed = KernelSources.Source.Replace("__kernel void matmul_tiled(", "__kernel void matmul_tiles(");
        var error = Assert.Throws<OpenClException>(() => new OpenClMatmulHost(_device, renamed).Dispose(),
            "a source without matmul_tiled")!;
        Assert.That(error.Call, Is.EqualTo("clCreateKernel"), "the exception names the OpenCL call that failed");
    }

    // Kernels with too few parameters: setting argument 2 (K, an int) or argument 5 (C, a buffer) fails.
    [TestCase("const int M, const int N", 2)]
    [TestCase("const int M, const int N, const int K, __global const float* A, __global float* C", 5)]
    public void AnArgumentTheKernelDoesNotHave_IsReportedAsAFailedClSetKernelArg_NamingItsIndex(string parameters, int index)
    {
        string source = string.Join("\n", new[] { "matmul_naive", "matmul_tiled", "matmul_register_blocked" }
            .Select(name => $"__kernel void {name}({parameters}) {{ }}"));
        using var host = new OpenClMatmulHost(_device, source);
        var error = Assert.Throws<OpenClException>(() => host.Multiply(Tensor.Ones(3, 2), Tensor.Ones(2, 4), KernelVariant.Naive),
            $"kernels taking only ({parameters})")!;
        Assert.That(error.Call, Is.EqualTo("clSetKernelArg"), "the exception names the OpenCL call that failed");
        Assert.That(error.Message, Does.Match($@"\): .*\b{index}\b"), $"and its detail (after the error code) names the argument's index, {index}");
    }

    [Test]
    public void ALaunchTheDeviceRefuses_IsReportedAsAFailedClEnqueueNDRangeKernel_WithItsSizes()
    {
        // A kernel that demands 1×1 work-groups: the host's launch in larger work-groups is refused.
        const string parameters = "const int M, const int N, const int K, __global const float* A, __global const float* B, __global float* C";
        string source = string.Join("\n", new[] { "matmul_naive", "matmul_tiled", "matmul_register_blocked" }
            .Select(name => $"__kernel __attribute__((reqd_work_group_size(1, 1, 1))) void {name}({parameters}) {{ }}"));
        using var host = new OpenClMatmulHost(_device, source);
        var error = Assert.Throws<OpenClException>(() => host.Multiply(Tensor.Ones(3, 2), Tensor.Ones(2, 4), KernelVariant.Naive),
            "kernels that require 1×1 work-groups")!;
        Assert.That(error.Call, Is.EqualTo("clEnqueueNDRangeKernel"), "the exception names the OpenCL call that failed");
        Assert.That(error.Message, Does.Match(@"\): .*\b16\b"),
            "and its detail (after the error code) names the sizes it launched with: 3×4 rounds up to 16×16 in 16×16 work-groups");
    }
}
