using FsCheck;
using FsCheck.Fluent;
using Foundations;
using Katas.Elementwise;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K03_Elementwise;

[Category("K03")]
public class ElementwiseTests
{
    // The chapter's two vectors.
    private static Tensor A() => Tensor.FromArray(10f, 6f, -4f);
    private static Tensor B() => Tensor.FromArray(2f, 8f, 7f);
    /// <summary>The two vectors by name, printed next to expected and actual when a test fails.</summary>
    private static (string, Tensor)[] AB() => [("a", A()), ("b", B())];

    [Test]
    public void Add_ChaptersVectors()
    {
        TensorAssert.Equal(ElementwiseOps.Add(A(), B()), Tensor.FromArray(12f, 14f, 3f), "a + b pairs element n of a with element n of b", AB());
    }

    [Test]
    public void SubMulDiv_ChaptersVectors()
    {
        TensorAssert.Equal(ElementwiseOps.Sub(A(), B()), Tensor.FromArray(8f, -2f, -11f), "a − b, element by element", AB());
        TensorAssert.Equal(ElementwiseOps.Mul(A(), B()), Tensor.FromArray(20f, 48f, -28f), "a · b, element by element (not a dot product)", AB());
        TensorAssert.Near(ElementwiseOps.Div(A(), B()), Tensor.FromArray(5f, 0.75f, -4f / 7f), "a / b, element by element", inputs: AB());
    }

    [Test]
    public void Comparisons_GiveOnesAndZeros()
    {
        TensorAssert.Equal(ElementwiseOps.Lt(A(), B()), Tensor.FromArray(0f, 1f, 1f), "a < b: 10<2 no, 6<8 yes, -4<7 yes", AB());
        TensorAssert.Equal(ElementwiseOps.Gt(A(), B()), Tensor.FromArray(1f, 0f, 0f), "a > b", AB());
        TensorAssert.Equal(ElementwiseOps.Eq(A(), Tensor.FromArray(10f, 0f, -4f)), Tensor.FromArray(1f, 0f, 1f), "a == b");
    }

    [Test]
    public void Ties_AreNeitherGreaterNorLess()
    {
        Tensor a = Tensor.FromArray(1f, 2f, 3f), b = Tensor.FromArray(1f, 3f, 2f); // equal first elements: a tie
        TensorAssert.Equal(ElementwiseOps.Gt(a, b), Tensor.FromArray(0f, 0f, 1f), "a > b is strict: 1 > 1 is false", [("a", a), ("b", b)]);
        TensorAssert.Equal(ElementwiseOps.Lt(a, b), Tensor.FromArray(0f, 1f, 0f), "a < b is strict: 1 < 1 is false", [("a", a), ("b", b)]);
    }

    [Test]
    public void Eq_IsExact_NearlyEqualIsNotEqual()
    {
        float one = 1f, nextAfterOne = MathF.BitIncrement(1f); // 1.0000001, the next float after 1
        Tensor a = Tensor.FromArray(one, 1000f, 0.5f), b = Tensor.FromArray(nextAfterOne, 1000.0001f, 0.5f);
        TensorAssert.Equal(ElementwiseOps.Eq(a, b), Tensor.FromArray(0f, 0f, 1f),
            "Eq is ==, not \"close\": 1 and the next float after it differ, so do 1000 and 1000.0001; 0.5 equals 0.5", [("a", a), ("b", b)]);
    }

    [Test]
    public void Eq_NaN_EqualsNothing_DivByZero_FollowsIeee()
    {
        var nan = Tensor.FromArray(float.NaN, 1f);
        TensorAssert.Equal(ElementwiseOps.Eq(nan, nan), Tensor.FromArray(0f, 1f), "NaN == NaN is false, as in PyTorch");
        var quotient = ElementwiseOps.Div(Tensor.FromArray(1f, -1f, 0f), Tensor.Zeros(3));
        Assert.That(quotient.ToArray(), Is.EqualTo(new[] { float.PositiveInfinity, float.NegativeInfinity, float.NaN }),
            "x/0 is ±∞ and 0/0 is NaN: no exception, the IEEE answer");
    }

