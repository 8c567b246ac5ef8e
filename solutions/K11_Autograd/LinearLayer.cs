using Foundations;

namespace Katas.Autograd;

/// <summary>
/// A fully connected layer (PyTorch's <c>nn.Linear</c>): a weight of shape n_out×n_in with Kaiming
/// initialization (std √(2/n_in), right for a ReLU after it), a zero bias, and x @ Wᵀ + b forward.
/// </summary>
public sealed class LinearLayer : Module
{
    private static readonly LinearFunction Linear = new();
    private static readonly Rng SharedRng = new(0);

    /// <summary>A layer from <paramref name="nIn"/> features to <paramref name="nOut"/>, its weights drawn from
    /// <paramref name="rng"/> (or from a shared generator seeded with 0 when none is given).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is less than 1.</exception>
    public LinearLayer(int nIn, int nOut, Rng? rng = null)
    {
        if (nIn < 1 || nOut < 1)
            throw new ArgumentOutOfRangeException(nameof(nIn), $"LinearLayer needs at least one input and one output feature, but got nIn={nIn}, nOut={nOut}.");
        Tensor weight;
        if (rng is null)
            lock (SharedRng) weight = Tensor.Randn(SharedRng, nOut, nIn);
        else
            weight = Tensor.Randn(rng, nOut, nIn);
        // Kaiming: scaling by √(2/n_in) keeps the activations' std near 1 through a ReLU (kata K08).
        Weight = RegisterParameter(new Variable(weight * MathF.Sqrt(2f / nIn), requiresGrad: true));
        Bias = RegisterParameter(new Variable(Tensor.Zeros(nOut), requiresGrad: true));
    }

    /// <summary>The weight, n_out×n_in (one row per output feature).</summary>
    public Variable Weight { get; }

    /// <summary>The bias, one per output feature.</summary>
    public Variable Bias { get; }

    /// <inheritdoc/>
    public override Variable Forward(Variable input) => Linear.Apply(input, Weight, Bias);
}
