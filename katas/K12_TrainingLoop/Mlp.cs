using Foundations;

namespace Katas.TrainingLoop;

/// <summary>
/// The chapter's model: Linear(inputs → hidden), ReLU, Linear(hidden → outputs), with weights in
/// PyTorch's layout ([out, in]) and Kaiming initialisation. Its backward pass is K09's chain rule.
/// </summary>
public sealed class Mlp : IModel
{
    /// <summary>A seeded inputs-hidden-outputs network, e.g. <c>new Mlp(784, 50, 10, new Rng(42))</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    public Mlp(int inputs, int hidden, int outputs, Rng rng)
    {
        throw new NotImplementedException("Kata 12: W1 [hidden, inputs] and W2 [outputs, hidden] from Tensor.Randn scaled à la Kaiming, zero biases.");
    }

    /// <inheritdoc/>
    public IReadOnlyList<Tensor> Parameters => throw new NotImplementedException("Kata 12: W1, b1, W2, b2.");

    /// <inheritdoc/>
    public Tensor Forward(Tensor x)
    {
        throw new NotImplementedException("Kata 12: ReLU(x @ W1ᵀ + b1) @ W2ᵀ + b2, keeping x and the hidden activations.");
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">Called before <see cref="Forward"/>.</exception>
    public void Backward(Tensor outputGradient)
    {
        throw new NotImplementedException("Kata 12: the chain rule backwards through Linear, ReLU, Linear, setting each parameter's Grad.");
    }
}
