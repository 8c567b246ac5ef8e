namespace Katas.Autograd;

/// <summary>A module that applies <see cref="MyRelu"/>, so ReLU can sit inside a <see cref="Sequential"/>. No parameters.</summary>
public sealed class ReluLayer : Module
{
    private static readonly MyRelu Relu = new();

    /// <inheritdoc/>
    public override Variable Forward(Variable input) => Relu.Apply(input);
}
