using Foundations;

namespace Katas.TrainingLoop;

/// <summary>Stochastic gradient descent: after each batch, every parameter takes a step of −lr × its gradient.</summary>
public sealed class Sgd
{
    private readonly IReadOnlyList<Tensor> _parameters;

    /// <summary>An optimizer for <paramref name="parameters"/> (e.g. <see cref="IModel.Parameters"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The learning rate is not positive and finite.</exception>
    public Sgd(IReadOnlyList<Tensor> parameters, float learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(learningRate > 0) || !float.IsFinite(learningRate))
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, $"Invalid learning rate: {learningRate}");
        _parameters = parameters;
        LearningRate = learningRate;
    }

    /// <summary>The step size.</summary>
    public float LearningRate { get; }

    /// <summary>p ← p − lr·p.Grad for every parameter, in place (the model holds the same tensors).</summary>
    /// <exception cref="InvalidOperationException">A parameter has no gradient: Backward was not called.</exception>
    public void Step()
    {
        for (int index = 0; index < _parameters.Count; index++)
        {
            Tensor p = _parameters[index];
            Tensor grad = p.Grad ?? throw new InvalidOperationException(
                $"parameter {index} (shape {ShapeRules.Format(p.Shape)}) has no gradient; call the model's Backward before Step");
            // A plain loop over the two spans: in place, no temporary tensors, once per parameter per batch.
            Span<float> values = p.AsSpan();
            ReadOnlySpan<float> gradient = grad.Contiguous().AsSpan();
            for (int i = 0; i < values.Length; i++) values[i] -= LearningRate * gradient[i];
        }
    }

    /// <summary>Forgets the gradients, so the next Step cannot reuse a stale one.</summary>
    public void ZeroGrad()
    {
        foreach (Tensor p in _parameters) p.Grad = null;
    }
}