    [Test]
    public void Matrices_AreElementwiseToo()
    {
        var m = Tensor.FromArray(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        TensorAssert.Equal(ElementwiseOps.Mul(m, m), Tensor.FromArray(new float[,] { { 1, 4, 9 }, { 16, 25, 36 } }), "m · m squares each element", [("m", m)]);
    }

    [Test]
    public void ColumnViews_AreReadThroughTheirStrides()
    {
        var m = Tensor.FromArray(new float[,] { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } });
        Tensor first = m.Column(0), last = m.Column(2); // strides of 3: not contiguous
        TensorAssert.Equal(ElementwiseOps.Add(first, last), Tensor.FromArray(4f, 10f, 16f),
            "m[:, 0] + m[:, 2]: a column's elements are 3 floats apart in storage; follow the stride");
        TensorAssert.Equal(ElementwiseOps.Mul(m.Row(1), m.Column(1)), Tensor.FromArray(8f, 25f, 48f),
            "a row (contiguous) times a column (strided)");
    }

    [Test]
    public void TransposedAndOffsetViews_AreReadThroughTheirStrides()
    {
        var m = Tensor.Arange(6).View(2, 3);
        TensorAssert.Equal(ElementwiseOps.Sub(m.T(), m.T()), Tensor.Zeros(3, 2), "mᵀ − mᵀ is zero");
        TensorAssert.Equal(ElementwiseOps.Add(m.T(), Tensor.Zeros(3, 2)), Tensor.FromArray(new float[,] { { 0, 3 }, { 1, 4 }, { 2, 5 } }),
            "mᵀ read in row-major order is 0, 3, 1, 4, 2, 5");
        var tail = Tensor.Arange(10).Narrow(0, 7, 3); // starts at storage offset 7
        TensorAssert.Equal(ElementwiseOps.Add(tail, Tensor.Zeros(3)), Tensor.FromArray(7f, 8f, 9f), "a view that starts at an Offset");
    }

    [Test]
    public void Result_IsANewTensor_InputsUnchanged()
    {
        Tensor a = A(), b = B();
        var sum = ElementwiseOps.Add(a, b);
        Assert.That(sum.Storage, Is.Not.SameAs(a.Storage).And.Not.SameAs(b.Storage), "the result has storage of its own");
        Assert.That(a.ToArray(), Is.EqualTo(new float[] { 10, 6, -4 }), "a is not modified");
        Assert.That(b.ToArray(), Is.EqualTo(new float[] { 2, 8, 7 }), "b is not modified");
    }

