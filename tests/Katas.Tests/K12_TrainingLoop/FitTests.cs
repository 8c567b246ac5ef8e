using Foundations;
using Katas.TrainingLoop;
using NUnit.Framework;

namespace KataTests.K12_TrainingLoop;

/// <summary>
/// Trainer.Fit's bookkeeping, with a model whose outputs are its inputs (each row of x is already a row of scores)
/// and which never changes, so every figure Fit reports can be worked out by hand from the data.
/// </summary>
[Category("K12")]
public class FitTests
{
    // Valid set: 7 rows of 3 scores. In batches of 3 it splits 3 + 3 + 1; the batches are 3/3, 2/3 and 0/1 right.
    private static readonly float[,] ValidScores =
    {
        { 2, 0, 0 }, { 0, 2, 0 }, { 0, 0, 2 },
        { 1, 0, 0 }, { 0, 1, 0 }, { 1, 0, 0 },
        { 0, 5, 0 },
    };
    private static readonly int[] ValidTargets = [0, 1, 2, 0, 1, 2, 0];

    [Test]
    public void ValidationLossAndAccuracy_AreMeansOverExamples_WhenTheLastBatchIsShort()
    {
        var data = new DataLoaders(Loader(new float[,] { { 1, 0, 0 }, { 0, 1, 0 } }, [0, 1], 2), Loader(ValidScores, ValidTargets, 3));
        EpochResult result = Fit(data, epochs: 1)[0];
        Assert.That(result.ValidAccuracy, Is.EqualTo(5f / 7).Within(1e-6),
            "5 of the 7 validation rows are right; averaging the batches' accuracies (1, 2/3, 0) would give 0.556");
        Assert.That(result.ValidLoss, Is.EqualTo(CrossEntropy(ValidScores, ValidTargets)).Within(1e-5),
            "the validation loss is the mean over all 7 examples, each batch weighted by its size (3, 3, 1)");
    }

    [Test]
    public void ValidationFigures_ComeFromTheValidLoader()
    {
        // Every training row is right and every validation row wrong, so the two sets cannot be mistaken for each other.
        float[,] validScores = { { 0, 4, 0 }, { 0, 0, 4 }, { 4, 0, 0 } };
        int[] validTargets = [0, 1, 2];
        var data = new DataLoaders(Loader(new float[,] { { 4, 0, 0 }, { 0, 4, 0 }, { 0, 0, 4 } }, [0, 1, 2], 3),
                                   Loader(validScores, validTargets, 3));
        EpochResult result = Fit(data, epochs: 1)[0];
        Assert.That(result.ValidAccuracy, Is.EqualTo(0f), "no validation row is right (1 would be the training set's accuracy)");
        Assert.That(result.ValidLoss, Is.EqualTo(CrossEntropy(validScores, validTargets)).Within(1e-5),
            "the loss of data.Valid, not of data.Train");
    }

    [Test]
    public void TrainLoss_IsTheMeanOfTheEpochsBatchLosses()
    {
        // Six training rows in two batches of three, in order: batch losses a and b, so the epoch's loss is (a + b) / 2.
        float[,] train = { { 2, 0, 0 }, { 0, 2, 0 }, { 0, 0, 2 }, { 0, 3, 0 }, { 1, 1, 0 }, { 0, 0, -1 } };
        int[] targets = [0, 1, 2, 0, 1, 2];
        double first = CrossEntropy(Rows(train, 0, 3), targets[..3]), second = CrossEntropy(Rows(train, 3, 3), targets[3..]);
        var data = new DataLoaders(Loader(train, targets, 3), Loader(ValidScores, ValidTargets, 7));
        var reported = new List<FitProgress>();
        var results = Fit(data, epochs: 2, reported.Add);
        Assert.That(reported.Select(p => p.Loss), Is.EqualTo(new[] { first, second, first, second }).Within(1e-5),
            "onBatch reports each training batch's own loss");
        Assert.That(results.Select(r => r.TrainLoss), Is.EqualTo(new[] { (first + second) / 2, (first + second) / 2 }).Within(1e-5),
            $"each epoch's TrainLoss is the mean of its batch losses {first:F4} and {second:F4} (not their sum divided by the 6 examples)");
    }

