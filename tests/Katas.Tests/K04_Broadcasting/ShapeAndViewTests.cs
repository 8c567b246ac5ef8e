using FsCheck;
using FsCheck.Fluent;
using Foundations;
using Katas.Broadcasting;
using NUnit.Framework;

namespace KataTests.K04_Broadcasting;

[Category("K04")]
public class ShapeAndViewTests
{
    private static Tensor C() => Tensor.FromArray(10f, 20f, 30f);
    private static Tensor M() => Tensor.FromArray(new float[,] { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } });

    [TestCase(new[] { 3, 3 }, new[] { 3 }, new[] { 3, 3 })]
    [TestCase(new[] { 256, 256, 3 }, new[] { 3 }, new[] { 256, 256, 3 })]
    [TestCase(new[] { 8, 1, 6, 1 }, new[] { 7, 1, 5 }, new[] { 8, 7, 6, 5 })]
    [TestCase(new[] { 3, 1 }, new[] { 1, 3 }, new[] { 3, 3 })]
    [TestCase(new int[0], new[] { 2, 3 }, new[] { 2, 3 })]
    [TestCase(new[] { 0 }, new[] { 1 }, new[] { 0 })]
    public void Shape_FollowsTheTrailingDimensionRule(int[] a, int[] b, int[] expected)
    {
        Assert.That(Broadcast.Shape(a, b), Is.EqualTo(expected),
            "align at the last dimension; sizes equal or 1; a missing dimension counts as 1; 1 stretches (even to 0)");
    }

    [Test]
    public void Shape_IncompatibleSizes_ThrowPyTorchsMessage_NamingTheDimension()
    {
        var error = Assert.Throws<ArgumentException>(() => Broadcast.Shape([2], [2, 3]),
            "[2] lines up with the 3 of [2, 3], not with its 2");
        Assert.That(error!.Message, Does.Contain("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1"));
        error = Assert.Throws<ArgumentException>(() => Broadcast.Shape([4, 3], [2, 1]));
        Assert.That(error!.Message, Does.Contain("The size of tensor a (4) must match the size of tensor b (2) at non-singleton dimension 0"));
    }

    [Test]
    public void ExpandAs_RepeatsTheRows_WithStride0_OverTheSameStorageOf3()
    {
        Tensor c = C(), t = Broadcast.ExpandAs(c, M());
        Assert.That(t.Shape, Is.EqualTo(new[] { 3, 3 }));
        Assert.That(t.Strides, Is.EqualTo(new[] { 0, 1 }), "moving down a row does not move in storage: stride 0");
        Assert.That(t.Storage, Is.SameAs(c.Storage), "an expanded view shares the storage (no copy)");
        Assert.That(t.Storage, Has.Length.EqualTo(3), "the chapter's t.storage(): still just 10, 20, 30");
        Assert.That(t.ToArray(), Is.EqualTo(new float[] { 10, 20, 30, 10, 20, 30, 10, 20, 30 }));
        c[1] = -1;
        Assert.That(t[2, 1], Is.EqualTo(-1f), "a write to c is seen in every row of the view");
    }

    [Test]
    public void ExpandedColumn_HasStrides1And0()
    {
        Tensor c = C(), t = Broadcast.ExpandAs(Broadcast.Unsqueeze(c, 1), M());
        Assert.That(t.Strides, Is.EqualTo(new[] { 1, 0 }), "c[:, None] expanded: moving along a row does not move");
        Assert.That(t.Storage, Is.SameAs(c.Storage).And.Length.EqualTo(3));
        Assert.That(t.ToArray(), Is.EqualTo(new float[] { 10, 10, 10, 20, 20, 20, 30, 30, 30 }));
    }

    [Test]
    public void Expand_AddsLeadingDimensions_KeepsMinus1_AndFollowsAnOffset()
    {
        var row = Tensor.Arange(8).View(2, 4).Row(1); // [4, 5, 6, 7] at storage offset 4
        Tensor t = Broadcast.Expand(row, [2, 3, -1]);
        Assert.That(t.Shape, Is.EqualTo(new[] { 2, 3, 4 }), "-1 keeps the size; new dimensions go in front");
        Assert.That(t.Strides, Is.EqualTo(new[] { 0, 0, 1 }), "new leading dimensions have stride 0");
        Assert.That(t.Offset, Is.EqualTo(4), "the view starts where the row starts");
        Assert.That(t[1, 2, 3], Is.EqualTo(7f));
    }

    [Test]
    public void Expand_BadSizes_ThrowPyTorchsMessages()
    {
        var error = Assert.Throws<ArgumentException>(() => Broadcast.Expand(Tensor.Zeros(2), [2, 3]),
            "a dimension of size 2 cannot stretch to 3; only size 1 stretches");
        Assert.That(error!.Message, Does.Contain("The expanded size of the tensor (3) must match the existing size (2) at non-singleton dimension 1"));
        error = Assert.Throws<ArgumentException>(() => Broadcast.Expand(Tensor.Zeros(2, 3), [3]),
            "expand cannot drop dimensions");
        Assert.That(error!.Message, Does.Contain("the number of sizes provided (1) must be greater or equal to the number of dimensions in the tensor (2)"));
    }

    [Test]
    public void Expand_TooFewSizes_NamesTheTensorsShapeAndTheSizes()
    {
        var error = Assert.Throws<ArgumentException>(() => Broadcast.Expand(Tensor.Zeros(2, 3), [3]),
            "expanding shape [2, 3] to [3] would drop a dimension");
        Assert.That(error!.Message, Does.Contain("[2, 3]").And.Contain("[3]"),
            "the message should name the tensor's shape [2, 3] and the sizes asked for, [3]");
    }

    [Test]
    public void Expand_ASizeThatCannotStretch_GivesPyTorchsWholeMessage_WithBothShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => Broadcast.Expand(Tensor.Zeros(2), [2, 3]),
            "a dimension of size 2 cannot stretch to 3");
        Assert.That(error!.Message, Does.Contain(
            "The expanded size of the tensor (3) must match the existing size (2) at non-singleton dimension 1.  Target sizes: [2, 3].  Tensor sizes: [2]"),
            "PyTorch's message names the sizes that clash and then both whole shapes");
    }

    [TestCase(new[] { 1, 3 }, new[] { 0, 3 })]
    [TestCase(new[] { 3 }, new[] { 0, 3 })]
    public void Expand_ToSize0_IsAllowed_LikeAnyOtherSize(int[] from, int[] to)
    {
        // torch.ones(1, 3).expand(0, 3) and torch.ones(3).expand(0, 3) both give an empty 0×3 tensor.
        Tensor t = Broadcast.Expand(Tensor.Ones(from), to);
        Assert.That(t.Shape, Is.EqualTo(to),
            $"expanding {ShapeRules.Format(from)} to {ShapeRules.Format(to)}: a size 1 stretches to 0, and a new leading dimension may be 0");
    }

    [Test]
    public void Expand_Minus1InANewLeadingDimension_Throws_NamingTheDimension()
    {
        // There is no existing size for -1 to keep in front of the tensor's own dimensions.
        var error = Assert.Throws<ArgumentException>(() => Broadcast.Expand(Tensor.Zeros(3), [-1, 3]),
            "[3] expanded to [-1, 3]: the -1 is in a new leading dimension");
        Assert.That(error!.Message, Does.Contain("The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension 0"),
            "PyTorch's message names the size and the dimension");
    }

    [Test]
    public void Unsqueeze_IsNoneIndexing_WithNegativeDims()
    {
        Tensor c = C();
        Assert.That(Broadcast.Unsqueeze(c, 0).Shape, Is.EqualTo(new[] { 1, 3 }), "c[None]");
        Assert.That(Broadcast.Unsqueeze(c, 1).Shape, Is.EqualTo(new[] { 3, 1 }), "c[:, None]");
        Assert.That(Broadcast.Unsqueeze(c, -1).Shape, Is.EqualTo(new[] { 3, 1 }), "c[..., None]: -1 is after the last dimension");
        Assert.That(Broadcast.Unsqueeze(c, -2).Shape, Is.EqualTo(new[] { 1, 3 }), "-2 is before the last dimension");
        Assert.That(Broadcast.Unsqueeze(Tensor.Zeros(2, 5), -2).Shape, Is.EqualTo(new[] { 2, 1, 5 }));
        Tensor column = Broadcast.Unsqueeze(c, 1);
        Assert.That(column.Storage, Is.SameAs(c.Storage), "unsqueeze is a view");
        Assert.That(column[2, 0], Is.EqualTo(30f));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Broadcast.Unsqueeze(c, 2), "a 1-D tensor takes dims -2..1");
        Assert.That(error!.Message, Does.Contain("Dimension out of range (expected to be in range of [-2, 1], but got 2)"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Broadcast.Unsqueeze(c, -3));
    }

    [Test]
    public void ExpandingToAMillionElements_AllocatesAlmostNothing()
    {
        var one = Tensor.FromArray(5f);
        Broadcast.Expand(one, [10, 10]); // warm up: JIT and first-call allocations are not the view's
        long before = GC.GetAllocatedBytesForCurrentThread();
        Tensor big = Broadcast.Expand(one, [1000, 1000]);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(big.Numel, Is.EqualTo(1_000_000));
        Assert.That(big.Storage, Is.SameAs(one.Storage));
        Assert.That(allocated, Is.LessThan(10_000), "a view is a shape, strides and an offset, not 4 MB of copied floats");
    }

    [Support.PropertyTest("The broadcast shape follows the rule (align from the right; in each dimension the size that is not 1 wins) and does not depend on the operands' order.", MaxTest = 60)]
    public Property Shape_FollowsTheRule_AndIsSymmetric() => Prop.ForAll(BroadcastableShapes.Cases(), c =>
    {
        int[] a = c.A, b = c.B;
        int[] result = Broadcast.Shape(a, b);
        Assert.That(result, Is.EqualTo(c.Full), $"Shape({ShapeRules.Format(a)}, {ShapeRules.Format(b)})");
        Assert.That(Broadcast.Shape(b, a), Is.EqualTo(result), $"Shape is symmetric: Shape({ShapeRules.Format(b)}, {ShapeRules.Format(a)})");
        for (int i = 1; i <= result.Length; i++)
        {
            int sizeA = i <= a.Length ? a[^i] : 1, sizeB = i <= b.Length ? b[^i] : 1;
            Assert.That(result[^i], Is.EqualTo(sizeA == 1 ? sizeB : sizeA), $"dimension -{i} of {c}: the size that is not 1 wins");
        }
    });

    [Support.PropertyTest("Expanding a tensor copies nothing: the view shares the storage and reads the same elements as the substrate's Expand.", MaxTest = 60)]
    public Property ExpandedViews_ShareStorage_AndReadTheSourceElement() => Prop.ForAll(BroadcastableShapes.Cases(), c =>
    {
        int[] a = c.A, full = c.Full;
        Tensor t = Tensor.Randn(new Rng((ulong)c.Seed), a);
        Tensor view = Broadcast.Expand(t, full);
        Assert.That(view.Storage, Is.SameAs(t.Storage), $"expanding {ShapeRules.Format(a)} to {ShapeRules.Format(full)} copies nothing (seed {c.Seed})");
        Assert.That(view.Storage, Has.Length.EqualTo(t.Numel), "the storage keeps its size");
        Assert.That(view.ToArray(), Is.EqualTo(t.Expand(full).ToArray()), $"the view reads the same elements as the substrate's Expand (seed {c.Seed})");
    });
}
