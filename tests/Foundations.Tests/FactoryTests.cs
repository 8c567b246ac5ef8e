using NUnit.Framework;

namespace Foundations.Tests;

/// <summary>The ways to make a tensor: from C# literals, ranges, constants and seeded random numbers.</summary>
[Category("Foundations")]
public class FactoryTests
{
    [Test]
    public void FromArray_1D_CopiesTheValues()
    {
        var values = new float[] { 10, 6, -4 };
        var t = Tensor.FromArray(values);
        Assert.That(t.Shape, Is.EqualTo(new[] { 3 }));
        Assert.That(t.Strides, Is.EqualTo(new[] { 1 }));
        Assert.That(t.Rank, Is.EqualTo(1));
        Assert.That(t.Numel, Is.EqualTo(3));
        values[0] = 0;
        Assert.That(t[0], Is.EqualTo(10f), "the tensor owns a copy of the array");
    }

    [Test]
    public void FromArray_2D_IsRowMajor()
    {
        var t = Tensor.FromArray(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.That(t.Shape, Is.EqualTo(new[] { 2, 3 }));
        Assert.That(t.Strides, Is.EqualTo(new[] { 3, 1 }));
        Assert.That(t[1, 0], Is.EqualTo(4f));
        Assert.That(t.ToArray(), Is.EqualTo(new float[] { 1, 2, 3, 4, 5, 6 }));
    }

    [Test]
    public void FromArray_3D_IsRowMajor()
    {
        var t = Tensor.FromArray(new float[,,] { { { 1, 2 }, { 3, 4 }, { 5, 6 } }, { { 7, 8 }, { 9, 10 }, { 11, 12 } } });
        Assert.That(t.Shape, Is.EqualTo(new[] { 2, 3, 2 }));
        Assert.That(t.Strides, Is.EqualTo(new[] { 6, 2, 1 }));
        Assert.That(t[1, 2, 0], Is.EqualTo(11f));
        Assert.That(t.ToArray(), Is.EqualTo(Tensor.Arange(1, 13).ToArray()));
    }

    [Test]
    public void FromArray_WithAShape_ChecksTheCount()
    {
        var t = Tensor.FromArray([1, 2, 3, 4, 5, 6], [3, 2]);
        Assert.That(t[2, 1], Is.EqualTo(6f));
        var error = Assert.Throws<ArgumentException>(() => Tensor.FromArray([1, 2, 3], [2, 2]));
        Assert.That(error!.Message, Does.Contain("shape [2, 2] is invalid for input of size 3"));
    }

    [Test]
    public void Arange_CountsUpToButNotIncludingTheEnd()
    {
        Assert.That(Tensor.Arange(5).ToArray(), Is.EqualTo(new float[] { 0, 1, 2, 3, 4 }));
        Assert.That(Tensor.Arange(0).Shape, Is.EqualTo(new[] { 0 }));
        Assert.That(Tensor.Arange(1, 2, 0.25f).ToArray(), Is.EqualTo(new float[] { 1, 1.25f, 1.5f, 1.75f }));
        Assert.That(Tensor.Arange(5, 0, -2).ToArray(), Is.EqualTo(new float[] { 5, 3, 1 }));
        Assert.That(Tensor.Arange(0, 1, 0.3f).Numel, Is.EqualTo(4), "ceil((end - start) / step) elements, like PyTorch");
    }

    [Test]
    public void Arange_WithInconsistentBounds_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.Arange(0, 5, -1));
        Assert.That(error!.Message, Does.Contain("Arange cannot get from start=0 to end=5 with step=-1").And.Contain("use a step of the other sign"));
        Assert.Throws<ArgumentException>(() => Tensor.Arange(0, 5, 0));
        Assert.Throws<ArgumentException>(() => Tensor.Arange(0, float.PositiveInfinity));
    }

    [Test]
    public void ZerosOnesFull_FillEveryElement()
    {
        var z = Tensor.Zeros(2, 3);
        Assert.That(z.Shape, Is.EqualTo(new[] { 2, 3 }));
        Assert.That(z.ToArray(), Is.All.EqualTo(0f));
        Assert.That(Tensor.Ones(4).ToArray(), Is.EqualTo(new float[] { 1, 1, 1, 1 }));
        var f = Tensor.Full([2, 2, 2], -2.5f);
        Assert.That(f.Numel, Is.EqualTo(8));
        Assert.That(f.ToArray(), Is.All.EqualTo(-2.5f));
        var like = Tensor.ZerosLike(f.Permute(2, 1, 0));
        Assert.That(like.Shape, Is.EqualTo(new[] { 2, 2, 2 }));
        Assert.That(like.IsContiguous, Is.True);
    }

    [Test]
    public void Scalar_IsRank0WithOneElement()
    {
        var s = Tensor.Scalar(3.5f);
        Assert.That(s.Rank, Is.EqualTo(0));
        Assert.That(s.Shape, Is.Empty);
        Assert.That(s.Numel, Is.EqualTo(1));
        Assert.That(s.Item(), Is.EqualTo(3.5f));
        Assert.That(s[Array.Empty<int>()], Is.EqualTo(3.5f));
        Assert.That(Tensor.Zeros().Rank, Is.EqualTo(0), "no sizes gives a scalar");
    }

    [Test]
    public void ANegativeSize_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, -1));
        Assert.That(error!.Message, Does.Contain("Trying to create tensor with negative dimension -1: [2, -1]"));
    }

    [Test]
    public void EmptyTensors_HaveZeroElements()
    {
        var e = Tensor.Zeros(3, 0);
        Assert.That(e.Numel, Is.EqualTo(0));
        Assert.That(e.ToArray(), Is.Empty);
        Assert.That((e + 1).Shape, Is.EqualTo(new[] { 3, 0 }));
    }

    [Test]
    public void RandAndUniform_StayInTheirRange()
    {
        var rng = new Rng(7);
        var r = Tensor.Rand(rng, 100, 10);
        Assert.That(r.ToArray(), Is.All.InRange(0f, 1f).And.All.LessThan(1f));
        Assert.That(r.Mean().Item(), Is.EqualTo(0.5f).Within(0.03f), "mean of 1000 uniforms: 0.5 ± 3 standard errors (σ/√n ≈ 0.009)");
        var u = Tensor.Uniform(rng, -2, 3, 1000);
        Assert.That(u.ToArray(), Is.All.GreaterThanOrEqualTo(-2f).And.All.LessThan(3f));
        Assert.That(u.Min().Item(), Is.LessThan(-1.9f), "1000 draws come close to the low end");
        Assert.That(u.Max().Item(), Is.GreaterThan(2.9f), "and to the high end");
    }

    [Test]
    public void RandomFactories_AreReproducibleFromTheSeed()
    {
        float[] first = Tensor.Randn(new Rng(5), 4, 4).ToArray(), again = Tensor.Randn(new Rng(5), 4, 4).ToArray();
        Assert.That(again, Is.EqualTo(first));
        Assert.That(Tensor.Rand(new Rng(5), 16).ToArray(), Is.Not.EqualTo(Tensor.Rand(new Rng(6), 16).ToArray()));
    }
}
