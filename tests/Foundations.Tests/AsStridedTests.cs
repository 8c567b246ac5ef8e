using NUnit.Framework;

namespace Foundations.Tests;

/// <summary><see cref="Tensor.AsStrided"/>: any layout over the same storage, refused when it reaches outside it.</summary>
[Category("Foundations")]
public class AsStridedTests
{
    [Test]
    public void StrideZero_RepeatsOneRow_WithoutCopying()
    {
        var c = Tensor.FromArray(10f, 20f, 30f);
        var rows = c.AsStrided([3, 3], [0, 1], 0);
        Assert.That(rows.Storage, Is.SameAs(c.Storage), "a view shares the storage");
        Assert.That(rows.Strides, Is.EqualTo(new[] { 0, 1 }));
        Assert.That(rows.ToArray(), Is.EqualTo(new float[] { 10, 20, 30, 10, 20, 30, 10, 20, 30 }));
        c[1] = -1;
        Assert.That(rows[2, 1], Is.EqualTo(-1f), "writes to the source are seen through the view");
    }

    [Test]
    public void ExplicitLayout_ReadsTheStorageItNames()
    {
        var t = Tensor.Arange(12);
        var view = t.AsStrided([2, 2], [1, 4], 3); // a transposed 2×2 window starting at element 3
        Assert.That(view.ToArray(), Is.EqualTo(new float[] { 3, 7, 4, 8 }));
        Assert.That(view.Offset, Is.EqualTo(3));
    }

    [Test]
    public void LastElementOfTheStorage_IsReachable()
    {
        var t = Tensor.Arange(6);
        Assert.That(t.AsStrided([2, 3], [3, 1], 0).ToArray(), Is.EqualTo(new float[] { 0, 1, 2, 3, 4, 5 }));
        Assert.That(t.AsStrided([1], [1], 5).Item(), Is.EqualTo(5f));
        Assert.That(t.AsStrided([], [], 5).Item(), Is.EqualTo(5f), "a scalar view of the last element");
    }

    [Test]
    public void EmptyView_ReachesNothing_AndIsAllowed()
    {
        var t = Tensor.Arange(3);
        Assert.That(t.AsStrided([0, 100], [100, 1], 3).Numel, Is.EqualTo(0));
    }

    [Test]
    public void ViewReachingPastTheStorage_Throws_NamingTheSizes()
    {
        var t = Tensor.Arange(3);
        var error = Assert.Throws<ArgumentException>(() => t.AsStrided([2, 3], [3, 1], 0));
        Assert.That(error!.Message, Does.Contain("require a storage of 6 elements").And.Contain("holds only 3")
            .And.Contain("shape [2, 3], strides [3, 1] and offset 0 reach element 5"));
        Assert.That(error.Message, Does.Not.Contain("setStorage"), "the message speaks of the view, not of PyTorch's internals");
        Assert.Throws<ArgumentException>(() => t.AsStrided([1], [1], 3), "offset 3 is one past the end");
    }

    [Test]
    public void BadLayouts_Throw()
    {
        var t = Tensor.Arange(6);
        Assert.That(Assert.Throws<ArgumentException>(() => t.AsStrided([2, 3], [1], 0))!.Message, Does.Contain("one stride per dimension").And.Contain("shape [2, 3] has 2 dimensions and strides [1] has 1"));
        Assert.That(Assert.Throws<ArgumentException>(() => t.AsStrided([2], [-1], 1))!.Message, Does.Contain("strides of 0 or more, but got [-1]").And.Contain("dimension 0"));
        Assert.That(Assert.Throws<ArgumentException>(() => t.AsStrided([2], [1], -1))!.Message, Does.Contain("storage offset of 0 or more, but got -1"));
        Assert.That(Assert.Throws<ArgumentException>(() => t.AsStrided([-2], [1], 0))!.Message, Does.Contain("negative dimension"));
    }

    [Test]
    public void HugeStrides_DoNotOverflowIntoAValidLookingOffset()
    {
        var t = Tensor.Arange(4);
        Assert.Throws<ArgumentException>(() => t.AsStrided([3, 3], [int.MaxValue, int.MaxValue], 0));
    }
}
