namespace Katas.Autograd;

/// <summary>Stochastic gradient descent: each <see cref="Step"/> moves every parameter a little against its gradient.</summary>
public sealed class Sgd
{
    /// <summary>An optimizer for <paramref name="parameters"/> (e.g. <c>model.Parameters()</c>) with step size <paramref name="learningRate"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The learning rate is not a positive finite number.</exception>
    public Sgd(IEnumerable<Variable> parameters, float learningRate)
    {
        throw new NotImplementedException("Kata 11: check the learning rate, keep the parameters.");
    }

    /// <summary>How far each step moves along the negative gradient.</summary>
    public float LearningRate { get; }

    /// <summary>p ← p − lr·p.Grad for every parameter that has a gradient, in place (the graph keeps using the same tensors).</summary>
    public void Step()
    {
        throw new NotImplementedException("Kata 11: move each parameter's Value against its Grad, in place.");
    }

    /// <summary>Clears every parameter's gradient: Backward adds to gradients, so clear them before each pass.</summary>
    public void ZeroGrad()
    {
        throw new NotImplementedException("Kata 11: set every parameter's Grad to null.");
    }
}
