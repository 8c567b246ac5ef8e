using Foundations;

namespace Katas.Autograd;

/// <summary>
/// Mean squared error as a custom Function: Forward(prediction, target) = mean((prediction − target)²), a
/// scalar. A prediction of shape [batch, 1] is compared with a target of shape [batch] (its last dimension
/// squeezed), as in the chapter.
/// </summary>
public sealed class MseFunction : Function
{
    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The shapes would broadcast instead of matching; the message names both.</exception>
    public override Tensor Forward(Context ctx, params Tensor[] inputs)
    {
        throw new NotImplementedException("Kata 11: squeeze a trailing 1 the target lacks, check the shapes, save the difference, return its mean square.");
    }

    /// <inheritdoc/>
    public override Tensor?[] Backward(Context ctx, Tensor gradOutput)
    {
        throw new NotImplementedException("Kata 11: two gradients, ±2·difference·gradOutput/n, shaped like the prediction and the target.");
    }
}
