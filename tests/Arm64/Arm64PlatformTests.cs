using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using Foundations;
using Katas.FastMatmul;
using NUnit.Framework;

namespace Foundations.Tests.Arm64;

/// <summary>
/// Only in this build: the substrate's and K06's tests compiled for ARM64 and run under qemu-aarch64 by CI. These
/// check that the run really is ARM64 with NEON, so the other tests here exercised the 128-bit paths that an ARM
/// laptop takes, compiled by the runtime's ARM64 JIT, and not the x64 code again.
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

    [Test]
    public void TheFastProduct_OnNeon_MatchesTheLoop()
    {
        var rng = new Rng(7);
        var a = Tensor.Randn(rng, 130, 300);
        var b = Tensor.Randn(rng, 300, 70);
        var fast = ParallelMatmul.Multiply(a, b);
        var loop = IkjMatmul.Multiply(a, b);
        Assert.That(fast.Shape, Is.EqualTo(loop.Shape));
        for (int i = 0; i < fast.Storage.Length; i++)
            Assert.That(fast.Storage[i], Is.EqualTo(loop.Storage[i]).Within(1e-3f + 1e-4f * Math.Abs(loop.Storage[i])), $"element {i}");
    }
}
