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
    /// <exception cref="ArgumentException">Shapes that do not fit; the message names them.</exception>
    public static Tensor Lin(Tensor x, Tensor w, Tensor b)
    {
        CheckLinShapes(x, w, b);
        return Tensor.Matmul(x, w) + b; // b broadcasts over the batch: one bias per output column
    }

    /// <summary>The rectified linear unit, max(x, 0), element by element.</summary>
    public static Tensor Relu(Tensor x) => x.ClampMin(0f);

    /// <summary>
    /// Mean squared error between a model's output [batch, 1] and the targets [batch]. The output's trailing
    /// dimension of 1 is squeezed first — that dimension only, so a batch of one stays a batch of one.
    /// Returns a rank-0 tensor.
    /// </summary>
    /// <exception cref="ArgumentException">The squeezed output and the target have different shapes.</exception>
    public static Tensor Mse(Tensor output, Tensor target)
    {
        Tensor difference = Residual(output, target);
        return (difference * difference).Mean();
    }

    /// <summary>
    /// Sets <c>output.Grad</c> to ∂loss/∂output for loss = <see cref="Mse"/>(output, target):
    /// 2·(output − target)/N, shaped like <paramref name="output"/>, where N is the number of targets.
    /// </summary>
    public static void MseGrad(Tensor output, Tensor target)
    {
        // d(mean of squares)/d(each element) = 2·difference / N. Reshaping back "undoes the squeeze", so the gradient
        // has the output's own shape — [1, 1] for a batch of one, not [] or [1].
        Tensor difference = Residual(output, target);
        output.Grad = (difference * (2f / target.Numel)).Reshape([.. output.Shape]);
    }

    /// <summary>
    /// Sets <c>input.Grad</c> for output = <see cref="Relu"/>(input): ReLU's slope is 1 where the input is positive and 0
    /// elsewhere, so the chain rule lets through <c>output.Grad</c> exactly where input &gt; 0.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>output.Grad</c> is not set yet.</exception>
    public static void ReluGrad(Tensor input, Tensor output)
    {
        Tensor upstream = GradOf(output, nameof(ReluGrad));
        input.Grad = (input > 0f) * upstream;
    }

    /// <summary>
    /// Sets the gradients of a linear layer output = input @ w + b from <c>output.Grad</c>:
    /// input.Grad = output.Grad @ wᵀ, w.Grad = inputᵀ @ output.Grad, b.Grad = output.Grad summed over the batch.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>output.Grad</c> is not set yet.</exception>
    public static void LinGrad(Tensor input, Tensor output, Tensor w, Tensor b)
    {
        Tensor upstream = GradOf(output, nameof(LinGrad));
        // output[i, j] = Σₖ input[i, k]·w[k, j] + b[j]. Each input[i, k] reaches every output[i, j] through w[k, j],
        // so its gradient sums upstream[i, j]·w[k, j] over j: a product with wᵀ.
        input.Grad = Tensor.Matmul(upstream, w.T());
        // Each w[k, j] reaches output[i, j] for every row i, multiplied by input[i, k]: sum over the batch, inputᵀ @ upstream.
        w.Grad = Tensor.Matmul(input.T(), upstream);
        // b[j] is added to every row of column j with slope 1: sum the column.
        b.Grad = upstream.Sum(0);
    }

    private static Tensor Residual(Tensor output, Tensor target)
    {
        // Squeeze(-1), not Squeeze(): with a batch of one, Squeeze() would turn [1, 1] into a scalar with no batch
        // dimension left, and the check below would (rightly) refuse a scalar against a target of shape [1].
        Tensor squeezed = output.Squeeze(-1);
        if (!squeezed.Shape.SequenceEqual(target.Shape))
            // Broadcasting would turn [n] − [n, 1] into an [n, n] matrix and a silently wrong loss: refuse it.
            throw new ArgumentException(
                $"Using a target size ({ShapeRules.Format(target.Shape)}) that is different to the input size ({ShapeRules.Format(squeezed.Shape)}) " +
                $"(the output {ShapeRules.Format(output.Shape)} with its last dimension squeezed)");
        return squeezed - target;
    }

    private static Tensor GradOf(Tensor output, string step) =>
        output.Grad ?? throw new InvalidOperationException(
            $"{step} needs output.Grad, the gradient of the loss with respect to this layer's output. " +
            "Run the backward step of the layer that comes after this one first: backward goes in reverse order.");

    private static void CheckLinShapes(Tensor x, Tensor w, Tensor b)
    {
        if (x.Rank != 2 || w.Rank != 2 || b.Rank != 1)
            throw new ArgumentException(
                $"Lin expects x as [batch, n_in], w as [n_in, n_out] and b as [n_out], but got {ShapeRules.Format(x.Shape)}, {ShapeRules.Format(w.Shape)} and {ShapeRules.Format(b.Shape)}");
        if (x.Shape[1] != w.Shape[0])
            throw new ArgumentException($"mat1 and mat2 shapes cannot be multiplied ({x.Shape[0]}x{x.Shape[1]} and {w.Shape[0]}x{w.Shape[1]})");
        if (b.Shape[0] != w.Shape[1])
            throw new ArgumentException(
                $"Lin needs one bias per output: w {ShapeRules.Format(w.Shape)} has {w.Shape[1]} outputs but b has shape {ShapeRules.Format(b.Shape)}");
    }
}
