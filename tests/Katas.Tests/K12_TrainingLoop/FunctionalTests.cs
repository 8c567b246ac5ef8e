using FsCheck;
using FsCheck.Fluent;
using Foundations;
using Katas.TrainingLoop;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K12_TrainingLoop;

[Category("K12")]
public class FunctionalTests
{
    [Test]
    public void LogSumExp_OfSmallValues_IsLogOfTheSumOfExponentials()
    {
        var x = Tensor.FromArray(new float[,] { { 1, 2, 3 }, { 0, 0, 0 } });
        double first = Math.Log(Math.Exp(1) + Math.Exp(2) + Math.Exp(3));
        TensorAssert.Near(Functional.LogSumExp(x), Tensor.FromArray((float)first, (float)Math.Log(3)),
            "LogSumExp(x) = log Σⱼ exp(xⱼ), one value per row");
    }

    [Test]
    public void LogSumExp_StaysFiniteAt1000()
    {
        // exp(1000) overflows float32 (its largest value is about 3.4e38 ≈ e^88.7): the trick subtracts the max first.
        var x = Tensor.FromArray(new float[,] { { 1000, 1000, 999 } });
        float expected = 1000 + (float)Math.Log(2 + Math.Exp(-1));
        TensorAssert.Near(Functional.LogSumExp(x), Tensor.FromArray(expected),
            "log-sum-exp trick: m + log Σ exp(xⱼ − m) with m = max, finite where the naive form is infinite");
    }

    [Test]
    public void LogSumExp_OfRowsOfVeryDifferentScales_SubtractsEachRowsOwnMaximum()
    {
        // One maximum for the whole batch (1000) would make every exp of the other rows underflow to 0, and log 0 = −∞.
        var x = Tensor.FromArray(new float[,] { { 1000, 999, 998 }, { 0, -1, -2 }, { -1000, -1001, -1002 } });
        float tail = (float)Math.Log(1 + Math.Exp(-1) + Math.Exp(-2));
        TensorAssert.Near(Functional.LogSumExp(x), Tensor.FromArray(1000 + tail, tail, -1000 + tail),
            "rows of logits near 1000, 0 and −1000: each row's log-sum-exp is its own max + log(1 + e⁻¹ + e⁻²)",
            inputs: [("x", x)]);
    }

    [Test]
    public void NaiveLogSoftmax_OverflowsAt1000_WhileTheTrickDoesNot()
    {
        var x = Tensor.FromArray(new float[,] { { 1000, 1000, 999 } });
        float[] naive = Functional.LogSoftmaxNaive(x).ToArray();
        Assert.That(naive.Any(v => !float.IsFinite(v)), Is.True,
            $"the naive form computes exp(1000) = ∞, so it cannot be finite here; got [{string.Join(", ", naive)}]");
        float lse = 1000 + (float)Math.Log(2 + Math.Exp(-1));
        TensorAssert.Near(Functional.LogSoftmax(x), Tensor.FromArray(new[] { 1000 - lse, 1000 - lse, 999 - lse }, [1, 3]),
            "LogSoftmax = x − LogSumExp(x) stays finite");
    }

    [PropertyTest("LogSoftmax equals log(exp(x) / sum exp(x)) where that is finite, and its rows exponentiate to sum 1.", MaxTest = 40)]
    public Property LogSoftmax_EqualsTheNaiveForm_WhereThatIsFinite() => Prop.ForAll(TensorGen.MatmulCase(10), c =>
    {
        Tensor logits = TensorGen.Randn(c.Seed, c.N, c.K) * 3f;
        TensorAssert.Near(Functional.LogSoftmax(logits), Functional.LogSoftmaxNaive(logits),
            $"for modest logits ({c.N}×{c.K}, seed {c.Seed}) both forms give the same numbers");
        // Probabilities: each row of exp(LogSoftmax) sums to 1.
        TensorAssert.Near(Functional.LogSoftmax(logits).Exp().Sum(1), Tensor.Ones(c.N), "softmax rows sum to 1");
    });

