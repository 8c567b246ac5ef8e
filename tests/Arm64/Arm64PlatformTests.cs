using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using Foundations;
using Katas.FastMatmul;
using NUnit.Framework;

namespace Foundations.Tests.Arm64;

/// <summary>
/// Only in this build: the substrate's and K06's tests compiled for ARM64 and run under qemu-aarch64 by CI. These
/// check that the run really is ARM64 with NEON, so the other tests here (K06's Step5_ThreadsTests for the whole
/// product among them) exercised the 128-bit paths that an ARM laptop takes, compiled by the runtime's ARM64 JIT,
/// and not the x64 code again.
/// </summary>
public class Arm64PlatformTests
{
    [Test]
    public void TheProcessIsArm64_WithNeon()
    {
        Assert.Multiple(() =>
        {
            Assert.That(RuntimeInformation.ProcessArchitecture, Is.EqualTo(Architecture.Arm64));
            Assert.That(AdvSimd.IsSupported, Is.True, "NEON (AdvSimd)");
            Assert.That(Vector128.IsHardwareAccelerated, Is.True, "128-bit vectors accelerated");
            Assert.That(Vector256.IsHardwareAccelerated, Is.False, "no 256-bit vectors on ARM64");
        });
    }

    [Test]
    public void K06AndThePortableKernel_Prefer128BitVectors()
    {
        Assert.Multiple(() =>
        {
            Assert.That(HardwareWidth.Preferred, Is.EqualTo(VectorWidth.Bits128));
            Assert.That(BlockedGemm.PreferredBits, Is.EqualTo(128));
        });
    }
}
