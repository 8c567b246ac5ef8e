using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;

namespace Foundations.Tests;

/// <summary>The substrate's fast matrix product, checked against the textbook triple loop.</summary>
[Category("Foundations")]
public class MatmulTests
{
    private static void AssertEqualsLoop(Tensor a, Tensor b, Tensor actual, string what)
    {
        Tensor expected = Tensor.FromArray(Reference.Matmul(a, b));
        Assert.That(actual.Shape, Is.EqualTo(expected.Shape), what);
        Assert.That(actual.Near(expected), Is.True, $"{what}\nexpected {expected}\nactual   {actual}");
    }

    [Test]
    public void A2x2Product_IsExact()
    {
        var a = Tensor.FromArray(new float[,] { { 1, 2 }, { 3, 4 } });
        var b = Tensor.FromArray(new float[,] { { 5, 6 }, { 7, 8 } });
        Assert.That(Tensor.Matmul(a, b).ToArray(), Is.EqualTo(new float[] { 19, 22, 43, 50 }));
        Assert.That(a.Matmul(b).ToArray(), Is.EqualTo(new float[] { 19, 22, 43, 50 }), "the member form is the same product");
    }

    // Shapes around the kernel's 4×16 tile: below it, exact multiples, and ragged edges in every direction.
    [TestCase(1, 1, 1)]
    [TestCase(4, 16, 16)]
    [TestCase(5, 17, 33)]
    [TestCase(3, 31, 17)]
    [TestCase(7, 1, 15)]
    [TestCase(65, 9, 129)]
    [TestCase(5, 784, 10)]
    [TestCase(130, 70, 90)] // above the threshold where rows are split across threads
    public void OddShapes_EqualTheLoop(int n, int k, int m)
    {
        var rng = new Rng((ulong)(n * 10_000 + k * 100 + m));
        Tensor a = Tensor.Randn(rng, n, k), b = Tensor.Randn(rng, k, m);
        AssertEqualsLoop(a, b, Tensor.Matmul(a, b), $"{n}×{k} @ {k}×{m}");
    }

    [FsCheck.NUnit.Property(MaxTest = 50)]
    public Property RandomShapesAndViews_EqualTheLoop() => Prop.ForAll(
        (from n in Gen.Choose(1, 40) from k in Gen.Choose(1, 40) from m in Gen.Choose(1, 40) from seed in Gen.Choose(0, 1_000_000)
         select (n, k, m, seed)).ToArbitrary(), c =>
    {
        var rng = new Rng((ulong)c.seed);
        bool transposeA = rng.NextInt(2) == 0, transposeB = rng.NextInt(2) == 0;
        // A transposed operand is built as the transpose of a stored k×n matrix: a strided view, not a copy.
        Tensor a = transposeA ? Tensor.Randn(rng, c.k, c.n).T() : Tensor.Randn(rng, c.n, c.k);
        Tensor b = transposeB ? Tensor.Randn(rng, c.m, c.k).T() : Tensor.Randn(rng, c.k, c.m);
        if (rng.NextInt(3) == 0) b = Tensor.Randn(rng, c.k + 2, c.m + 1).Narrow(0, 1, c.k).Narrow(1, 1, c.m); // offset and row gaps
        AssertEqualsLoop(a, b, Tensor.Matmul(a, b),
            $"{c.n}×{c.k} @ {c.k}×{c.m}, strides {ShapeRules.Format(a.Strides)} and {ShapeRules.Format(b.Strides)} (seed {c.seed})");
    });

    [Test]
    public void Batched3D_MultipliesEachPair()
    {
        var rng = new Rng(8);
        Tensor a = Tensor.Randn(rng, 3, 5, 7), b = Tensor.Randn(rng, 3, 7, 18);
        var c = Tensor.Matmul(a, b);
        Assert.That(c.Shape, Is.EqualTo(new[] { 3, 5, 18 }));
        for (int i = 0; i < 3; i++) AssertEqualsLoop(a.Select(0, i), b.Select(0, i), c.Select(0, i), $"batch {i}");
    }

    [Test]
    public void Batched3DTimes2D_SharesTheRightOperand()
    {
        var rng = new Rng(9);
        Tensor a = Tensor.Randn(rng, 4, 6, 2).Permute(0, 2, 1), w = Tensor.Randn(rng, 6, 3); // a is a strided [4, 2, 6]
        var c = a.Matmul(w);
        Assert.That(c.Shape, Is.EqualTo(new[] { 4, 2, 3 }));
        for (int i = 0; i < 4; i++) AssertEqualsLoop(a.Select(0, i), w, c.Select(0, i), $"batch {i}");
    }

    [Test]
    public void InnerSizesThatDiffer_ThrowPyTorchsMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.Matmul(Tensor.Zeros(5, 784), Tensor.Zeros(10, 784)));
        Assert.That(error!.Message, Is.EqualTo("mat1 and mat2 shapes cannot be multiplied (5x784 and 10x784)"));
        error = Assert.Throws<ArgumentException>(() => Tensor.Matmul(Tensor.Zeros(2, 5, 4), Tensor.Zeros(2, 3, 4)));
        Assert.That(error!.Message, Does.Contain("(5x4 and 3x4)"));
    }

    [Test]
    public void UnsupportedRanksAndBatches_ThrowNamingTheShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.Matmul(Tensor.Zeros(3), Tensor.Zeros(3, 2)));
        Assert.That(error!.Message, Does.Contain("[3]").And.Contain("[3, 2]"));
        Assert.Throws<ArgumentException>(() => Tensor.Matmul(Tensor.Zeros(2, 3), Tensor.Zeros(2, 3, 4)));
        error = Assert.Throws<ArgumentException>(() => Tensor.Matmul(Tensor.Zeros(2, 3, 4), Tensor.Zeros(5, 4, 1)));
        Assert.That(error!.Message, Does.Contain("a holds 2 (shape [2, 3, 4]) and b holds 5 (shape [5, 4, 1])")
            .And.Contain("give both the same batch size"));
    }

    [Test]
    public void EmptyInnerDimension_GivesZeros()
    {
        var c = Tensor.Matmul(Tensor.Zeros(3, 0), Tensor.Zeros(0, 4));
        Assert.That(c.Shape, Is.EqualTo(new[] { 3, 4 }));
        Assert.That(c.ToArray(), Is.All.EqualTo(0f), "a sum of no terms is 0");
        Assert.That(Tensor.Matmul(Tensor.Zeros(0, 2), Tensor.Zeros(2, 5)).Shape, Is.EqualTo(new[] { 0, 5 }));
    }

    [Test]
    public void AnExpandedOperand_IsReadThroughItsStrides()
    {
        var rows = Tensor.FromArray(1f, 2f, 3f).Expand(4, 3); // stride 0: four identical rows
        var c = rows.Matmul(Tensor.Ones(3, 2));
        Assert.That(c.ToArray(), Is.All.EqualTo(6f));
    }
}
