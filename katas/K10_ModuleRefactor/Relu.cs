using Foundations;

namespace Katas.ModuleRefactor;

/// <summary>The rectified linear unit as a layer: max(x, 0) forward, the gradient only where x was positive backward.</summary>
public sealed class Relu : Module
{
    /// <summary>A ReLU layer; it has no parameters.</summary>
    public Relu() : base(inputCount: 1) { }

    /// <inheritdoc/>
    protected override Tensor Forward(Tensor[] args)
    {
        throw new NotImplementedException("Kata 10: max(x, 0) for every element of args[0].");
    }

    /// <inheritdoc/>
    protected override void Bwd(Tensor output, Tensor[] args)
    {
        throw new NotImplementedException("Kata 10: args[0].Grad = the output's gradient where args[0] > 0, else 0.");
    }
}
