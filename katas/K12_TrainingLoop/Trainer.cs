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
        throw new NotImplementedException("Kata 12: two loops, epochs then batches; evaluate on data.Valid after each epoch.");
    }
}
