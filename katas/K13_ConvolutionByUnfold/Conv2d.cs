using Foundations;

namespace Katas.ConvolutionByUnfold;

/// <summary>
/// A 2-D convolution (PyTorch's <c>F.conv2d</c> with groups = 1 and no dilation), twice: as the
/// definition written in loops, and as unfold + one matrix product, which is how libraries do it.
/// </summary>
public static class Conv2d
{
    /// <summary>
    /// out[n, o, y, x] = bias[o] + Σ_c Σ_ky Σ_kx input[n, c, y·s + ky − p, x·s + kx − p] · weight[o, c, ky, kx],
    /// reading zeros outside the input. Input [N, C, H, W], weight [O, C, kH, kW], bias [O] or null.
    /// </summary>
    /// <exception cref="ArgumentException">Shapes that do not fit, in PyTorch's words.</exception>
    public static Tensor Direct(Tensor input, Tensor weight, Tensor? bias, int stride = 1, int padding = 0)
    {
        throw new NotImplementedException("Kata 13: check the shapes, then the definition as seven nested loops.");
    }

    /// <summary>
    /// The same convolution as <see cref="Direct"/>: unfold the input to [N, C·kH·kW, L], flatten the
    /// weight to [O, C·kH·kW], and one (batched) matrix product gives [N, O, L] = [N, O, outH, outW].
    /// </summary>
    /// <exception cref="ArgumentException">Shapes that do not fit, in PyTorch's words.</exception>
    public static Tensor ByUnfold(Tensor input, Tensor weight, Tensor? bias, int stride = 1, int padding = 0)
    {
        throw new NotImplementedException("Kata 13: Im2Col.Unfold, weight.Reshape(O, -1), one Matmul, reshape, add the bias.");
    }

    /// <summary>
    /// The backward pass of <see cref="ByUnfold"/>: given ∂loss/∂output [N, O, outH, outW], the gradients of the
    /// loss with respect to the input [N, C, H, W], the weight [O, C, kH, kW] and the bias [O]. With the
    /// unfolded input X [N, C·kH·kW, L] and G = ∂loss/∂output as [N, O, L]: ∂W = Σₙ Gₙ·Xₙᵀ, ∂b = Σ over n and L
    /// of G, and ∂X = Wᵀ·Gₙ folded back onto the image (<see cref="Im2Col.Fold"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Input and weight do not fit (as in ByUnfold), or gradOutput is not [N, O, outH, outW].</exception>
    public static ConvGradients Backward(Tensor input, Tensor weight, Tensor gradOutput, int stride = 1, int padding = 0)
    {
        throw new NotImplementedException("Kata 13: unfold the input; dW = Σ G·Xᵀ, db = G summed, dX = Fold(Wᵀ·G).");
    }
}
