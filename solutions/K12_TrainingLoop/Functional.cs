using Foundations;

namespace Katas.TrainingLoop;

/// <summary>
/// The functions between a model's raw scores (logits) and a number to minimise: log-softmax,
/// log-sum-exp, negative log likelihood, cross-entropy and its gradient. Logits are
/// [batch, classes]; targets hold one class index per row.
/// </summary>
public static class Functional
{
    /// <summary>
    /// log(softmax(x)) computed as written: x − log(Σⱼ exp(xⱼ)) along each row. Correct on paper,
    /// but exp(1000) is infinity in float32, so large logits give NaN.
    /// </summary>
    /// <exception cref="ArgumentException">Logits are not 2-D.</exception>
    public static Tensor LogSoftmaxNaive(Tensor logits)
    {
        CheckLogits(logits);
        // Sum(1, keepDim) gives [n, 1], which broadcasts against [n, classes]: one log-sum per row.
        return logits - logits.Exp().Sum(1, keepDim: true).Log();
    }

    /// <summary>
    /// log(Σⱼ exp(xⱼ)) of each row of a 2-D tensor, shape [n], with the log-sum-exp trick:
    /// m + log(Σⱼ exp(xⱼ − m)) where m is the row's maximum, so no exponential exceeds 1.
    /// </summary>
    /// <exception cref="ArgumentException">X is not 2-D.</exception>
    public static Tensor LogSumExp(Tensor x)
    {
        CheckLogits(x);
        Tensor max = x.Max(1, keepDim: true);          // [n, 1]
        Tensor shifted = (x - max).Exp().Sum(1, keepDim: true).Log();
        return (max + shifted).Squeeze(1);             // [n]
    }

    /// <summary>log(softmax(x)) = x − LogSumExp(x) per row: the same numbers as the naive form, finite for any finite logits.</summary>
    /// <exception cref="ArgumentException">Logits are not 2-D.</exception>
    public static Tensor LogSoftmax(Tensor logits) => logits - LogSumExp(logits).Unsqueeze(1);

    /// <summary>
    /// Negative log likelihood: −mean over rows i of logProbabilities[i, targets[i]] — PyTorch's
    /// <c>nll_loss</c>, which expects log-probabilities (from <see cref="LogSoftmax"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Not 2-D, a target count that differs from the rows, or a target out of range ("Target 12 is out of bounds.").</exception>
    public static float Nll(Tensor logProbabilities, int[] targets)
    {
        CheckTargets(logProbabilities, targets);
        // Picking one element per row is PyTorch's `input[range(n), target]`; a loop says the same.
        double sum = 0;
        for (int i = 0; i < targets.Length; i++) sum += logProbabilities[i, targets[i]];
        return (float)(-sum / targets.Length);
    }

    /// <summary>Cross-entropy: <see cref="Nll"/> of <see cref="LogSoftmax"/> of the logits (PyTorch's <c>cross_entropy</c>).</summary>
    /// <exception cref="ArgumentException">As for <see cref="Nll"/>.</exception>
    public static float CrossEntropy(Tensor logits, int[] targets)
    {
        CheckTargets(logits, targets);
        return Nll(LogSoftmax(logits), targets);
    }

    /// <summary>
    /// ∂CrossEntropy/∂logits: (softmax(logits) − onehot(targets)) / n, shape [n, classes]. The
    /// softmax comes from exp(LogSoftmax), so it is stable too; the 1/n is the mean's.
    /// </summary>
    /// <exception cref="ArgumentException">As for <see cref="Nll"/>.</exception>
    public static Tensor CrossEntropyGradient(Tensor logits, int[] targets)
    {
        CheckTargets(logits, targets);
        Tensor gradient = LogSoftmax(logits).Exp();    // softmax, a fresh contiguous tensor we may write to
        for (int i = 0; i < targets.Length; i++) gradient[i, targets[i]] -= 1f;
        return gradient / targets.Length;
    }

    private static void CheckLogits(Tensor logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (logits.Rank != 2)
            throw new ArgumentException($"expected 2-D logits [batch, classes], but got shape {ShapeRules.Format(logits.Shape)}");
    }

    /// <summary>Shared with <see cref="Metrics"/>: one target per row, each a valid class index.</summary>
    internal static void CheckTargets(Tensor scores, int[] targets)
    {
        CheckLogits(scores);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Length != scores.Shape[0])
            throw new ArgumentException($"Expected input batch_size ({scores.Shape[0]}) to match target batch_size ({targets.Length}).");
        if (targets.Length == 0)
            throw new ArgumentException("cannot compute a loss over an empty batch");
        foreach (int target in targets)
            if (target < 0 || target >= scores.Shape[1])
                throw new ArgumentException($"Target {target} is out of bounds. (There are {scores.Shape[1]} classes: 0 to {scores.Shape[1] - 1}.)");
    }
}