    [Test]
    public void DifferentSizes_ThrowPyTorchsMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => ElementwiseOps.Add(Tensor.Zeros(3), Tensor.Zeros(2)),
            "a 3-vector and a 2-vector have no pairing of elements");
        Assert.That(error!.Message, Does.Contain("The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0"));
        error = Assert.Throws<ArgumentException>(() => ElementwiseOps.Mul(Tensor.Zeros(2, 3), Tensor.Zeros(2, 4)));
        Assert.That(error!.Message, Does.Contain("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1"));
    }

    [Test]
    public void ALargerSecondOperand_ThrowsPyTorchsMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => ElementwiseOps.Div(Tensor.Zeros(4, 2), Tensor.Zeros(4, 5)),
            "a 4×2 and a 4×5 matrix: b having more elements than a is as wrong as the other way round");
        Assert.That(error!.Message, Does.Contain("The size of tensor a (2) must match the size of tensor b (5) at non-singleton dimension 1"));
    }

    [TestCase(new[] { 2, 3 }, new[] { 4 }, "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1")]
    [TestCase(new[] { 4 }, new[] { 2, 3 }, "The size of tensor a (4) must match the size of tensor b (3) at non-singleton dimension 1")]
    public void SizesThatDiffer_InShapesOfDifferentRanks_NameTheDimensionOfTheLongerShape(int[] shapeA, int[] shapeB, string message)
    {
        // PyTorch counts the dimension in the longer shape: the last dimension of [2, 3] is dimension 1.
        var error = Assert.Throws<ArgumentException>(() => ElementwiseOps.Add(Tensor.Zeros(shapeA), Tensor.Zeros(shapeB)),
            $"{ShapeRules.Format(shapeA)} and {ShapeRules.Format(shapeB)}: their last sizes differ and neither is 1");
        Assert.That(error!.Message, Does.Contain(message), "the dimension is counted in the longer shape, as PyTorch does");
    }

    [TestCase(new[] { 3 }, new[] { 1 })]
    [TestCase(new[] { 2, 3 }, new[] { 3 })]
    [TestCase(new[] { 1, 3 }, new[] { 3, 3 })]
    public void ShapesThatWouldBroadcast_AreStillRefused_NamingBothShapes(int[] shapeA, int[] shapeB)
    {
        var error = Assert.Throws<ArgumentException>(() => ElementwiseOps.Sub(Tensor.Zeros(shapeA), Tensor.Zeros(shapeB)),
            "elementwise ops here take equal shapes only; stretching a dimension of size 1 is broadcasting (K04)");
        Assert.That(error!.Message, Does.Contain(ShapeRules.Format(shapeA)).And.Contain(ShapeRules.Format(shapeB)));
    }

    [TestCase(new[] { 3 }, new[] { 1, 3 })]
    [TestCase(new[] { 1, 3 }, new[] { 3 })]
    [TestCase(new[] { 2, 3 }, new[] { 1, 1, 2, 3 })]
    public void ShapesThatDifferByLeadingOnes_AreRefused_NamingBothShapes(int[] shapeA, int[] shapeB)
    {
        // Same sizes from the right, different ranks: [3] + [1, 3] would broadcast to [1, 3] in PyTorch.
        var error = Assert.Throws<ArgumentException>(() => ElementwiseOps.Add(Tensor.Zeros(shapeA), Tensor.Zeros(shapeB)),
            $"{ShapeRules.Format(shapeA)} and {ShapeRules.Format(shapeB)} are different shapes: a leading 1 is a dimension too, " +
            "and adding one is broadcasting (K04)");
        Assert.That(error!.Message, Does.Contain(ShapeRules.Format(shapeA)).And.Contain(ShapeRules.Format(shapeB)),
            "the message names both shapes");
    }

    [PropertyTest("Every elementwise op gives the substrate's result, also on transposed views.", MaxTest = 40)]
    public Property EveryOp_MatchesTheSubstrate_OnTransposedViews() => Prop.ForAll(TensorGen.MatmulCase(), c =>
    {
        // Random n×m matrices, also read through their transposes (strided views).
        Tensor a = TensorGen.Randn(c.Seed, c.N, c.M), b = TensorGen.Randn(c.Seed + 1, c.N, c.M);
        string idea = $"{c.N}×{c.M} (seed {c.Seed})";
        TensorAssert.Near(ElementwiseOps.Add(a, b), a + b, "Add " + idea);
        TensorAssert.Near(ElementwiseOps.Sub(a.T(), b.T()), (a - b).T().Contiguous(), "Sub on transposed views " + idea);
        TensorAssert.Near(ElementwiseOps.Mul(a.T(), b.T()), (a * b).T().Contiguous(), "Mul on transposed views " + idea);
        TensorAssert.Near(ElementwiseOps.Div(a, b), a / b, "Div " + idea);
        TensorAssert.Equal(ElementwiseOps.Gt(a, b), a > b, "Gt " + idea);
        TensorAssert.Equal(ElementwiseOps.Lt(a.T(), b.T()), (a < b).T().Contiguous(), "Lt on transposed views " + idea);
        TensorAssert.Equal(ElementwiseOps.Eq(a, a), Tensor.Ones(c.N, c.M), "Eq: a tensor equals itself " + idea);
    });

    [PropertyTest("a + b = b + a, a · b = b · a, and a − b = a + (−b).", MaxTest = 40)]
    public Property AddAndMul_Commute_SubIsAddOfTheNegation() => Prop.ForAll(TensorGen.MatmulCase(), c =>
    {
        Tensor a = TensorGen.Randn(c.Seed, c.N, c.K, c.M), b = TensorGen.Randn(c.Seed + 7, c.N, c.K, c.M);
        string idea = $"{c.N}×{c.K}×{c.M} (seed {c.Seed})";
        TensorAssert.Equal(ElementwiseOps.Add(a, b), ElementwiseOps.Add(b, a), "a + b = b + a " + idea);
        TensorAssert.Equal(ElementwiseOps.Mul(a, b), ElementwiseOps.Mul(b, a), "a · b = b · a " + idea);
        TensorAssert.Near(ElementwiseOps.Sub(a, b), ElementwiseOps.Add(a, -b), "a − b = a + (−b) " + idea);
    });
}