    [Test]
    public void Nll_IsMinusTheMeanOfThePickedLogProbabilities()
    {
        var logProbabilities = Tensor.FromArray(new float[,] { { -0.5f, -1f, -2f }, { -3f, -0.25f, -4f } });
        float nll = Functional.Nll(logProbabilities, [0, 2]);
        Assert.That(nll, Is.EqualTo((0.5f + 4f) / 2).Within(1e-6f), "−mean(logp[i, target[i]]) = −(−0.5 + −4)/2");
    }

    [Test]
    public void CrossEntropy_OfEqualLogits_IsLogOfTheClassCount()
    {
        // A model that knows nothing gives every class 1/10: the loss is −log(1/10) = log 10 ≈ 2.3026.
        float loss = Functional.CrossEntropy(Tensor.Zeros(4, 10), [0, 3, 9, 5]);
        Assert.That(loss, Is.EqualTo(MathF.Log(10)).Within(1e-5f), "cross-entropy of uniform predictions over 10 classes");
    }

    [Test]
    public void CrossEntropy_IsNllOfLogSoftmax()
    {
        Tensor logits = TensorGen.Randn(7, 5, 4) * 4f;
        int[] targets = [3, 0, 1, 1, 2];
        Assert.That(Functional.CrossEntropy(logits, targets),
            Is.EqualTo(Functional.Nll(Functional.LogSoftmax(logits), targets)).Within(1e-5f));
        Assert.That(Functional.CrossEntropy(logits, targets), Is.EqualTo(ReferenceCrossEntropy(logits, targets)).Within(1e-4));
    }

    [PropertyTest("The cross-entropy gradient with respect to the logits matches central differences.", MaxTest = 20)]
    public Property CrossEntropyGradient_MatchesCentralDifferences() => Prop.ForAll(TensorGen.MatmulCase(6), c =>
    {
        var rng = new Rng((ulong)c.Seed);
        int classes = c.K + 1;
        Tensor logits = Tensor.Randn(rng, c.N, classes) * 2f;
        int[] targets = Enumerable.Range(0, c.N).Select(_ => rng.NextInt(classes)).ToArray();
        Tensor numeric = CentralDifference.Of(() => ReferenceCrossEntropy(logits, targets), logits, step: 1e-2);
        TensorAssert.Near(Functional.CrossEntropyGradient(logits, targets), numeric,
            $"∂CE/∂logits = (softmax − onehot)/n for {c.N}×{classes} logits (seed {c.Seed})", rtol: 1e-2, atol: 1e-4);
    });

    [Test]
    public void Accuracy_CountsRowsWhoseLargestScoreIsTheTarget()
    {
        var scores = Tensor.FromArray(new float[,] { { 0.1f, 0.9f }, { 2f, -1f }, { 0f, 3f }, { 5f, 4f } });
        Assert.That(Metrics.Accuracy(scores, [1, 0, 0, 1]), Is.EqualTo(0.5f), "rows 0 and 1 are right, rows 2 and 3 wrong");
    }

    [Test]
    public void Accuracy_WithThreeClasses_CountsTheLargestScoreNotTheSmallest()
    {
        // Largest score: classes 1, 0, 1, 2 (three of four right); smallest: 0, 1, 0, 0 (none right).
        var scores = Tensor.FromArray(new float[,] { { 0.2f, 0.5f, 0.3f }, { 3f, -1f, 0f }, { -2f, 4f, 1f }, { 1f, 2f, 5f } });
        int[] targets = [1, 0, 2, 2];
        Assert.That(Metrics.Accuracy(scores, targets), Is.EqualTo(0.75f),
            $"rows 0, 1 and 3 have their largest score at the target, row 2 does not (picking the smallest would give 0)\nscores = {scores}\ntargets = [1, 0, 2, 2]");
    }

    [Test]
    public void TargetEqualToTheClassCount_OrNegative_IsOutOfBounds()
    {
        // Ten classes are numbered 0 to 9: 10 is one past the end, and −1 is before the start.
        var past = Assert.Throws<ArgumentException>(() => Functional.CrossEntropy(Tensor.Zeros(2, 10), [3, 10]),
            "targets [3, 10] with 10 classes (0 to 9)");
        Assert.That(past!.Message, Does.Contain("Target 10 is out of bounds."));
        var negative = Assert.Throws<ArgumentException>(() => Functional.Nll(Tensor.Zeros(2, 10), [-1, 0]),
            "targets [-1, 0] with 10 classes (0 to 9)");
        Assert.That(negative!.Message, Does.Contain("Target -1 is out of bounds."));
    }

