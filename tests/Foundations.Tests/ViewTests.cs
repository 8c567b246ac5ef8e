using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;

namespace Foundations.Tests;

/// <summary>Views change shape, strides and offset over the SAME storage: writes through one are seen by all.</summary>
[Category("Foundations")]
public class ViewTests
{
    private static Tensor Matrix3x4() => Tensor.Arange(12).View(3, 4); // [[0..3], [4..7], [8..11]]

    [Test]
    public void Row_SharesStorage_AndSeesWrites()
    {
        var m = Matrix3x4();
        var row = m.Row(1);
        Assert.That(row.Shape, Is.EqualTo(new[] { 4 }));
        Assert.That(row.Storage, Is.SameAs(m.Storage), "a row is a view, not a copy");
        Assert.That(row.ToArray(), Is.EqualTo(new float[] { 4, 5, 6, 7 }));
        row[2] = 100;
        Assert.That(m[1, 2], Is.EqualTo(100f), "writing through the row changes the matrix");
        m[1, 0] = -1;
        Assert.That(row[0], Is.EqualTo(-1f), "writing to the matrix is seen through the row");
    }

    [Test]
    public void Column_IsAStridedView_ThatSeesWrites()
    {
        var m = Matrix3x4();
        var column = m.Column(2);
        Assert.That(column.Shape, Is.EqualTo(new[] { 3 }));
        Assert.That(column.Strides, Is.EqualTo(new[] { 4 }), "a column steps over a whole row between elements");
        Assert.That(column.IsContiguous, Is.False);
        Assert.That(column.ToArray(), Is.EqualTo(new float[] { 2, 6, 10 }));
        column[-1] = 42;
        Assert.That(m[2, 2], Is.EqualTo(42f));
        Assert.Throws<InvalidOperationException>(() => Tensor.Arange(3).Column(0));
    }

    [Test]
    public void Select_OnAMiddleDimension_RemovesIt()
    {
        var t = Tensor.Arange(24).View(2, 3, 4);
        var s = t.Select(1, 2); // t[:, 2, :]
        Assert.That(s.Shape, Is.EqualTo(new[] { 2, 4 }));
        Assert.That(s.ToArray(), Is.EqualTo(new float[] { 8, 9, 10, 11, 20, 21, 22, 23 }));
        s[1, 0] = -5;
        Assert.That(t[1, 2, 0], Is.EqualTo(-5f));
        Assert.That(t.Select(-1, -1).ToArray(), Is.EqualTo(new float[] { 3, 7, 11, 15, 19, 23 }), "negative dim and index count from the end");
    }

