using Foundations;

namespace Katas.TrainingLoop;

/// <summary>Stochastic gradient descent: after each batch, every parameter takes a step of −lr × its gradient.</summary>
public sealed class Sgd
{
    /// <summary>An optimizer for <paramref name="parameters"/> (e.g. <see cref="IModel.Parameters"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The learning rate is not positive and finite.</exception>
    public Sgd(IReadOnlyList<Tensor> parameters, float learningRate)
    {
        throw new NotImplementedException("Kata 12: keep the parameters and the learning rate.");
    }

    /// <summary>The step size.</summary>
    public float LearningRate => throw new NotImplementedException("Kata 12: the learning rate given to the constructor.");

    /// <summary>p ← p − lr·p.Grad for every parameter, in place (the model holds the same tensors).</summary>
    /// <exception cref="InvalidOperationException">A parameter has no gradient: Backward was not called.</exception>
    public void Step()
    {
        throw new NotImplementedException("Kata 12: update each parameter in place.");
    }

    /// <summary>Forgets the gradients, so the next Step cannot reuse a stale one.</summary>
    public void ZeroGrad()
    {
        throw new NotImplementedException("Kata 12: clear every parameter's Grad.");
    }
}
