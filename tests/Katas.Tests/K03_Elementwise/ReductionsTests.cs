using FsCheck;
using FsCheck.Fluent;
using Foundations;
using Katas.Elementwise;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K03_Elementwise;

[Category("K03")]
public class ReductionsTests
{
    private static Tensor Matrix1To9() => Tensor.FromArray(new float[,] { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } });

    [Test]
    public void MeanOfAMask_IsTheFractionThatHolds()
    {
        var mask = ElementwiseOps.Lt(Tensor.FromArray(10f, 6f, -4f), Tensor.FromArray(2f, 8f, 7f));
        Tensor mean = Reductions.Mean(mask);
        Assert.That(mean.Rank, Is.EqualTo(0), "a reduction over everything gives a scalar (rank-0) tensor");
        Assert.That(mean.Item(), Is.EqualTo(0.6667f).Within(1e-4f), "the chapter's (a < b).float().mean(): 2 of 3 hold");
        Assert.That(Reductions.Sum(mask).Item(), Is.EqualTo(2f), "summing a mask counts where it holds");
    }

    [Test]
    public void FrobeniusNorm_OfOneToNine()
    {
        Tensor norm = Reductions.FrobeniusNorm(Matrix1To9());
        Assert.That(norm.Rank, Is.EqualTo(0), "the norm is a scalar tensor");
        Assert.That(norm.Item(), Is.EqualTo(16.8819f).Within(1e-4f), "√(1² + 2² + … + 9²) = √285, the chapter's 16.8819");
    }

    [Test]
    public void Item_OfARankZeroResult_IsItsNumber()
    {
        Assert.That(Reductions.Item(Reductions.Sum(Matrix1To9())), Is.EqualTo(45f), "1 + 2 + … + 9");
        Assert.That(Reductions.Item(Tensor.Scalar(-2.5f)), Is.EqualTo(-2.5f), "a rank-0 tensor holds one number");
        Assert.That(Reductions.Item(Tensor.Arange(5).Narrow(0, 3, 1)), Is.EqualTo(3f), "a one-element view: read at its Offset");
        Assert.That(Reductions.Item(Tensor.Full([1, 1], 7f)), Is.EqualTo(7f), "shape [1, 1] holds one number too");
    }

    [Test]
    public void Item_OfSeveralElements_Throws_NamingTheCount()
    {
        var error = Assert.Throws<ArgumentException>(() => Reductions.Item(Tensor.Zeros(3)),
            "only a tensor with exactly one element has an item");
        Assert.That(error!.Message, Does.Contain("a Tensor with 3 elements cannot be converted to Scalar"));
        Assert.Throws<ArgumentException>(() => Reductions.Item(Tensor.Zeros(0)), "an empty tensor has no item either");
    }

    [Test]
    public void All_IsTrueOnlyWhenNothingIsZero()
    {
        Assert.That(Reductions.All(Tensor.FromArray(1f, 1f, 1f)), Is.True, "every element non-zero");
        Assert.That(Reductions.All(Tensor.FromArray(1f, 0f, 1f)), Is.False, "one zero is enough to fail");
        Assert.That(Reductions.All(Tensor.FromArray(-3f, 0.5f)), Is.True, "non-zero, not just 1, counts as true");
        Assert.That(Reductions.All(Tensor.Zeros(0)), Is.True, "nothing to fail: an empty tensor is all true, as in PyTorch");
        var m = Matrix1To9();
        Assert.That(Reductions.All(ElementwiseOps.Eq(m.Column(1), Tensor.FromArray(2f, 5f, 8f))), Is.True, "a column compared as a view");
    }

    [Test]
    public void Reductions_FollowTheStridesOfViews()
    {
        var m = Matrix1To9();
        Assert.That(Reductions.Sum(m.Column(2)).Item(), Is.EqualTo(18f), "3 + 6 + 9: a column steps over whole rows");
        Assert.That(Reductions.Mean(m.T()).Item(), Is.EqualTo(5f), "the mean of a transpose is the mean of the matrix");
        Assert.That(Reductions.Sum(m.Narrow(0, 1, 2)).Item(), Is.EqualTo(39f), "rows 1 and 2 start at storage offset 3");
    }

    [Test]
    public void All_OfAView_LooksOnlyAtTheViewsElements()
    {
        var m = Tensor.FromArray(new float[,] { { 0, 0, 0 }, { 4, 5, 6 }, { 7, 8, 0 } });
        Assert.That(Reductions.All(m.Row(1)), Is.True, "row 1 is [4, 5, 6]: the zeros elsewhere in the storage are not part of it");
        Assert.That(Reductions.All(m.Column(1).Narrow(0, 1, 2)), Is.True, "m[1:, 1] is [5, 8], a strided view at offset 4");
        Assert.That(Reductions.All(m.Column(2).Narrow(0, 1, 2)), Is.False, "m[1:, 2] is [6, 0]: its own zero counts");
    }

    [Test]
    public void Mean_OfAView_DividesByTheViewsCount()
    {
        var m = Matrix1To9();
        Assert.That(Reductions.Mean(m.Column(2)).Item(), Is.EqualTo(6f), "(3 + 6 + 9) / 3: a column has 3 elements, its storage 9");
        Assert.That(Reductions.Mean(m.Narrow(0, 1, 2)).Item(), Is.EqualTo(6.5f), "rows 1 and 2 hold 4…9: 39 / 6");
    }

    [Test]
    public void Sum_KeepsTheSmallTermsOfALongSum()
    {
        // 2²⁴ is where a float stops counting by 1: 16,777,216 + 1 rounds back to 16,777,216.
        var values = new float[1001];
        values[0] = 16_777_216f;
        for (int i = 1; i < values.Length; i++) values[i] = 1f;
        Assert.That(Reductions.Sum(Tensor.FromArray(values)).Item(), Is.EqualTo(16_778_216f),
            "2²⁴ followed by a thousand 1s sums to 16,778,216; a float running total stays at 16,777,216 (accumulate in a double)");
    }

    [Test]
    public void EmptyTensors_SumToZero_AndHaveANaNMean()
    {
        Assert.That(Reductions.Sum(Tensor.Zeros(0, 4)).Item(), Is.EqualTo(0f), "an empty sum is 0");
        Assert.That(Reductions.Mean(Tensor.Zeros(0)).Item(), Is.NaN, "an empty mean is 0/0 (PyTorch gives nan)");
    }

    [PropertyTest("Sum, Mean and FrobeniusNorm equal the substrate's.", MaxTest = 40)]
    public Property SumMeanAndNorm_MatchTheSubstrate() => Prop.ForAll(TensorGen.MatmulCase(), c =>
    {
        Tensor t = TensorGen.Randn(c.Seed, c.N, c.K, c.M).Permute(2, 0, 1); // a strided view
        string idea = $"a permuted {c.N}×{c.K}×{c.M} tensor (seed {c.Seed})";
        Assert.That(Reductions.Sum(t).Item(), Is.EqualTo(t.Sum().Item()).Within(1e-3f), "Sum of " + idea);
        Assert.That(Reductions.Mean(t).Item(), Is.EqualTo(t.Mean().Item()).Within(1e-4f), "Mean of " + idea);
        Assert.That(Reductions.FrobeniusNorm(t).Item(), Is.EqualTo(t.Pow(2).Sum().Sqrt().Item()).Within(1e-3f), "FrobeniusNorm of " + idea);
    });
}
