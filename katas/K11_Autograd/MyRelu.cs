using Foundations;

namespace Katas.Autograd;

/// <summary>ReLU as a custom Function: max(x, 0) forward; the gradient passes only where x was positive.</summary>
public sealed class MyRelu : Function
{
    /// <inheritdoc/>
    public override Tensor Forward(Context ctx, params Tensor[] inputs)
    {
        throw new NotImplementedException("Kata 11: save the input for Backward, return max(x, 0).");
    }

    /// <inheritdoc/>
    public override Tensor?[] Backward(Context ctx, Tensor gradOutput)
    {
        throw new NotImplementedException("Kata 11: one gradient: gradOutput where the saved input is positive, 0 elsewhere.");
    }
}
