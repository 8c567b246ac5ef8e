using NUnit.Framework;

namespace Foundations.Tests;

/// <summary>AllClose and fastai's near: |x - y| ≤ atol + rtol·|y|, equal shapes, NaN never close.</summary>
[Category("Foundations")]
public class CloseTests
{
    [Test]
    public void Near_UsesFastaisTolerances()
    {
        var x = Tensor.FromArray(1000f, 1f, 0f);
        Assert.That(x.Near(Tensor.FromArray(1000.9f, 1.0009f, 9e-6f)), Is.True, "within rtol 1e-3 (plus atol 1e-5)");
        Assert.That(x.Near(Tensor.FromArray(1001.2f, 1f, 0f)), Is.False, "1.2 apart at 1000 is beyond rtol 1e-3");
        Assert.That(x.Near(Tensor.FromArray(1000f, 1f, 2e-5f)), Is.False, "2e-5 apart at 0 is beyond atol 1e-5");
    }

    [Test]
    public void AllClose_UsesPyTorchsDefaults_OrTheGivenOnes()
    {
        var x = Tensor.FromArray(1f, 2f);
        Assert.That(x.AllClose(Tensor.FromArray(1f, 2.00001f)), Is.True, "rtol 1e-5 of 2 is 2e-5");
        Assert.That(x.AllClose(Tensor.FromArray(1f, 2.0001f)), Is.False);
        Assert.That(x.AllClose(Tensor.FromArray(1.5f, 2.5f), rtol: 0, atol: 0.5), Is.True);
        Assert.That(x.AllClose(Tensor.FromArray(1.5f, 2.6f), rtol: 0, atol: 0.5), Is.False);
        Assert.That(x.T().AllClose(x), Is.True);
    }

    [Test]
    public void NaN_IsNeverClose_ButEqualInfinitiesAre()
    {
        var nan = Tensor.FromArray(float.NaN);
        Assert.That(nan.AllClose(nan), Is.False);
        Assert.That(nan.Near(Tensor.FromArray(1f)), Is.False);
        Assert.That(Tensor.FromArray(1f).Near(nan), Is.False);
        var inf = Tensor.FromArray(float.PositiveInfinity, float.NegativeInfinity);
        Assert.That(inf.Near(inf), Is.True);
        Assert.That(inf.Near(Tensor.FromArray(float.PositiveInfinity, float.PositiveInfinity)), Is.False);
        Assert.That(Tensor.FromArray(float.MaxValue).Near(Tensor.FromArray(float.PositiveInfinity)), Is.False);
    }

    [Test]
    public void DifferentShapes_ThrowRatherThanBroadcast()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3).Near(Tensor.Zeros(3)));
        Assert.That(error!.Message, Does.Contain("[2, 3]").And.Contain("[3]"));
        Assert.Throws<ArgumentException>(() => Tensor.Zeros(3, 1).AllClose(Tensor.Zeros(1, 3)));
    }
}
