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
    /// <exception cref="ArgumentException">weightInit returned a tensor of another shape.</exception>
    public static LayerStats[] Stats(int depth, int width, WeightInit weightInit, Func<Tensor, Tensor> activation, Rng rng, int batch = 200)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        ArgumentNullException.ThrowIfNull(weightInit);
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentNullException.ThrowIfNull(rng);

        var x = Tensor.Randn(rng, batch, width); // inputs with mean 0 and std 1, as after normalization
        var stats = new LayerStats[depth];
        for (int layer = 1; layer <= depth; layer++)
        {
            Tensor w = weightInit([width, width], rng);
            if (w.Rank != 2 || w.Shape[0] != width || w.Shape[1] != width)
                throw new ArgumentException(
                    $"weightInit was asked for a [{width}, {width}] weight but returned shape {ShapeRules.Format(w.Shape)}", nameof(weightInit));
            x = activation(Tensor.Matmul(x, w.T()));
            stats[layer - 1] = new LayerStats(layer, x.Mean().Item(), x.Std().Item());
        }
        return stats;
    }
}
