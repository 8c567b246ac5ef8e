using Foundations;

namespace Katas.GradientsByHand;

/// <summary>
/// The chapter's two-layer net as plain functions — <c>Lin</c>, <c>Relu</c>, <c>Mse</c> for the forward pass — and their
/// backward steps, which store the gradient of the loss with respect to each input in that tensor's <see cref="Tensor.Grad"/>.
/// Every backward step reads the gradient of its <em>output</em>, so they run in the reverse order of the forward pass.
/// </summary>
public static class Layers
{
    /// <summary>A linear layer in the chapter's layout: x [batch, n_in] @ w [n_in, n_out] + b [n_out].</summary>
    /// <exception cref="ArgumentException">Shapes that do not fit; the message names them ("mat1 and mat2 shapes cannot be
    /// multiplied (2x3 and 4x5)" when x and w disagree).</exception>
    public static Tensor Lin(Tensor x, Tensor w, Tensor b)
    {
        throw new NotImplementedException("Kata 09: x @ w + b, after checking the shapes.");
    }

    /// <summary>The rectified linear unit, max(x, 0), element by element.</summary>
    public static Tensor Relu(Tensor x)
    {
        throw new NotImplementedException("Kata 09: clamp at zero.");
    }

    /// <summary>
    /// Mean squared error between a model's output [batch, 1] and the targets [batch]. The output's trailing
    /// dimension of 1 is squeezed first — that dimension only, so a batch of one stays a batch of one.
    /// Returns a rank-0 tensor.
    /// </summary>
    /// <exception cref="ArgumentException">The squeezed output and the target have different shapes: "Using a target size
    /// ([3, 1]) that is different to the input size ([3])".</exception>
    public static Tensor Mse(Tensor output, Tensor target)
    {
        throw new NotImplementedException("Kata 09: (output.Squeeze(-1) − target)² averaged.");
    }

    /// <summary>
    /// Sets <c>output.Grad</c> to ∂loss/∂output for loss = <see cref="Mse"/>(output, target):
    /// 2·(output − target)/N, shaped like <paramref name="output"/>, where N is the number of targets.
    /// </summary>
    public static void MseGrad(Tensor output, Tensor target)
    {
        throw new NotImplementedException("Kata 09: the derivative of a mean of squares, reshaped like the output.");
    }

    /// <summary>
    /// Sets <c>input.Grad</c> for output = <see cref="Relu"/>(input): ReLU's slope is 1 where the input is positive and 0
    /// elsewhere, so the chain rule lets through <c>output.Grad</c> exactly where input &gt; 0.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>output.Grad</c> is not set yet; the message says which step to run first.</exception>
    public static void ReluGrad(Tensor input, Tensor output)
    {
        throw new NotImplementedException("Kata 09: (input > 0) times output.Grad.");
    }

    /// <summary>
    /// Sets the gradients of a linear layer output = input @ w + b from <c>output.Grad</c>:
    /// input.Grad = output.Grad @ wᵀ, w.Grad = inputᵀ @ output.Grad, b.Grad = output.Grad summed over the batch.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>output.Grad</c> is not set yet; the message says which step to run first.</exception>
    public static void LinGrad(Tensor input, Tensor output, Tensor w, Tensor b)
    {
        throw new NotImplementedException("Kata 09: three matrix products and a sum, one per gradient.");
    }
}
