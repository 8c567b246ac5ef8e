using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;

namespace Foundations.Tests;

/// <summary>Reductions over all elements or along one dim, checked against loops.</summary>
[Category("Foundations")]
public class ReductionTests
{
    private static readonly Tensor Matrix = Tensor.FromArray(new float[,] { { 1, 5, 3 }, { 4, 2, 6 } });

    [Test]
    public void OverAllElements_GiveScalars()
    {
        Assert.That(Matrix.Sum().Rank, Is.EqualTo(0));
        Assert.That(Matrix.Sum().Item(), Is.EqualTo(21f));
        Assert.That(Matrix.Mean().Item(), Is.EqualTo(3.5f));
        Assert.That(Matrix.Max().Item(), Is.EqualTo(6f));
        Assert.That(Matrix.Min().Item(), Is.EqualTo(1f));
        Assert.That(Matrix.T().Sum().Item(), Is.EqualTo(21f), "a view sums the same");
    }

    [Test]
    public void AlongADim_DropOrKeepIt()
    {
        Assert.That(Matrix.Sum(0).ToArray(), Is.EqualTo(new float[] { 5, 7, 9 }));
        Assert.That(Matrix.Sum(1).ToArray(), Is.EqualTo(new float[] { 9, 12 }));
        Assert.That(Matrix.Sum(1, keepDim: true).Shape, Is.EqualTo(new[] { 2, 1 }));
        Assert.That(Matrix.Mean(-1).ToArray(), Is.EqualTo(new float[] { 3, 4 }));
        Assert.That(Matrix.Max(0).ToArray(), Is.EqualTo(new float[] { 4, 5, 6 }));
        Assert.That(Matrix.Min(1, keepDim: true).ToArray(), Is.EqualTo(new float[] { 1, 2 }));
        Assert.That(Matrix.Max(0, keepDim: true).Shape, Is.EqualTo(new[] { 1, 3 }));
    }

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public Property ReductionsAlongADim_EqualLoops() => Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), seed =>
    {
        var rng = new Rng((ulong)seed);
        int[] shape = Reference.RandomShape(rng, maxRank: 4, maxSize: 5);
        Tensor t = Reference.Values(rng, shape);
        if (t.Rank >= 2 && rng.NextInt(2) == 0) t = t.Transpose(0, t.Rank - 1);
        int dim = rng.NextInt(t.Rank);
        bool keepDim = rng.NextInt(2) == 0;
        int usedDim = rng.NextInt(2) == 0 ? dim : dim - t.Rank; // the same dim, counted from the end
        var cases = new (string Name, Tensor Result, Func<List<float>, float> Loop)[]
        {
            ("Sum", t.Sum(usedDim, keepDim), run => (float)run.Sum(v => (double)v)),
            ("Mean", t.Mean(usedDim, keepDim), run => (float)run.Average(v => (double)v)),
            ("Max", t.Max(usedDim, keepDim), run => run.Max()),
            ("Min", t.Min(usedDim, keepDim), run => run.Min()),
            ("ArgMax", t.ArgMax(usedDim, keepDim), run => run.IndexOf(run.Max())),
        };
        foreach (var (name, result, loop) in cases)
        {
            var expected = Reference.ReduceLoop(t, dim, keepDim, loop);
            string what = $"{name}(dim {usedDim}, keepDim {keepDim}) of shape {ShapeRules.Format(t.Shape)} (seed {seed})";
            Assert.That(result.Shape, Is.EqualTo(expected.Shape), what);
            Assert.That(result.ToArray(), Is.EqualTo(expected.ToArray()).Within(1e-6f), what);
        }
    });

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public Property ReductionsAlongADim_OfStridedViews_EqualLoopsInDouble_Exactly() => Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), seed =>
    {
        // Reductions read views where they lie: an offset (Slice from 1), a step of 2, a stride of 0 (Expand), a
        // permutation. The sum must still be the one a loop in double gives, added in index order: to the last bit.
        var rng = new Rng((ulong)seed);
        int[] shape = Reference.RandomShape(rng, maxRank: 3, maxSize: 4);
        Tensor t = StridedView(rng, Reference.Values(rng, [.. shape.Select(s => 2 * s + 1)]), shape);
        int dim = rng.NextInt(t.Rank);
        string what = $"dim {dim} of a view with shape {ShapeRules.Format(t.Shape)}, strides {ShapeRules.Format(t.Strides)}, offset {t.Offset} (seed {seed})";
        var sum = Reference.ReduceLoop(t, dim, keepDim: false, run => (float)run.Aggregate(0.0, (total, v) => total + v));
        var mean = Reference.ReduceLoop(t, dim, keepDim: false, run => (float)(run.Aggregate(0.0, (total, v) => total + v) / run.Count));
        Assert.That(t.Sum(dim).ToArray(), Is.EqualTo(sum.ToArray()), "Sum along " + what);
        Assert.That(t.Mean(dim).ToArray(), Is.EqualTo(mean.ToArray()), "Mean along " + what);
        Assert.That(t.Max(dim).ToArray(), Is.EqualTo(Reference.ReduceLoop(t, dim, false, run => run.Max()).ToArray()), "Max along " + what);
        Assert.That(t.ArgMax(dim).ToArray(), Is.EqualTo(Reference.ReduceLoop(t, dim, false, run => run.IndexOf(run.Max())).ToArray()), "ArgMax along " + what);
    });

    /// <summary>A view of <paramref name="source"/> (each size 2s+1) with the given shape: sliced from index 1 with a
    /// step of 1 or 2, a dim of size 1 expanded to 3 (stride 0) when there is one, and dims permuted at random.</summary>
    private static Tensor StridedView(Rng rng, Tensor source, int[] shape)
    {
        Tensor view = source;
        for (int d = 0; d < shape.Length; d++)
        {
            int step = rng.NextInt(2) + 1;
            view = view.Slice(d, 1, 1 + step * shape[d], step);
        }
        int single = Array.IndexOf(shape, 1);
        if (single >= 0)
        {
            var sizes = (int[])shape.Clone();
            sizes[single] = 3;
            view = view.Expand(sizes);
        }
        int[] order = [.. Enumerable.Range(0, shape.Length).OrderBy(_ => rng.NextInt(1000))];
        return view.Permute(order);
    }

    [Test]
    public void Std_AlongADim_OfAView_IsTwoPassesInDouble()
    {
        // Columns of a transposed, offset view: std of {1, 4}, {5, 2}, {3, 7} (mean first, then squared distances).
        var wide = Tensor.FromArray(new float[,] { { 9, 1, 5, 3 }, { 9, 4, 2, 7 } }).Narrow(1, 1, 3).T();   // 3×2, offset 1
        double[] expected = [.. new[] { (1.0, 4.0), (5.0, 2.0), (3.0, 7.0) }.Select(p =>
        {
            double mean = (p.Item1 + p.Item2) / 2;
            return (double)(float)Math.Sqrt(((p.Item1 - mean) * (p.Item1 - mean) + (p.Item2 - mean) * (p.Item2 - mean)) / 1);
        })];
        Assert.That(wide.Std(1).ToArray(), Is.EqualTo(expected.Select(v => (float)v).ToArray()),
            "std along dim 1 of the view [[1, 4], [5, 2], [3, 7]] (transposed, offset 1)");
        Assert.That(wide.Std(0, keepDim: true).Shape, Is.EqualTo(new[] { 1, 2 }));
    }

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public Property ReductionsOfEverything_EqualLoops() => Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), seed =>
    {
        var rng = new Rng((ulong)seed);
        Tensor t = Reference.Values(rng, Reference.RandomShape(rng));
        float[] v = t.ToArray();
        double mean = v.Average(x => (double)x);
        string what = $"shape {ShapeRules.Format(t.Shape)} (seed {seed})";
        Assert.That(t.Sum().Item(), Is.EqualTo(v.Sum(x => (double)x)).Within(1e-5), what);
        Assert.That(t.Mean().Item(), Is.EqualTo(mean).Within(1e-6), what);
        Assert.That(t.Max().Item(), Is.EqualTo(v.Max()), what);
        Assert.That(t.Min().Item(), Is.EqualTo(v.Min()), what);
        if (v.Length > 1)
            Assert.That(t.Std().Item(), Is.EqualTo(Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1))).Within(1e-5), what);
    });

    [Test]
    public void Std_IsUnbiasedByDefault()
    {
        var x = Tensor.FromArray(2f, 4f, 4f, 4f, 5f, 5f, 7f, 9f); // mean 5, squared deviations sum to 32
        Assert.That(x.Std().Item(), Is.EqualTo(MathF.Sqrt(32f / 7)).Within(1e-6f), "divides by n - 1, like torch.std");
        Assert.That(x.Std(unbiased: false).Item(), Is.EqualTo(2f).Within(1e-6f), "divides by n");
        Assert.That(Matrix.Std(1).ToArray(), Is.EqualTo(new float[] { 2, 2 }).Within(1e-6f));
        Assert.That(Matrix.Std(0, keepDim: true).Shape, Is.EqualTo(new[] { 1, 3 }));
        Assert.That(Tensor.FromArray(3f).Std().Item(), Is.NaN, "the unbiased std of one number is undefined (nan, as in PyTorch)");
    }

    [Test]
    public void ArgMax_GivesTheFirstIndexOnTies()
    {
        var t = Tensor.FromArray(new float[,] { { 1, 7, 7 }, { 9, 0, 9 } });
        Assert.That(t.ArgMax(1).ToArray(), Is.EqualTo(new float[] { 1, 0 }));
        Assert.That(t.ArgMax(0).ToArray(), Is.EqualTo(new float[] { 1, 0, 1 }));
        Assert.That(t.ArgMax(-1, keepDim: true).Shape, Is.EqualTo(new[] { 2, 1 }));
    }

    [Test]
    public void AllAndAny_TestForNonZero()
    {
        Assert.That(Tensor.FromArray(1f, -2f, 0.5f).All(), Is.True);
        Assert.That(Tensor.FromArray(1f, 0f).All(), Is.False);
        Assert.That(Tensor.FromArray(0f, 0f, 3f).Any(), Is.True);
        Assert.That(Tensor.Zeros(4).Any(), Is.False);
        Assert.That(Tensor.Zeros(0).All(), Is.True, "all of nothing is true");
        Assert.That(Tensor.Zeros(0).Any(), Is.False);
        Assert.That((Matrix > 0).All(), Is.True);
    }

    [Test]
    public void Item_NeedsExactlyOneElement()
    {
        Assert.That(Tensor.Full([1, 1], 4).Item(), Is.EqualTo(4f));
        Assert.That(Matrix.Column(2).Narrow(0, 1, 1).Item(), Is.EqualTo(6f), "a one-element view reads its own element");
        var error = Assert.Throws<InvalidOperationException>(() => Matrix.Item());
        Assert.That(error!.Message, Does.Contain("a Tensor with 6 elements cannot be converted to Scalar"));
        Assert.Throws<InvalidOperationException>(() => Tensor.Zeros(0).Item());
    }

    [Test]
    public void EmptyDims_SumToZero_AndHaveNoMaximum()
    {
        var e = Tensor.Zeros(3, 0);
        Assert.That(e.Sum().Item(), Is.EqualTo(0f));
        Assert.That(e.Sum(1).ToArray(), Is.EqualTo(new float[] { 0, 0, 0 }), "summing nothing gives 0");
        Assert.That(e.Sum(0).Shape, Is.EqualTo(new[] { 0 }));
        Assert.That(e.Mean(1).ToArray(), Is.All.NaN, "the mean of nothing is 0/0");
        Assert.That(e.Max(0).Shape, Is.EqualTo(new[] { 0 }), "nothing to reduce: an empty result");
        Assert.That(Assert.Throws<ArgumentException>(() => e.Max(1))!.Message, Is.EqualTo("Max along a dimension of size 0: an empty row has no largest element; pick a dimension that is not empty"));
        Assert.That(Assert.Throws<InvalidOperationException>(() => e.Max())!.Message, Does.Contain("Max of an empty tensor (shape [3, 0], 0 elements) has no value").And.Contain("Max(dim)"));
    }

    [Test]
    public void NaN_WinsMaxAndMin()
    {
        var t = Tensor.FromArray(new float[,] { { float.NaN, 1 }, { 2, 3 } });
        Assert.That(t.Max().Item(), Is.NaN);
        Assert.That(t.Min().Item(), Is.NaN);
        Assert.That(t.Max(1)[0], Is.NaN);
        Assert.That(t.Max(1)[1], Is.EqualTo(3f));
        Assert.That(t.Sum(0)[0], Is.NaN);
    }

    [Test]
    public void Reductions_OfAScalar_AreTheScalar()
    {
        var s = Tensor.Scalar(5);
        Assert.That(s.Sum(0).Item(), Is.EqualTo(5f));
        Assert.That(s.Max(-1).Item(), Is.EqualTo(5f));
        Assert.That(s.Sum(0).Rank, Is.EqualTo(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.Sum(1));
    }

    [Test]
    public void LargeSums_AccumulateInDouble()
    {
        // 17 million ones: a float accumulator stalls at 2²⁴ = 16 777 216; a million 0.1s drift in float.
        Assert.That(Tensor.Ones(17_000_000).Sum().Item(), Is.EqualTo(17_000_000f));
        Assert.That(Tensor.Full([1_000_000], 0.1f).Mean().Item(), Is.EqualTo(0.1f).Within(1e-7f));
    }
}
