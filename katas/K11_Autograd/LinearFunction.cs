using Foundations;

namespace Katas.Autograd;

/// <summary>
/// A linear layer's computation as a custom Function, in PyTorch's layout: Forward(x, w, b) = x @ wᵀ + b
/// for x [batch, n_in], w [n_out, n_in], b [n_out].
/// </summary>
public sealed class LinearFunction : Function
{
    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The shapes do not fit together; the message names all three.</exception>
    public override Tensor Forward(Context ctx, params Tensor[] inputs)
    {
        throw new NotImplementedException("Kata 11: check the shapes, save x and w, return x @ wᵀ + b.");
    }

    /// <inheritdoc/>
    public override Tensor?[] Backward(Context ctx, Tensor gradOutput)
    {
        throw new NotImplementedException("Kata 11: three gradients, for x, w and b, each shaped like its input.");
    }
}
