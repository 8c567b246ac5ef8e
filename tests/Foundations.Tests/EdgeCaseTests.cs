using NUnit.Framework;

namespace Foundations.Tests;

/// <summary>Corners found while reviewing the substrate: 0-dim tensors, empty views, the offset odometer.</summary>
[Category("Foundations")]
public class EdgeCaseTests
{
    [Test]
    public void DimOpsOnA0DimTensor_ThrowInsteadOfCrashing()
    {
        var s = Tensor.Scalar(1);
        Assert.That(Assert.Throws<InvalidOperationException>(() => s.Narrow(0, 0, 1))!.Message, Does.Contain("Narrow cannot be applied to a 0-dim tensor").And.Contain("shape []"));
        Assert.That(Assert.Throws<InvalidOperationException>(() => s.Slice(0, 0, 1))!.Message, Does.Contain("Slice cannot be applied to a 0-dim tensor").And.Contain("shape []"));
        Assert.That(Assert.Throws<InvalidOperationException>(() => s.Select(0, 0))!.Message, Does.Contain("Select cannot be applied to a 0-dim tensor").And.Contain("shape []"));
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => s.Size(0))!.Message, Does.Contain("Dimension specified as 0 but tensor has no dimensions"));
        Assert.That(Assert.Throws<ArgumentException>(() => Tensor.Cat([s, s]))!.Message, Does.Contain("zero-dimensional tensor (at position 0) cannot be concatenated"));
        Assert.That(Assert.Throws<ArgumentException>(() => Tensor.Cat([]))!.Message, Is.EqualTo("Cat needs at least one tensor to join, but the list is empty"));
    }

    [Test]
    public void AnEmptyView_IsContiguous_WhateverItsStrides()
    {
        var empty = Tensor.Arange(10).Slice(0, 7, 3, 2); // x[7:3:2]: no elements, stride 2
        Assert.That(empty.Numel, Is.EqualTo(0));
        Assert.That(empty.IsContiguous, Is.True, "an empty tensor is contiguous, as in PyTorch");
        Assert.That(empty.AsSpan().Length, Is.EqualTo(0));
        Assert.That(empty.View(0, 5).Shape, Is.EqualTo(new[] { 0, 5 }));
    }

    [Test]
    public void StridedOffsets_WalkRowMajor_AndCanBeWalkedTwice()
    {
        // A transposed 2×3 matrix at offset 1: shape [3, 2], strides [1, 3].
        var offsets = StridedOffsets.Of([3, 2], [1, 3], 1);
        var first = new List<int>();
        foreach (int o in offsets) first.Add(o);
        var second = new List<int>();
        foreach (int o in offsets) second.Add(o);
        Assert.That(first, Is.EqualTo(new[] { 1, 4, 2, 5, 3, 6 }));
        Assert.That(second, Is.EqualTo(first), "enumerating the same walk again starts from the beginning");
    }

    [Test]
    public void StridedOffsets_HandleScalarsEmptyShapesAndStride0()
    {
        static List<int> Walk(int[] shape, int[] strides, int offset)
        {
            var result = new List<int>();
            foreach (int o in StridedOffsets.Of(shape, strides, offset)) result.Add(o);
            return result;
        }
        Assert.That(Walk([], [], 7), Is.EqualTo(new[] { 7 }), "a scalar has one element, at the offset");
        Assert.That(Walk([2, 0, 3], [0, 3, 1], 0), Is.Empty);
        Assert.That(Walk([2, 3], [0, 1], 4), Is.EqualTo(new[] { 4, 5, 6, 4, 5, 6 }));
        Assert.That(Walk([2, 2, 2], [4, 2, 1], 0), Is.EqualTo(Enumerable.Range(0, 8)));
    }

    [Test]
    public void HugeLengthsAndSteps_DoNotOverflowIntoBogusViews()
    {
        var x = Tensor.Arange(10);
        Assert.Throws<ArgumentOutOfRangeException>(() => x.Narrow(0, 1, int.MaxValue), "1 + int.MaxValue must not wrap around and pass the check");
        Assert.That(x.Slice(0, 3, 10, int.MaxValue).ToArray(), Is.EqualTo(new float[] { 3 }), "x[3:10:huge] is just x[3]");
        Assert.That(x.Slice(0, 0, int.MaxValue, 4).ToArray(), Is.EqualTo(new float[] { 0, 4, 8 }));
    }

    [Test]
    public void ArgMax_TreatsNaNAsTheLargest()
    {
        var t = Tensor.FromArray(new float[,] { { 1, float.NaN, 5 }, { float.NaN, 9, 2 } });
        Assert.That(t.ArgMax(1).ToArray(), Is.EqualTo(new float[] { 1, 0 }), "as torch.argmax, consistent with Max giving nan");
    }

    [Test]
    public void WritingIntoAnExpandedView_IsRefused()
    {
        var expanded = Tensor.FromArray(1f, 2f, 3f).Expand(3, 3);
        var error = Assert.Throws<InvalidOperationException>(() => expanded.CopyFrom(Tensor.Zeros(3, 3)),
            "nine elements share three floats: a write would land on each float three times");
        Assert.That(error!.Message, Does.Contain("more than one element of the written-to tensor refers to a single memory location"));
    }
}
