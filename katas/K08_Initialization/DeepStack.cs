using Foundations;

namespace Katas.Initialization;

/// <summary>The chapter's experiment: push a batch of random inputs through many random layers and watch the scale.</summary>
public static class DeepStack
{
    /// <summary>
    /// Starts from x = randn(batch, width) and applies <paramref name="depth"/> layers x ← activation(x @ wᵀ), each with a
    /// fresh weight w = weightInit([width, width], rng) (PyTorch's [out, in] layout). Returns the mean and std of x after
    /// each layer, layer 1 first. Nothing is clamped: an overflow shows up as ∞ or NaN, an underflow as 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">depth, width or batch below 1.</exception>
    /// <exception cref="ArgumentException">weightInit returned a tensor of another shape; the message names it.</exception>
    public static LayerStats[] Stats(int depth, int width, WeightInit weightInit, Func<Tensor, Tensor> activation, Rng rng, int batch = 200)
    {
        throw new NotImplementedException("Kata 08: a loop of x = activation(x @ wᵀ), recording x.Mean() and x.Std() each time.");
    }
}
