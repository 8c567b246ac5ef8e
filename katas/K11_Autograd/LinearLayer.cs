using Foundations;

namespace Katas.Autograd;

/// <summary>
/// A fully connected layer (PyTorch's <c>nn.Linear</c>): a weight of shape n_out×n_in with Kaiming
/// initialization (std √(2/n_in), right for a ReLU after it), a zero bias, and x @ Wᵀ + b forward.
/// </summary>
public sealed class LinearLayer : Module
{
    /// <summary>A layer from <paramref name="nIn"/> features to <paramref name="nOut"/>, its weights drawn from
    /// <paramref name="rng"/> (or from a shared generator seeded with 0 when none is given).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is less than 1.</exception>
    public LinearLayer(int nIn, int nOut, Rng? rng = null)
    {
        throw new NotImplementedException("Kata 11: register a Kaiming-initialized weight and a zero bias, both requiring grad.");
    }

    /// <summary>The weight, n_out×n_in (one row per output feature).</summary>
    public Variable Weight { get; } = null!;

    /// <summary>The bias, one per output feature.</summary>
    public Variable Bias { get; } = null!;

    /// <inheritdoc/>
    public override Variable Forward(Variable input)
    {
        throw new NotImplementedException("Kata 11: apply a LinearFunction to the input, the weight and the bias.");
    }
}