    [Test]
    public void TargetOutOfRange_ThrowsPyTorchsMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => Functional.CrossEntropy(Tensor.Zeros(2, 10), [3, 12]));
        Assert.That(error!.Message, Does.Contain("Target 12 is out of bounds."));
        var mismatch = Assert.Throws<ArgumentException>(() => Functional.Nll(Tensor.Zeros(3, 10), [1, 2]));
        Assert.That(mismatch!.Message, Does.Contain("Expected input batch_size (3) to match target batch_size (2)."));
    }

    /// <summary>Cross-entropy in double precision, straight from the definition, for the gradient check.</summary>
    private static double ReferenceCrossEntropy(Tensor logits, int[] targets)
    {
        double total = 0;
        for (int i = 0; i < targets.Length; i++)
        {
            double max = double.NegativeInfinity;
            for (int j = 0; j < logits.Shape[1]; j++) max = Math.Max(max, logits[i, j]);
            double sum = 0;
            for (int j = 0; j < logits.Shape[1]; j++) sum += Math.Exp(logits[i, j] - max);
            total += max + Math.Log(sum) - logits[i, targets[i]];
        }
        return total / targets.Length;
    }

    [Test]
    public void LogSumExp_ShiftsByTheRowsMaximum_SoAHugeLogitStaysFinite()
    {
        Tensor lse = Functional.LogSumExp(Tensor.FromArray(new float[,] { { 1000, 0 } }));
        Assert.That(lse[0], Is.EqualTo(1000f).Within(1e-3f),
            "LogSumExp([[1000, 0]]) = 1000 + log(1 + e^-1000) ≈ 1000: shift by the row's maximum, so no exponential exceeds 1");
    }

    [TestCase("LogSoftmaxNaive")]
    [TestCase("LogSumExp")]
    [TestCase("CrossEntropy")]
    public void LogitsThatAreNotAMatrix_ThrowNamingTheShape(string function)
    {
        Tensor logits = Tensor.Zeros(3);
        Action call = function switch
        {
            "LogSoftmaxNaive" => () => Functional.LogSoftmaxNaive(logits),
            "LogSumExp" => () => Functional.LogSumExp(logits),
            _ => () => Functional.CrossEntropy(logits, [0, 1, 2]),
        };
        var error = Assert.Throws<ArgumentException>(() => call(), $"{function} of logits of shape [3]: logits are [batch, classes]");
        Assert.That(error!.Message, Does.Contain("[3]"), "the message should name the shape [3]");
    }

    [Test]
    public void CrossEntropyGradient_ATargetOutOfBounds_ThrowsNamingItAndTheClasses()
    {
        var error = Assert.Throws<ArgumentException>(() => Functional.CrossEntropyGradient(Tensor.Zeros(2, 3), [0, 3]),
            "3 classes are 0, 1 and 2: target 3 is not one of them");
        Assert.That(error!.Message, Does.Contain("Target 3 is out of bounds").And.Contain("0 to 2"),
            "the message should name the target and the valid classes, 0 to 2");
    }

    [Test]
    public void CrossEntropy_OfAnEmptyBatch_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Functional.CrossEntropy(Tensor.Zeros(0, 3), []),
            "a mean over no rows is 0/0: refuse it rather than return NaN");
        Assert.That(error!.Message, Does.Contain("empty batch"), "the message should say the batch is empty");
    }

    [Test]
    public void Accuracy_WithFewerTargetsThanRows_ThrowsNamingBothCounts()
    {
        var error = Assert.Throws<ArgumentException>(() => Metrics.Accuracy(Tensor.Zeros(3, 2), [0, 1]),
            "3 rows of scores, 2 targets");
        Assert.That(error!.Message, Does.Contain("3").And.Contain("2"), "the message should name the batch of 3 and the 2 targets");
    }
}
