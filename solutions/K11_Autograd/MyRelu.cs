using Foundations;

namespace Katas.Autograd;

/// <summary>ReLU as a custom Function: max(x, 0) forward; the gradient passes only where x was positive.</summary>
public sealed class MyRelu : Function
{
    /// <inheritdoc/>
    public override Tensor Forward(Context ctx, params Tensor[] inputs)
    {
        ExpectInputs(inputs, 1);
        // Backward needs to know where the input was positive, so keep the input.
        ctx.SaveForBackward(inputs[0]);
        return inputs[0].ClampMin(0f);
    }

    /// <inheritdoc/>
    public override Tensor?[] Backward(Context ctx, Tensor gradOutput)
    {
        Tensor input = ctx.SavedTensors[0];
        return [(input > 0f) * gradOutput];
    }
}
