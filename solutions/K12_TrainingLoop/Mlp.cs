using Foundations;

namespace Katas.TrainingLoop;

/// <summary>
/// The chapter's model: Linear(inputs → hidden), ReLU, Linear(hidden → outputs), with weights in
/// PyTorch's layout ([out, in]) and Kaiming initialisation. Its backward pass is K09's chain rule.
/// </summary>
public sealed class Mlp : IModel
{
    private readonly Tensor _w1, _b1, _w2, _b2;
    private Tensor? _input, _hidden; // saved by Forward for Backward

    /// <summary>A seeded inputs-hidden-outputs network, e.g. <c>new Mlp(784, 50, 10, new Rng(42))</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    public Mlp(int inputs, int hidden, int outputs, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        foreach (var (size, name) in new[] { (inputs, nameof(inputs)), (hidden, nameof(hidden)), (outputs, nameof(outputs)) })
            if (size <= 0) throw new ArgumentOutOfRangeException(name, size, $"{name} should be positive, but got {size}");
        // Kaiming: std √(2/fan_in) keeps the activations' scale through a ReLU (kata K08).
        _w1 = Tensor.Randn(rng, hidden, inputs) * MathF.Sqrt(2f / inputs);
        _b1 = Tensor.Zeros(hidden);
        // The last layer has no ReLU after it: √(1/fan_in) keeps the logits near unit scale.
        _w2 = Tensor.Randn(rng, outputs, hidden) * MathF.Sqrt(1f / hidden);
        _b2 = Tensor.Zeros(outputs);
        Parameters = [_w1, _b1, _w2, _b2];
    }

    /// <inheritdoc/>
    public IReadOnlyList<Tensor> Parameters { get; }

    /// <inheritdoc/>
    public Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank != 2 || x.Shape[1] != _w1.Shape[1])
            throw new ArgumentException($"mat1 and mat2 shapes cannot be multiplied ({string.Join("x", x.Shape)} and {_w1.Shape[1]}x{_w1.Shape[0]})");
        _input = x;
        _hidden = (x.Matmul(_w1.T()) + _b1).ClampMin(0f); // ReLU(x @ W1ᵀ + b1)
        return _hidden.Matmul(_w2.T()) + _b2;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">Called before <see cref="Forward"/>.</exception>
    public void Backward(Tensor outputGradient)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        if (_input is null || _hidden is null)
            throw new InvalidOperationException("Backward needs the activations of a Forward pass; call Forward first");

        // Second layer: out = h @ W2ᵀ + b2, so ∂W2 = gᵀ @ h, ∂b2 = Σ rows of g, ∂h = g @ W2.
        _w2.Grad = outputGradient.T().Matmul(_hidden);
        _b2.Grad = outputGradient.Sum(0);
        Tensor hiddenGradient = outputGradient.Matmul(_w2);

        // ReLU lets the gradient through only where its output was positive.
        hiddenGradient *= _hidden > 0f;

        // First layer, the same pattern; we never need ∂x, the data does not learn.
        _w1.Grad = hiddenGradient.T().Matmul(_input);
        _b1.Grad = hiddenGradient.Sum(0);
    }
}
