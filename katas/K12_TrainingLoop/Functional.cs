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
        throw new NotImplementedException("Kata 12: x − log of the row sums of exp(x), with keepDim so it broadcasts.");
    }

    /// <summary>
    /// log(Σⱼ exp(xⱼ)) of each row of a 2-D tensor, shape [n], with the log-sum-exp trick:
    /// m + log(Σⱼ exp(xⱼ − m)) where m is the row's maximum, so no exponential exceeds 1.
    /// </summary>
    /// <exception cref="ArgumentException">X is not 2-D.</exception>
    public static Tensor LogSumExp(Tensor x)
    {
        throw new NotImplementedException("Kata 12: subtract each row's max before exp, add it back after log.");
    }

    /// <summary>log(softmax(x)) = x − LogSumExp(x) per row: the same numbers as the naive form, finite for any finite logits.</summary>
    /// <exception cref="ArgumentException">Logits are not 2-D.</exception>
    public static Tensor LogSoftmax(Tensor logits)
    {
        throw new NotImplementedException("Kata 12: x minus LogSumExp(x) as a column.");
    }

    /// <summary>
    /// Negative log likelihood: −mean over rows i of logProbabilities[i, targets[i]] — PyTorch's
    /// <c>nll_loss</c>, which expects log-probabilities (from <see cref="LogSoftmax"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Not 2-D, a target count that differs from the rows, or a target out of range ("Target 12 is out of bounds.").</exception>
    public static float Nll(Tensor logProbabilities, int[] targets)
    {
        throw new NotImplementedException("Kata 12: pick logp[i, targets[i]] for every row, average, negate.");
    }

    /// <summary>Cross-entropy: <see cref="Nll"/> of <see cref="LogSoftmax"/> of the logits (PyTorch's <c>cross_entropy</c>).</summary>
    /// <exception cref="ArgumentException">As for <see cref="Nll"/>.</exception>
    public static float CrossEntropy(Tensor logits, int[] targets)
    {
        throw new NotImplementedException("Kata 12: Nll of LogSoftmax.");
    }

    /// <summary>
    /// ∂CrossEntropy/∂logits: (softmax(logits) − onehot(targets)) / n, shape [n, classes]. The
    /// softmax comes from exp(LogSoftmax), so it is stable too; the 1/n is the mean's.
    /// </summary>
    /// <exception cref="ArgumentException">As for <see cref="Nll"/>.</exception>
    public static Tensor CrossEntropyGradient(Tensor logits, int[] targets)
    {
        throw new NotImplementedException("Kata 12: softmax, minus 1 at each row's target, divided by the batch size.");
    }
}
