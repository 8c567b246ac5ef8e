using Foundations;

namespace Katas.Autograd;

/// <summary>
/// A linear layer's computation as a custom Function, in PyTorch's layout: Forward(x, w, b) = x @ wᵀ + b
/// for x [batch, n_in], w [n_out, n_in], b [n_out].
/// </summary>
public sealed class LinearFunction : Function
{
    /// <inheritdoc/>
    public override Tensor Forward(Context ctx, params Tensor[] inputs)
    {
        ExpectInputs(inputs, 3);
        Tensor x = inputs[0], w = inputs[1], b = inputs[2];
        if (x.Rank != 2 || w.Rank != 2 || b.Rank != 1 || x.Shape[1] != w.Shape[1] || b.Shape[0] != w.Shape[0])
            throw new ArgumentException(
                $"LinearFunction needs x [batch, n_in], w [n_out, n_in] and b [n_out], but got x {ShapeRules.Format(x.Shape)}, w {ShapeRules.Format(w.Shape)} and b {ShapeRules.Format(b.Shape)}.");
        ctx.SaveForBackward(x, w);
        return Tensor.Matmul(x, w.T()) + b;
    }

    /// <inheritdoc/>
    public override Tensor?[] Backward(Context ctx, Tensor gradOutput)
    {
        Tensor x = ctx.SavedTensors[0], w = ctx.SavedTensors[1];
        // out = x @ wᵀ + b:  ∂x = g @ w,  ∂w = gᵀ @ x (one row per output, like w),  ∂b = Σ over the batch of g.
        return [Tensor.Matmul(gradOutput, w), Tensor.Matmul(gradOutput.T(), x), gradOutput.Sum(0)];
    }
}