    [Test]
    public void EachStep_UsesOnlyItsOwnBatchsGradient()
    {
        // A model that adds to its gradient, as PyTorch's backward does: only ZeroGrad after each Step keeps one
        // batch's gradient out of the next batch's step.
        var model = new AddsOneToItsGradient();
        var data = new DataLoaders(Loader(new float[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }, [0, 1, 2], 1),
                                   Loader(ValidScores, ValidTargets, 7));
        Trainer.Fit(model, new ReferenceCrossEntropy(), new Sgd(model.Parameters, 1f), data, epochs: 1);
        Assert.That(model.Parameters[0].ToArray(), Is.EqualTo(new[] { -3f }),
            "three batches, each with gradient 1, at lr 1: 0 - 1 - 1 - 1 = -3 (gradients piling up would give 0 - 1 - 2 - 3 = -6)");
    }

    private static IReadOnlyList<EpochResult> Fit(DataLoaders data, int epochs, Action<FitProgress>? onBatch = null)
    {
        var model = new ScoresAreTheInput();
        return Trainer.Fit(model, new ReferenceCrossEntropy(), new Sgd(model.Parameters, 0.1f), data, epochs, onBatch);
    }

    private static DataLoader Loader(float[,] scores, int[] targets, int batchSize) =>
        new(Tensor.FromArray(scores), targets, batchSize);

    private static float[,] Rows(float[,] values, int start, int count)
    {
        var rows = new float[count, values.GetLength(1)];
        for (int i = 0; i < count; i++)
            for (int j = 0; j < values.GetLength(1); j++) rows[i, j] = values[start + i, j];
        return rows;
    }

    /// <summary>Mean cross-entropy in double, straight from the definition.</summary>
    private static double CrossEntropy(float[,] scores, int[] targets)
    {
        double total = 0;
        for (int i = 0; i < targets.Length; i++)
        {
            double max = double.NegativeInfinity, sum = 0;
            for (int j = 0; j < scores.GetLength(1); j++) max = Math.Max(max, scores[i, j]);
            for (int j = 0; j < scores.GetLength(1); j++) sum += Math.Exp(scores[i, j] - max);
            total += max + Math.Log(sum) - scores[i, targets[i]];
        }
        return total / targets.Length;
    }

    /// <summary>A model that outputs its input and never learns: its one parameter always gets a zero gradient.</summary>
    private sealed class ScoresAreTheInput : IModel
    {
        private readonly Tensor _unused = Tensor.Zeros(1);
        public IReadOnlyList<Tensor> Parameters => [_unused];
        public Tensor Forward(Tensor x) => x;
        public void Backward(Tensor outputGradient) => _unused.Grad = Tensor.Zeros(1);
    }

    /// <summary>A model that outputs its input; each Backward adds 1 to its one parameter's gradient.</summary>
    private sealed class AddsOneToItsGradient : IModel
    {
        private readonly Tensor _weight = Tensor.Zeros(1);
        public IReadOnlyList<Tensor> Parameters => [_weight];
        public Tensor Forward(Tensor x) => x;
        public void Backward(Tensor outputGradient) =>
            _weight.Grad = _weight.Grad is null ? Tensor.FromArray(1f) : _weight.Grad + Tensor.FromArray(1f);
    }

    /// <summary>The test's own cross-entropy, so that Fit is checked apart from the kata's loss.</summary>
    private sealed class ReferenceCrossEntropy : ILoss
    {
        public float Value(Tensor output, int[] targets)
        {
            var scores = new float[output.Shape[0], output.Shape[1]];
            for (int i = 0; i < scores.GetLength(0); i++)
                for (int j = 0; j < scores.GetLength(1); j++) scores[i, j] = output[i, j];
            return (float)CrossEntropy(scores, targets);
        }

        public Tensor Gradient(Tensor output, int[] targets) => Tensor.Zeros([.. output.Shape]);
    }

    [Test]
    public void ZeroEpochs_TrainNothing_AndNegativeEpochsThrow()
    {
        var data = new DataLoaders(Loader(ValidScores, ValidTargets, 7), Loader(ValidScores, ValidTargets, 7));
        int batches = 0;
        Assert.That(Fit(data, epochs: 0, _ => batches++), Is.Empty, "Fit for 0 epochs returns no epoch results");
        Assert.That(batches, Is.EqualTo(0), "…and trains on no batch");
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Fit(data, epochs: -1), "-1 epochs is not a number of passes");
        Assert.That(error!.ParamName, Is.EqualTo("epochs"), "the exception should name epochs");
    }
}
