using Foundations;

namespace Katas.ModuleRefactor;

/// <summary>
/// Mean squared error as a module: Call(prediction, target) gives mean((prediction.Squeeze(-1) − target)²)
/// as a scalar tensor, and Backward fills the prediction's Grad.
/// </summary>
public sealed class Mse : Module
{
    /// <summary>The loss; it takes two inputs, the prediction and the target.</summary>
    public Mse() : base(inputCount: 2) { }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The squeezed prediction and the target differ in shape (they would broadcast); the message names both.</exception>
    protected override Tensor Forward(Tensor[] args)
    {
        throw new NotImplementedException("Kata 10: squeeze the prediction's last dimension, check the shapes, then mean of the squared difference.");
    }

    /// <inheritdoc/>
    protected override void Bwd(Tensor output, Tensor[] args)
    {
        throw new NotImplementedException("Kata 10: prediction.Grad = 2·(prediction − target)/n, shaped like the prediction.");
    }
}
