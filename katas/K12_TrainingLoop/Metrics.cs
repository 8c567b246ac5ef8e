using Foundations;

namespace Katas.TrainingLoop;

/// <summary>What we watch while training, as opposed to what we minimise.</summary>
public static class Metrics
{
    /// <summary>
    /// The fraction of rows whose largest score is at the target class: (argmax(scores, 1) == targets).mean().
    /// Not differentiable — a small change of the weights rarely changes it — which is why we train on the loss.
    /// </summary>
    /// <exception cref="ArgumentException">Not 2-D, a target count that differs from the rows, or a target out of range.</exception>
    public static float Accuracy(Tensor scores, int[] targets)
    {
        throw new NotImplementedException("Kata 12: ArgMax along dimension 1, compare with the targets, take the mean.");
    }
}