    [Test]
    public void Narrow_TakesARangeAlongADim_WithoutCopying()
    {
        var m = Matrix3x4();
        var n = m.Narrow(1, 1, 2); // m[:, 1:3]
        Assert.That(n.Shape, Is.EqualTo(new[] { 3, 2 }));
        Assert.That(n.Offset, Is.EqualTo(1));
        Assert.That(n.ToArray(), Is.EqualTo(new float[] { 1, 2, 5, 6, 9, 10 }));
        n[2, 1] = 0;
        Assert.That(m[2, 2], Is.EqualTo(0f));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => m.Narrow(1, 3, 2));
        Assert.That(error!.Message, Does.Contain("start (3) + length (2) exceeds dimension size (4)"));
    }

    [TestCase(0, 10, 1, new float[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    [TestCase(2, 8, 2, new float[] { 2, 4, 6 })]
    [TestCase(-3, 10, 1, new float[] { 7, 8, 9 })]          // x[-3:]
    [TestCase(0, -7, 1, new float[] { 0, 1, 2 })]           // x[:-7]
    [TestCase(-4, -1, 2, new float[] { 6, 8 })]             // x[-4:-1:2]
    [TestCase(-100, 2, 1, new float[] { 0, 1 })]            // start clamps to 0
    [TestCase(8, 100, 1, new float[] { 8, 9 })]             // end clamps to the size
    [TestCase(7, 3, 1, new float[0])]                       // empty when start >= end
    [TestCase(1, 10, 4, new float[] { 1, 5, 9 })]
    public void Slice_FollowsPythonsRules(int start, int end, int step, float[] expected)
    {
        var x = Tensor.Arange(10);
        var s = x.Slice(0, start, end, step);
        Assert.That(s.ToArray(), Is.EqualTo(expected), $"x[{start}:{end}:{step}] on 0..9");
        Assert.That(s.Storage, Is.SameAs(x.Storage));
    }

    [Test]
    public void Slice_WithAStep_SeesWritesAndRejectsBadSteps()
    {
        var m = Matrix3x4();
        var s = m.Slice(1, 0, 4, 2); // m[:, ::2]
        Assert.That(s.Strides, Is.EqualTo(new[] { 4, 2 }));
        s[1, 1] = -9;
        Assert.That(m[1, 2], Is.EqualTo(-9f));
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Slice(0, 0, 3, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Slice(0, 0, 3, -1));
    }

    [Test]
    public void TAndTranspose_SwapStrides_AndShareStorage()
    {
        var m = Matrix3x4();
        var t = m.T();
        Assert.That(t.Shape, Is.EqualTo(new[] { 4, 3 }));
        Assert.That(t.Strides, Is.EqualTo(new[] { 1, 4 }));
        Assert.That(t.IsContiguous, Is.False);
        Assert.That(t[3, 1], Is.EqualTo(m[1, 3]));
        t[0, 2] = 77;
        Assert.That(m[2, 0], Is.EqualTo(77f));
        Assert.That(m.Transpose(-1, 0).ToArray(), Is.EqualTo(t.ToArray()));
        Assert.That(Tensor.Arange(3).T().Shape, Is.EqualTo(new[] { 3 }), "the transpose of a vector is the vector");
        Assert.Throws<InvalidOperationException>(() => Tensor.Zeros(2, 2, 2).T());
    }

    [Test]
    public void Permute_ReordersDimensions()
    {
        var t = Tensor.Arange(24).View(2, 3, 4);
        var p = t.Permute(2, 0, 1);
        Assert.That(p.Shape, Is.EqualTo(new[] { 4, 2, 3 }));
        Assert.That(p.Strides, Is.EqualTo(new[] { 1, 12, 4 }));
        Assert.That(p[3, 1, 2], Is.EqualTo(t[1, 2, 3]));
        p[0, 0, 0] = 50;
        Assert.That(t[0, 0, 0], Is.EqualTo(50f));
        Assert.That(Assert.Throws<ArgumentException>(() => t.Permute(0, 0, 1))!.Message, Does.Contain("the order [0, 0, 1] has a duplicate: dimension 0 appears twice"));
        Assert.That(Assert.Throws<ArgumentException>(() => t.Permute(0, 1))!.Message, Does.Contain("shape [2, 3, 4] (3 dimensions) but the order [0, 1] has 2").And.Contain("[2, 1, 0]"));
    }

    [TestCase(0, new[] { 1, 2, 3 })]
    [TestCase(1, new[] { 2, 1, 3 })]
    [TestCase(2, new[] { 2, 3, 1 })]
    [TestCase(-1, new[] { 2, 3, 1 })]
    [TestCase(-3, new[] { 1, 2, 3 })]
    public void Unsqueeze_InsertsASize1Dim(int dim, int[] expected)
    {
        var m = Tensor.Arange(6).View(2, 3);
        var u = m.Unsqueeze(dim);
        Assert.That(u.Shape, Is.EqualTo(expected));
        Assert.That(u.IsContiguous, Is.True);
        Assert.That(u.Storage, Is.SameAs(m.Storage));
        Assert.That(u.ToArray(), Is.EqualTo(m.ToArray()));
        var index = new List<int> { 1, 2 }; // m[1, 2], with index 0 in the new dim
        index.Insert(Array.IndexOf(expected, 1), 0);
        u[[.. index]] = -7;
        Assert.That(m[1, 2], Is.EqualTo(-7f), "a write through the unsqueezed view lands in the original");
    }

    [Test]
    public void Unsqueeze_OutsideTheRange_NamesTheRange()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros(2, 3).Unsqueeze(3));
        Assert.That(error!.Message, Does.Contain("Dimension out of range (expected to be in range of [-3, 2], but got 3)"));
    }

    [Test]
    public void Squeeze_RemovesSize1Dims_AndLeavesOthers()
    {
        var t = Tensor.Arange(6).View(1, 2, 1, 3);
        Assert.That(t.Squeeze(0).Shape, Is.EqualTo(new[] { 2, 1, 3 }));
        Assert.That(t.Squeeze(-2).Shape, Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(t.Squeeze(1).Shape, Is.EqualTo(new[] { 1, 2, 1, 3 }), "a dim whose size is not 1 stays, as in PyTorch");
        Assert.That(t.Squeeze().Shape, Is.EqualTo(new[] { 2, 3 }));
        Assert.That(Tensor.Zeros(1, 1).Squeeze().Rank, Is.EqualTo(0));
        var squeezed = t.Squeeze();
        Assert.That(squeezed.Storage, Is.SameAs(t.Storage));
        squeezed[1, 1] = 40;
        Assert.That(t[0, 1, 0, 1], Is.EqualTo(40f), "a write through the squeezed view lands in the original");
    }

    [Test]
    public void Expand_UsesStride0_SoA3x3ViewOfA3VectorStoresThreeFloats()
    {
        var c = Tensor.FromArray(10f, 20f, 30f);
        var e = c.Expand(3, 3);
        Assert.That(e.Shape, Is.EqualTo(new[] { 3, 3 }));
        Assert.That(e.Strides, Is.EqualTo(new[] { 0, 1 }), "the new leading dim steps by 0: every row reads the same 3 floats");
        Assert.That(e.Storage, Has.Length.EqualTo(3));
        Assert.That(e.ToArray(), Is.EqualTo(new float[] { 10, 20, 30, 10, 20, 30, 10, 20, 30 }));
        c[1] = -1;
        Assert.That(e.Column(1).ToArray(), Is.EqualTo(new float[] { -1, -1, -1 }), "a write to the vector shows in every row");

        var column = c.Unsqueeze(1).Expand(3, 4); // c[:, None] stretched along the columns
        Assert.That(column.Strides, Is.EqualTo(new[] { 1, 0 }));
        Assert.That(column.Row(2).ToArray(), Is.EqualTo(new float[] { 30, 30, 30, 30 }));
        Assert.That(c.Unsqueeze(0).Expand(-1, 3).Shape, Is.EqualTo(new[] { 1, 3 }), "-1 keeps a dimension's size");
    }

    [Test]
    public void Expand_ANonSingletonDim_ThrowsPyTorchsMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.Zeros(3).Expand(2, 4));
        Assert.That(error!.Message, Does.Contain("The expanded size of the tensor (4) must match the existing size (3) at non-singleton dimension 1"));
        error = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3).Expand(3));
        Assert.That(error!.Message, Does.Contain("the number of sizes provided (1) must be greater or equal to the number of dimensions in the tensor (2)")
            .And.Contain("shape [2, 3]").And.Contain("sizes were [3]").And.Not.Contain("torch."));
    }

    [Test]
    public void ExpandAs_TakesTheOtherTensorsShape()
    {
        var row = Tensor.FromArray(new float[,] { { 1, 2 } });
        var e = row.ExpandAs(Tensor.Zeros(4, 2));
        Assert.That(e.Shape, Is.EqualTo(new[] { 4, 2 }));
        Assert.That(e.Storage, Has.Length.EqualTo(2));
        Assert.That(e.Sum().Item(), Is.EqualTo(12f));
    }

    [Test]
    public void View_SharesStorage_AndInfersMinusOne()
    {
        var a = Tensor.Arange(12);
        var v = a.View(3, -1);
        Assert.That(v.Shape, Is.EqualTo(new[] { 3, 4 }));
        Assert.That(v.Storage, Is.SameAs(a.Storage));
        v[2, 3] = 0;
        Assert.That(a[11], Is.EqualTo(0f));
        Assert.That(a.View(-1, 2, 2).Shape, Is.EqualTo(new[] { 3, 2, 2 }));
        Assert.That(a.Flatten().Storage, Is.SameAs(a.Storage));
    }

    [Test]
    public void View_WithTheWrongNumberOfElements_ThrowsPyTorchsMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3).View(4, 2));
        Assert.That(error!.Message, Does.Contain("shape '[4, 2]' is invalid for input of size 6"));
        Assert.That(Assert.Throws<ArgumentException>(() => Tensor.Zeros(6).View(-1, 4))!.Message, Does.Contain("invalid for input of size 6"));
        Assert.That(Assert.Throws<ArgumentException>(() => Tensor.Zeros(6).View(-1, -1))!.Message, Does.Contain("only one dimension can be inferred"));
        Assert.That(Assert.Throws<ArgumentException>(() => Tensor.Zeros(6).Reshape(7))!.Message, Does.Contain("shape '[7]' is invalid for input of size 6"));
        Assert.Throws<ArgumentException>(() => Tensor.Zeros(6).View(-2, -3));
    }

    [Test]
    public void View_OfANonContiguousTensor_Throws_ButReshapeCopies()
    {
        var t = Tensor.Arange(6).View(2, 3).T();
        var error = Assert.Throws<InvalidOperationException>(() => t.View(6));
        Assert.That(error!.Message, Does.Contain("Use .Reshape(...) instead").And.Contain("shape [3, 2] with strides [1, 3]").And.Contain("as [6]"));
        var r = t.Reshape(6);
        Assert.That(r.ToArray(), Is.EqualTo(new float[] { 0, 3, 1, 4, 2, 5 }), "reshape reads in the view's row-major order");
        Assert.That(r.Storage, Is.Not.SameAs(t.Storage));
    }

    [Test]
    public void ContiguousAndClone_CopyOnlyWhenTheyMust()
    {
        var m = Matrix3x4();
        Assert.That(m.Contiguous(), Is.SameAs(m), "a contiguous tensor is returned as is");
        var t = m.T();
        var c = t.Contiguous();
        Assert.That(c.IsContiguous, Is.True);
        Assert.That(c.Strides, Is.EqualTo(new[] { 3, 1 }));
        Assert.That(c.ToArray(), Is.EqualTo(t.ToArray()));
        var clone = m.Clone();
        clone[0, 0] = 99;
        Assert.That(m[0, 0], Is.EqualTo(0f), "a clone has its own storage");
        Assert.That(m.Narrow(0, 1, 1).Clone().Storage, Has.Length.EqualTo(4), "a clone stores only its own elements");
    }

    [Test]
    public void IsContiguous_DependsOnStridesNotOnStorage()
    {
        var m = Matrix3x4();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(m.IsContiguous, Is.True);
            Assert.That(m.Row(1).IsContiguous, Is.True, "a row of a row-major matrix");
            Assert.That(m.Narrow(0, 1, 2).IsContiguous, Is.True, "whole rows at an offset");
            Assert.That(m.Narrow(1, 1, 2).IsContiguous, Is.False, "part of each row leaves gaps");
            Assert.That(m.Column(0).IsContiguous, Is.False);
            Assert.That(Tensor.FromArray(1f, 2f).Expand(2, 2).IsContiguous, Is.False, "stride 0");
            Assert.That(m.Column(0).Unsqueeze(1).Narrow(0, 1, 1).IsContiguous, Is.True, "a single element");
            Assert.That(Tensor.Zeros(0, 3).IsContiguous, Is.True);
        }
    }

    [Test]
    public void Indexers_AcceptNegativeIndices_AndNameTheBadOne()
    {
        var t = Tensor.Arange(24).View(2, 3, 4);
        Assert.That(t[-1, -1, -1], Is.EqualTo(23f));
        Assert.That(t[new[] { 1, 0, 2 }], Is.EqualTo(14f));
        Assert.That(t.Row(0)[-3, 1], Is.EqualTo(1f));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ = t[0, 3, 0]);
        Assert.That(error!.Message, Does.Contain("index 3 is out of bounds for dimension 1 with size 3"));
        error = Assert.Throws<ArgumentOutOfRangeException>(() => _ = Tensor.Arange(5)[-6]);
        Assert.That(error!.Message, Does.Contain("index -6 is out of bounds for dimension 0 with size 5"));
        error = Assert.Throws<ArgumentOutOfRangeException>(() => t.Select(2, 4));
        Assert.That(error!.Message, Does.Contain("index 4 is out of bounds for dimension 2 with size 4"));
        Assert.That(Assert.Throws<ArgumentException>(() => _ = t[0, 0])!.Message, Does.Contain("got 2 indices for shape [2, 3, 4]"));
    }

    [TestCase(2)]
    [TestCase(-3)]
    public void ABadDim_NamesTheValidRange(int dim)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros(2, 3).Sum(dim));
        Assert.That(error!.Message, Does.Contain($"Dimension out of range (expected to be in range of [-2, 1], but got {dim})"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros(2, 3).Transpose(0, dim));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros(2, 3).Size(dim));
    }

    [Test]
    public void CopyFrom_BroadcastsIntoAView_InPlace()
    {
        var m = Tensor.Zeros(3, 4);
        m.Column(1).CopyFrom(Tensor.FromArray(1f, 2f, 3f));
        m.Narrow(1, 2, 2).CopyFrom(Tensor.Scalar(7));
        Assert.That(m.ToArray(), Is.EqualTo(new float[] { 0, 1, 7, 7, 0, 2, 7, 7, 0, 3, 7, 7 }));
        var v = Tensor.Arange(4);
        v.CopyFrom(v.Slice(0, 0, 4).Flatten().Map(x => 3 - x)); // a source computed from the destination
        Assert.That(v.ToArray(), Is.EqualTo(new float[] { 3, 2, 1, 0 }));
    }

    [Test]
    public void CatAndIndexSelect_Copy()
    {
        var a = Tensor.Arange(4).View(2, 2);
        var b = Tensor.Full([1, 2], 9);
        Assert.That(Tensor.Cat([a, b]).ToArray(), Is.EqualTo(new float[] { 0, 1, 2, 3, 9, 9 }));
        Assert.That(Tensor.Cat([a, a], 1).Shape, Is.EqualTo(new[] { 2, 4 }));
        var error = Assert.Throws<ArgumentException>(() => Tensor.Cat([a, b], 1));
        Assert.That(error!.Message, Does.Contain("Sizes of tensors must match except in dimension 1"));
        var picked = Tensor.Arange(12).View(4, 3).IndexSelect(0, [3, 0, -1]);
        Assert.That(picked.ToArray(), Is.EqualTo(new float[] { 9, 10, 11, 0, 1, 2, 9, 10, 11 }));
    }

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public Property APermutedView_ReadsWhatTheIndexMappingSays() => Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), seed =>
    {
        var rng = new Rng((ulong)seed);
        int[] shape = Reference.RandomShape(rng, maxRank: 4, maxSize: 4);
        var t = Tensor.Randn(rng, shape);
        int[] order = rng.Permutation(shape.Length);
        var p = t.Permute(order);
        float[] flat = p.Contiguous().ToArray();
        int i = 0;
        foreach (int[] index in Reference.Indices(p.Shape))
        {
            var original = new int[shape.Length];
            for (int d = 0; d < order.Length; d++) original[order[d]] = index[d];
            Assert.That(flat[i++], Is.EqualTo(t[original]), $"permute {ShapeRules.Format(order)} of {ShapeRules.Format(shape)}, seed {seed}");
        }
    });

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public Property SlicedAndTransposedViews_CopyOutTheRightElements() => Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), seed =>
    {
        // ToArray/Contiguous walk a strided view with an odometer; compare with reading each element by hand.
        var rng = new Rng((ulong)seed);
        int[] shape = Reference.RandomShape(rng, maxRank: 3, maxSize: 6);
        Tensor t = Tensor.Randn(rng, shape);
        int dim = rng.NextInt(shape.Length);
        t = t.Slice(dim, rng.NextInt(7) - 3, rng.NextInt(9) - 2, 1 + rng.NextInt(3));
        if (t.Rank >= 2) t = t.Transpose(0, t.Rank - 1);
        float[] expected = Reference.Indices(t.Shape).Select(index => Reference.At(t, index)).ToArray();
        Assert.That(t.ToArray(), Is.EqualTo(expected), $"view of shape {ShapeRules.Format(t.Shape)}, strides {ShapeRules.Format(t.Strides)}, seed {seed}");
        Assert.That(t.Contiguous().ToArray(), Is.EqualTo(expected));
    });
}
