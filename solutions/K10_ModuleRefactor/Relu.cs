using Foundations;

namespace Katas.ModuleRefactor;

/// <summary>The rectified linear unit as a layer: max(x, 0) forward, the gradient only where x was positive backward.</summary>
public sealed class Relu : Module
{
    /// <summary>A ReLU layer; it has no parameters.</summary>
    public Relu() : base(inputCount: 1) { }

    /// <inheritdoc/>
    protected override Tensor Forward(Tensor[] args) => args[0].ClampMin(0f);

    /// <inheritdoc/>
    protected override void Bwd(Tensor output, Tensor[] args)
    {
        Tensor input = args[0];
        // d relu/dx is 1 where x > 0 and 0 elsewhere (PyTorch also picks 0 at exactly 0):
        // the mask (input > 0) lets the incoming gradient through only where the unit was active.
        input.Grad = (input > 0f) * GradOf(output);
    }
}
