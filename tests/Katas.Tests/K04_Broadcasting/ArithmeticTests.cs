using FsCheck;
using FsCheck.Fluent;
using Foundations;
using Katas.Broadcasting;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K04_Broadcasting;

[Category("K04")]
public class ArithmeticTests
{
    private static Tensor C() => Tensor.FromArray(10f, 20f, 30f);
    private static Tensor M() => Tensor.FromArray(new float[,] { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } });
    /// <summary>The operands by name, printed next to expected and actual when a test fails.</summary>
    private static (string, Tensor)[] MC() => [("m", M()), ("c", C())];

    [Test]
    public void MatrixPlusVector_AddsTheVectorToEveryRow()
    {
        var expected = Tensor.FromArray(new float[,] { { 11, 22, 33 }, { 14, 25, 36 }, { 17, 28, 39 } });
        TensorAssert.Equal(Broadcast.Add(M(), C()), expected, "m + c: c lines up with m's last dimension, one row at a time", MC());
        TensorAssert.Equal(Broadcast.Add(C(), M()), expected, "c + m is the same", MC());
    }

    [Test]
    public void MatrixPlusColumn_AddsTheVectorToEveryColumn()
    {
        var expected = Tensor.FromArray(new float[,] { { 11, 12, 13 }, { 24, 25, 26 }, { 37, 38, 39 } });
        TensorAssert.Equal(Broadcast.Add(M(), Broadcast.Unsqueeze(C(), 1)), expected, "m + c[:, None]: c as a 3×1 column", MC());
    }

    [Test]
    public void OuterProduct_RowTimesColumn()
    {
        Tensor c = C();
        var expected = Tensor.FromArray(new float[,] { { 100, 200, 300 }, { 200, 400, 600 }, { 300, 600, 900 } });
        TensorAssert.Equal(Broadcast.Mul(Broadcast.Unsqueeze(c, 0), Broadcast.Unsqueeze(c, 1)), expected,
            "c[None] * c[:, None]: 1×3 times 3×1 broadcasts to 3×3, element [i, j] = c[j]·c[i]");
    }

    [Test]
    public void Mask_RowGreaterThanColumn_IsTheUpperTriangle()
    {
        Tensor c = C();
        Tensor mask = Broadcast.Apply(Broadcast.Unsqueeze(c, 0), Broadcast.Unsqueeze(c, 1), static (x, y) => x > y ? 1f : 0f);
        TensorAssert.Equal(mask, Tensor.FromArray(new float[,] { { 0, 1, 1 }, { 0, 0, 1 }, { 0, 0, 0 } }),
            "c[None] > c[:, None]: [i, j] is c[j] > c[i], true above the diagonal");
    }

    [Test]
    public void ScalarsAndRank0_BroadcastToAnything()
    {
        TensorAssert.Equal(Broadcast.Sub(M(), Tensor.Scalar(1f)), Tensor.FromArray(new float[,] { { 0, 1, 2 }, { 3, 4, 5 }, { 6, 7, 8 } }),
            "m − 1: a rank-0 tensor has no dimensions, each counts as 1");
        TensorAssert.Near(Broadcast.Div(Tensor.Scalar(1f), Tensor.FromArray(2f, 4f)), Tensor.FromArray(0.5f, 0.25f), "1 / [2, 4]");
    }

    [Test]
    public void IncompatibleShapes_FailAtDimension1()
    {
        var error = Assert.Throws<ArgumentException>(() => Broadcast.Add(Tensor.FromArray(10f, 20f), Tensor.Zeros(2, 3)),
            "[10, 20] lines up with the 3 columns of a 2×3 matrix, not with its 2 rows");
        Assert.That(error!.Message, Does.Contain("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1"));
    }

    [Test]
    public void Normalize_SubtractsTheMean_DividesByTheStd()
    {
        var x = Tensor.FromArray(new float[,] { { 1, 4, 9 }, { 3, 8, 3 } });
        var mean = Tensor.FromArray(1f, 2f, 3f);
        var std = Tensor.FromArray(2f, 2f, 3f);
        TensorAssert.Near(Broadcast.Normalize(x, mean, std), Tensor.FromArray(new float[,] { { 0, 1, 2 }, { 1, 3, 0 } }),
            "(x − mean) / std, each column with its own statistics", inputs: [("x", x), ("mean", mean), ("std", std)]);
        TensorAssert.Near(Broadcast.Normalize(x, Tensor.Scalar(3f), Tensor.Scalar(2f)), (x - 3f) / 2f, "scalar statistics");
    }

    [Test]
    public void NormalizeChannels_UsesEachChannelsStatistics()
    {
        // The chapter's 64×3×256×256 batch with RGB statistics, shrunk to 4×3×5×6 for a test.
        var batch = Tensor.Randn(new Rng(3), 4, 3, 5, 6) * 2f + 1f;
        var mean = Tensor.FromArray(0.485f, 0.456f, 0.406f);
        var std = Tensor.FromArray(0.229f, 0.224f, 0.225f);
        Tensor result = Broadcast.NormalizeChannels(batch, mean, std);
        var expected = Tensor.Zeros(4, 3, 5, 6);
        for (int n = 0; n < 4; n++)
            for (int ch = 0; ch < 3; ch++)
                for (int h = 0; h < 5; h++)
                    for (int w = 0; w < 6; w++)
                        expected[n, ch, h, w] = (batch[n, ch, h, w] - mean[ch]) / std[ch];
        TensorAssert.Near(result, expected, "channel c uses mean[c] and std[c]: the statistics are reshaped to 3×1×1, not lined up with W");
    }

    [TestCase("mean", new[] { 1 })]
    [TestCase("mean", new[] { 3, 1 })]
    [TestCase("std", new[] { 1 })]
    [TestCase("std", new[] { 4 })]
    [TestCase("std", new[] { 3, 1 })]
    public void NormalizeChannels_EitherStatisticOfTheWrongShape_ThrowsNamingItsShape(string wrong, int[] shape)
    {
        // Some of these would broadcast without complaint ([1]), others fail inside the arithmetic with a message about
        // tensor a and b: only a check of each statistic names what is wrong.
        var batch = Tensor.Zeros(2, 3, 4, 4);
        Tensor mean = wrong == "mean" ? Tensor.Ones(shape) : Tensor.Zeros(3), std = wrong == "std" ? Tensor.Ones(shape) : Tensor.Ones(3);
        var error = Assert.Throws<ArgumentException>(() => Broadcast.NormalizeChannels(batch, mean, std),
            $"{wrong} of shape {ShapeRules.Format(shape)} for a batch of 3 channels: mean and std each need shape [3]");
        Assert.That(error!.Message, Does.Contain(ShapeRules.Format(shape)).And.Contain("[2, 3, 4, 4]"),
            $"the message should name {wrong}'s shape and the batch's");
    }

    [TestCase("mean")]
    [TestCase("std")]
    public void NormalizeChannels_AStatisticOfTheWrongShape_IsNamedInTheMessage(string wrong)
    {
        var batch = Tensor.Zeros(2, 3, 4, 4);
        Tensor mean = wrong == "mean" ? Tensor.Zeros(4) : Tensor.Zeros(3), std = wrong == "std" ? Tensor.Ones(4) : Tensor.Ones(3);
        var error = Assert.Throws<ArgumentException>(() => Broadcast.NormalizeChannels(batch, mean, std),
            $"{wrong} has 4 values for a batch of 3 channels");
        Assert.That(error!.Message, Does.Contain(wrong), $"the message should say which statistic is wrong: {wrong}");
    }

    [TestCase(new[] { 3, 4, 4 }, 4)]
    [TestCase(new[] { 2, 3, 4, 4, 1 }, 3)]
    public void NormalizeChannels_ABatchThatIsNot4D_ThrowsNamingItsShape(int[] batchShape, int statistics)
    {
        // The statistics fit dimension 1 of these shapes, so only the rank check can name the real problem.
        var error = Assert.Throws<ArgumentException>(
            () => Broadcast.NormalizeChannels(Tensor.Zeros(batchShape), Tensor.Zeros(statistics), Tensor.Ones(statistics)),
            $"a batch is N×C×H×W; {ShapeRules.Format(batchShape)} is not");
        Assert.That(error!.Message, Does.Contain(ShapeRules.Format(batchShape)), "the message should name the batch's shape");
    }

    [Test]
    public void Arithmetic_OnViewsThatStartAtAnOffset_ReadsFromTheirOffset()
    {
        Tensor rows = Tensor.Arange(9).View(3, 3).Narrow(0, 1, 2);  // [[3, 4, 5], [6, 7, 8]], offset 3
        Tensor tail = Tensor.Arange(6).Narrow(0, 3, 3);             // [3, 4, 5], offset 3
        TensorAssert.Equal(Broadcast.Sub(rows, tail), Tensor.FromArray(new float[,] { { 0, 0, 0 }, { 3, 3, 3 } }),
            "rows 1–2 of a 3×3 matrix minus the last three of arange(6): both views start at storage offset 3",
            [("rows", rows), ("tail", tail)]);
        Tensor column = Tensor.Arange(9).View(3, 3).Column(2).Narrow(0, 1, 2); // [5, 8], offset 5, stride 3
        TensorAssert.Equal(Broadcast.Mul(Broadcast.Unsqueeze(column, 1), Tensor.FromArray(1f, 10f)),
            Tensor.FromArray(new float[,] { { 5, 50 }, { 8, 80 } }), "a strided column at offset 5, as a 2×1 column, times [1, 10]",
            [("column", column)]);
    }

    [Test]
    public void NormalizeChannels_WrongStatistics_ThrowNamingTheShapes()
    {
        var batch = Tensor.Zeros(2, 3, 4, 4);
        var error = Assert.Throws<ArgumentException>(() => Broadcast.NormalizeChannels(batch, Tensor.Zeros(4), Tensor.Ones(3)),
            "one mean per channel: 3 values for 3 channels");
        Assert.That(error!.Message, Does.Contain("[4]").And.Contain("[2, 3, 4, 4]"));
        Assert.Throws<ArgumentException>(() => Broadcast.NormalizeChannels(Tensor.Zeros(3, 4, 4), Tensor.Zeros(3), Tensor.Ones(3)),
            "a batch is N×C×H×W");
    }

    [PropertyTest("Add, Sub, Mul and Div of two broadcastable shapes give the substrate's result, element by element.", MaxTest = 60)]
    public Property Arithmetic_MatchesTheSubstrate_OnRandomBroadcastableShapes() => Prop.ForAll(BroadcastableShapes.Cases(), c =>
    {
        var rng = new Rng((ulong)c.Seed);
        Tensor a = Tensor.Randn(rng, c.A), b = Tensor.Randn(rng, c.B) + 3f; // + 3 keeps divisors away from 0
        string idea = c.ToString();
        TensorAssert.Near(Broadcast.Add(a, b), a + b, "Add " + idea);
        TensorAssert.Near(Broadcast.Sub(b, a), b - a, "Sub " + idea);
        TensorAssert.Near(Broadcast.Mul(a, b), a * b, "Mul " + idea);
        TensorAssert.Near(Broadcast.Div(a, b), a / b, "Div " + idea);
    });

    [PropertyTest("Broadcast arithmetic on strided views (a transposed matrix plus a strided column) reads each element through the views' strides.", MaxTest = 40)]
    public Property Apply_ReadsViewsThroughTheirStrides() => Prop.ForAll(TensorGen.MatmulCase(), c =>
    {
        // A transposed matrix plus a column of another transposed matrix: both inputs are strided.
        Tensor m = TensorGen.Randn(c.Seed, c.M, c.N).T();          // n×m, strides (1, n)
        Tensor column = Broadcast.Unsqueeze(TensorGen.Randn(c.Seed + 1, c.K, c.N).T().Column(0), 1); // n×1
        TensorAssert.Near(Broadcast.Add(m, column), m + column, $"a transposed {c.N}×{c.M} plus a strided column (seed {c.Seed})");
    });
}
