namespace Katas.Autograd;

/// <summary>Stochastic gradient descent: each <see cref="Step"/> moves every parameter a little against its gradient.</summary>
public sealed class Sgd
{
    private readonly Variable[] _parameters;

    /// <summary>An optimizer for <paramref name="parameters"/> (e.g. <c>model.Parameters()</c>) with step size <paramref name="learningRate"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The learning rate is not a positive finite number.</exception>
    public Sgd(IEnumerable<Variable> parameters, float learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!float.IsFinite(learningRate) || learningRate <= 0)
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be a positive finite number.");
        _parameters = [.. parameters];
        LearningRate = learningRate;
    }

    /// <summary>How far each step moves along the negative gradient.</summary>
    public float LearningRate { get; }

    /// <summary>p ← p − lr·p.Grad for every parameter that has a gradient, in place (the graph keeps using the same tensors).</summary>
    public void Step()
    {
        foreach (Variable parameter in _parameters)
            if (parameter.Grad is not null) parameter.Value.AddInPlace(parameter.Grad, -LearningRate);
    }

    /// <summary>Clears every parameter's gradient: Backward adds to gradients, so clear them before each pass.</summary>
    public void ZeroGrad()
    {
        foreach (Variable parameter in _parameters) parameter.Grad = null;
    }
}
