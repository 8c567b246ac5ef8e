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
    public override Tensor Forward(Context ctx, params Tensor[] inputs)
    {
        ExpectInputs(inputs, 2);
        Tensor prediction = inputs[0], target = inputs[1];
        // Squeeze only a trailing dimension the target does not have, so a batch of one stays a batch.
        Tensor squeezed = prediction.Rank == target.Rank + 1 ? prediction.Squeeze(-1) : prediction;
        // Refuse shapes that would broadcast ([n] − [n, 1] is an n×n matrix): that bug gives a wrong loss silently.
        if (!squeezed.Shape.SequenceEqual(target.Shape))
            throw new ArgumentException(
                $"MseFunction needs a prediction shaped like the target (or with an extra trailing 1), but got prediction {ShapeRules.Format(prediction.Shape)} and target {ShapeRules.Format(target.Shape)}.");
        Tensor difference = squeezed - target;
        ctx.SaveForBackward(difference);
        return difference.Pow(2).Mean();
    }

    /// <inheritdoc/>
    public override Tensor?[] Backward(Context ctx, Tensor gradOutput)
    {
        Tensor difference = ctx.SavedTensors[0];
        // d/dpredᵢ (1/n)·Σ(predᵢ − targetᵢ)² = 2·(predᵢ − targetᵢ)/n; the target's is the same with the sign flipped.
        Tensor gradPrediction = difference * (2f * gradOutput.Item() / difference.Numel);
        return [gradPrediction.Reshape([.. ctx.Inputs[0].Value.Shape]), (-gradPrediction).Reshape([.. ctx.Inputs[1].Value.Shape])];
    }
}
