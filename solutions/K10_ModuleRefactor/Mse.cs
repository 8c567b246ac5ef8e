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
    protected override Tensor Forward(Tensor[] args)
    {
        Tensor difference = Difference(args[0], args[1]);
        return difference.Pow(2).Mean();
    }

    /// <inheritdoc/>
    protected override void Bwd(Tensor output, Tensor[] args)
    {
        // The loss is the last module, so its own output gradient is 1 and is not read.
        // d/dpredᵢ of (1/n)·Σ(predᵢ − targetᵢ)² is 2·(predᵢ − targetᵢ)/n, shaped like the prediction.
        Tensor prediction = args[0], difference = Difference(prediction, args[1]);
        prediction.Grad = (difference * (2f / difference.Numel)).Reshape([.. prediction.Shape]);
    }

    private static Tensor Difference(Tensor prediction, Tensor target)
    {
        // Squeeze only the last dimension: a plain Squeeze() would turn a batch of one [1, 1] into a scalar.
        Tensor squeezed = prediction.Squeeze(-1);
        // Without this check [n] − [n, 1] would broadcast to an n×n matrix and give a wrong loss silently.
        if (!squeezed.Shape.SequenceEqual(target.Shape))
            throw new ArgumentException(
                $"Mse needs a prediction of shape [batch, 1] or [batch] and a target of shape [batch], but got prediction {ShapeRules.Format(prediction.Shape)} and target {ShapeRules.Format(target.Shape)}.");
        return squeezed - target;
    }
}
