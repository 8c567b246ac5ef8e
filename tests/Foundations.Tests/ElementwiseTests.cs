using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;

namespace Foundations.Tests;

/// <summary>Broadcasting arithmetic, comparisons and unary maths, checked against loops.</summary>
[Category("Foundations")]
public class ElementwiseTests
{
    private static Arbitrary<int> Seeds => Gen.Choose(0, 1_000_000).ToArbitrary();

    [TestCase(new[] { 3 }, new[] { 3 }, new[] { 3 })]
    [TestCase(new[] { 3, 1 }, new[] { 4 }, new[] { 3, 4 })]
    [TestCase(new[] { 2, 1, 5 }, new[] { 3, 1 }, new[] { 2, 3, 5 })]
    [TestCase(new int[0], new[] { 2, 2 }, new[] { 2, 2 })]
    [TestCase(new[] { 1 }, new[] { 0 }, new[] { 0 })]
    public void BroadcastShape_FollowsTheRule(int[] a, int[] b, int[] expected)
    {
        Assert.That(ShapeRules.Broadcast(a, b), Is.EqualTo(expected));
        Assert.That((Tensor.Zeros(a) + Tensor.Zeros(b)).Shape, Is.EqualTo(expected));
    }

    [Test]
    public void MismatchedSizes_ThrowPyTorchsMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => _ = Tensor.Zeros(3) + Tensor.Zeros(2));
        Assert.That(error!.Message, Is.EqualTo("The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0"));
        error = Assert.Throws<ArgumentException>(() => _ = Tensor.Zeros(2, 3) * Tensor.Zeros(4, 1, 2));
        Assert.That(error!.Message, Does.Contain("The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 2"));
    }

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public Property BroadcastShape_IsSymmetric_AndEachSizeComesFromAnOperand() => Prop.ForAll(Seeds, seed =>
    {
        var (a, b) = Reference.BroadcastablePair(new Rng((ulong)seed));
        int[] ab = ShapeRules.Broadcast(a, b), ba = ShapeRules.Broadcast(b, a);
        string where = $"{ShapeRules.Format(a)} with {ShapeRules.Format(b)} (seed {seed})";
        Assert.That(ab, Is.EqualTo(ba), $"broadcasting is symmetric: {where}");
        Assert.That(ab, Has.Length.EqualTo(Math.Max(a.Length, b.Length)), where);
        for (int i = 1; i <= ab.Length; i++)
        {
            int sa = i <= a.Length ? a[^i] : 1, sb = i <= b.Length ? b[^i] : 1;
            Assert.That(ab[^i], Is.EqualTo(Math.Max(sa, sb)), $"dim -{i}: sizes {sa} and {sb}; {where}");
        }
    });

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public Property BroadcastArithmetic_EqualsALoop() => Prop.ForAll(Seeds, seed =>
    {
        var rng = new Rng((ulong)seed);
        var (sa, sb) = Reference.BroadcastablePair(rng);
        Tensor a = Tensor.Randn(rng, sa), b = Tensor.Randn(rng, sb);
        if (a.Rank >= 2 && rng.NextInt(2) == 0) a = a.Transpose(0, 1).Contiguous().Transpose(0, 1); // same values, strided
        var results = new (string Op, Tensor Result, Func<float, float, float> F)[]
        {
            ("+", a + b, (x, y) => x + y), ("-", a - b, (x, y) => x - y), ("*", a * b, (x, y) => x * y),
            ("/", a / b, (x, y) => x / y), ("max", Tensor.Maximum(a, b), MathF.Max), ("min", Tensor.Minimum(a, b), MathF.Min),
            (">", a > b, (x, y) => x > y ? 1 : 0), ("<=", a <= b, (x, y) => x <= y ? 1 : 0),
        };
        int[] shape = ShapeRules.Broadcast(sa, sb);
        foreach (var (op, result, f) in results)
        {
            Assert.That(result.Shape, Is.EqualTo(shape), $"{op}: {ShapeRules.Format(sa)} with {ShapeRules.Format(sb)} (seed {seed})");
            foreach (int[] index in Reference.Indices(shape))
                Assert.That(result[index], Is.EqualTo(f(Reference.Broadcasted(a, index), Reference.Broadcasted(b, index))),
                    $"{op} at {ShapeRules.Format(index)}: {ShapeRules.Format(sa)} with {ShapeRules.Format(sb)} (seed {seed})");
        }
    });

    [Test]
    public void LongRows_TakeTheVectorPath_AndStillBroadcast()
    {
        // 37 columns: several SIMD vectors plus a scalar tail, with a row (stride 1) and a column (stride 0).
        var rng = new Rng(21);
        Tensor m = Tensor.Randn(rng, 5, 37), row = Tensor.Randn(rng, 37), column = Tensor.Randn(rng, 5, 1);
        var sum = m + row - column;
        foreach (int[] i in Reference.Indices(sum.Shape))
            Assert.That(sum[i], Is.EqualTo(m[i] + row[i[1]] - column[i[0], 0]));
    }

    [Test]
    public void ScalarOperands_ApplyToEveryElement()
    {
        var x = Tensor.FromArray(1f, 2f, 4f);
        Assert.That((x + 1).ToArray(), Is.EqualTo(new float[] { 2, 3, 5 }));
        Assert.That((1 - x).ToArray(), Is.EqualTo(new float[] { 0, -1, -3 }));
        Assert.That((x * 3).ToArray(), Is.EqualTo(new float[] { 3, 6, 12 }));
        Assert.That((2 * x).ToArray(), Is.EqualTo(new float[] { 2, 4, 8 }));
        Assert.That((x / 2).ToArray(), Is.EqualTo(new float[] { 0.5f, 1, 2 }));
        Assert.That((8 / x).ToArray(), Is.EqualTo(new float[] { 8, 4, 2 }));
        Assert.That((x - 1).ToArray(), Is.EqualTo(new float[] { 0, 1, 3 }));
        Assert.That((-x).ToArray(), Is.EqualTo(new float[] { -1, -2, -4 }));
        Assert.That((Tensor.Scalar(2) * Tensor.Scalar(3)).Rank, Is.EqualTo(0), "scalar op scalar is a scalar");
        Assert.That((x + Tensor.Scalar(1)).Shape, Is.EqualTo(new[] { 3 }));
    }

    [Test]
    public void Comparisons_GiveZerosAndOnes()
    {
        var x = Tensor.FromArray(1f, 2f, 3f);
        var y = Tensor.FromArray(3f, 2f, 1f);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((x > y).ToArray(), Is.EqualTo(new float[] { 0, 0, 1 }));
            Assert.That((x < y).ToArray(), Is.EqualTo(new float[] { 1, 0, 0 }));
            Assert.That((x >= y).ToArray(), Is.EqualTo(new float[] { 0, 1, 1 }));
            Assert.That((x <= y).ToArray(), Is.EqualTo(new float[] { 1, 1, 0 }));
            Assert.That(x.Gt(y).ToArray(), Is.EqualTo(new float[] { 0, 0, 1 }));
            Assert.That(x.Lt(y).ToArray(), Is.EqualTo(new float[] { 1, 0, 0 }));
            Assert.That(x.Ge(y).ToArray(), Is.EqualTo(new float[] { 0, 1, 1 }));
            Assert.That(x.Le(y).ToArray(), Is.EqualTo(new float[] { 1, 1, 0 }));
            Assert.That(x.Eq(y).ToArray(), Is.EqualTo(new float[] { 0, 1, 0 }));
            Assert.That(x.Ne(y).ToArray(), Is.EqualTo(new float[] { 1, 0, 1 }));
            Assert.That((x > 1.5f).ToArray(), Is.EqualTo(new float[] { 0, 1, 1 }));
            Assert.That((x <= 2).ToArray(), Is.EqualTo(new float[] { 1, 1, 0 }));
            Assert.That((x >= 3).ToArray(), Is.EqualTo(new float[] { 0, 0, 1 }));
            Assert.That((x < 1).ToArray(), Is.EqualTo(new float[] { 0, 0, 0 }));
        }
    }

    [Test]
    public void NaN_ComparesFalse_AndPropagatesThroughMaximum()
    {
        var nan = Tensor.Full([20], float.NaN); // long enough for the SIMD path
        var one = Tensor.Ones(20);
        Assert.That((nan > one).Any(), Is.False);
        Assert.That(nan.Eq(nan).Any(), Is.False, "NaN is not equal to itself");
        Assert.That(nan.Ne(nan).All(), Is.True);
        Assert.That(Tensor.Maximum(nan, one).ToArray(), Is.All.NaN, "maximum propagates NaN, as in PyTorch");
        Assert.That(Tensor.Minimum(one, nan).ToArray(), Is.All.NaN);
        Assert.That(Tensor.FromArray(float.NaN, -1f).ClampMin(0)[0], Is.NaN);
    }

    [Test]
    public void ClampMin_IsReLUAtZero()
    {
        var x = Tensor.FromArray(-2f, -0.5f, 0f, 0.5f, 3f);
        Assert.That(x.ClampMin(0).ToArray(), Is.EqualTo(new float[] { 0, 0, 0, 0.5f, 3 }));
        Assert.That(x.ClampMin(1).ToArray(), Is.EqualTo(new float[] { 1, 1, 1, 1, 3 }));
    }

    [FsCheck.NUnit.Property(MaxTest = 30)]
    public Property UnaryOps_MatchMathOnEveryElement_OfAView() => Prop.ForAll(Seeds, seed =>
    {
        var rng = new Rng((ulong)seed);
        int[] shape = Reference.RandomShape(rng, maxRank: 3, maxSize: 7);
        Tensor x = Tensor.Randn(rng, shape);
        if (x.Rank >= 2) x = x.Transpose(0, x.Rank - 1); // the ops must read views in row-major order
        Tensor positive = x.Abs() + 0.1f;
        var cases = new (string Name, Tensor Input, Tensor Result, Func<float, double> F)[]
        {
            ("Exp", x, x.Exp(), v => Math.Exp(v)), ("Abs", x, x.Abs(), v => Math.Abs(v)), ("neg", x, -x, v => -v),
            ("Log", positive, positive.Log(), v => Math.Log(v)), ("Sqrt", positive, positive.Sqrt(), v => Math.Sqrt(v)),
            ("Pow(2)", x, x.Pow(2), v => (double)v * v), ("Pow(3)", x, x.Pow(3), v => Math.Pow(v, 3)),
            ("Pow(0.5)", positive, positive.Pow(0.5f), v => Math.Sqrt(v)), ("Map", x, x.Map(v => 2 * v + 1), v => 2 * v + 1),
        };
        foreach (var (name, input, result, f) in cases)
        {
            Assert.That(result.Shape, Is.EqualTo(input.Shape), name);
            Assert.That(result.IsContiguous, Is.True, $"{name} returns a fresh contiguous tensor");
            foreach (int[] i in Reference.Indices(input.Shape))
                Assert.That(result[i], Is.EqualTo(f(input[i])).Within(1e-4).Percent.Or.EqualTo(f(input[i])).Within(1e-6),
                    $"{name}({input[i]}) at {ShapeRules.Format(i)} (seed {seed})");
        }
    });

    [Test]
    public void UnaryOps_FollowIEEEAtTheEdges()
    {
        var x = Tensor.FromArray(-1f, 0f, float.PositiveInfinity);
        Assert.That(x.Log().ToArray(), Is.EqualTo(new[] { float.NaN, float.NegativeInfinity, float.PositiveInfinity }));
        Assert.That(x.Sqrt()[0], Is.NaN);
        Assert.That(x.Exp().ToArray(), Is.EqualTo(new[] { MathF.Exp(-1), 1f, float.PositiveInfinity }).Within(1e-6f));
    }

    [Test]
    public void AddInPlace_IsTheSGDStep_AndWritesThroughViews()
    {
        var p = Tensor.FromArray(new float[,] { { 1, 2 }, { 3, 4 } });
        var storage = p.Storage;
        p.AddInPlace(Tensor.Ones(2, 2), -0.5f);
        Assert.That(p.ToArray(), Is.EqualTo(new float[] { 0.5f, 1.5f, 2.5f, 3.5f }));
        Assert.That(p.Storage, Is.SameAs(storage), "in place: the same storage");
        p.Column(0).AddInPlace(Tensor.FromArray(10f, 20f));
        Assert.That(p.ToArray(), Is.EqualTo(new float[] { 10.5f, 1.5f, 22.5f, 3.5f }));
        p.AddInPlace(Tensor.Scalar(1));
        Assert.That(p[0, 1], Is.EqualTo(2.5f));
        Assert.Throws<ArgumentException>(() => p.AddInPlace(Tensor.Ones(3)));
    }

    [Test]
    public void OpsOnAnExpandedView_ReadTheSharedElements()
    {
        var column = Tensor.FromArray(1f, 2f, 3f).Unsqueeze(1).Expand(3, 20);
        var doubled = column * 2;
        Assert.That(doubled.Storage, Has.Length.EqualTo(60), "the result is a full tensor");
        Assert.That(doubled.Row(2).ToArray(), Is.All.EqualTo(6f));
        Assert.That((column.T() + column.T()).Row(1).ToArray(), Is.EqualTo(new float[] { 2, 4, 6 }));
    }
}
