using Foundations;

namespace Katas.TrainingLoop;

/// <summary>The training loop: the few lines every deep learning library wraps in <c>fit</c>.</summary>
public static class Trainer
{
    /// <summary>
    /// For each epoch: for each training batch, forward, loss, backward, step, zero the gradients;
    /// then evaluate on the validation loader. Returns one <see cref="EpochResult"/> per epoch.
    /// </summary>
    /// <param name="onBatch">Called after every training batch (e.g. to move a progress bar); may be null.</param>
    /// <exception cref="ArgumentOutOfRangeException">Epochs is negative.</exception>
    public static IReadOnlyList<EpochResult> Fit(IModel model, ILoss loss, Sgd optimizer, DataLoaders data, int epochs,
        Action<FitProgress>? onBatch = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(data);
        if (epochs < 0) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, $"epochs should be 0 or more, but got {epochs}");

        var results = new List<EpochResult>();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            double lossSum = 0;
            int batch = 0;
            foreach (var (x, y) in data.Train)
            {
                Tensor output = model.Forward(x);
                float value = loss.Value(output, y);
                model.Backward(loss.Gradient(output, y));
                optimizer.Step();
                optimizer.ZeroGrad();
                lossSum += value;
                onBatch?.Invoke(new FitProgress(epoch, ++batch, data.Train.BatchCount, value));
            }
            var (validLoss, validAccuracy) = Evaluate(model, loss, data.Valid);
            results.Add(new EpochResult(epoch, (float)(lossSum / Math.Max(batch, 1)), validLoss, validAccuracy));
        }
        return results;
    }

    /// <summary>Loss and accuracy over a whole loader, weighting each batch by its size (the last may be small).</summary>
    private static (float Loss, float Accuracy) Evaluate(IModel model, ILoss loss, DataLoader valid)
    {
        double lossSum = 0, correct = 0;
        foreach (var (x, y) in valid)
        {
            Tensor output = model.Forward(x);
            lossSum += loss.Value(output, y) * y.Length;
            correct += Metrics.Accuracy(output, y) * y.Length;
        }
        int count = Math.Max(valid.Count, 1);
        return ((float)(lossSum / count), (float)(correct / count));
    }
}
