using Foundations;

namespace Katas.Convolution;

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
        throw new NotImplementedException("Kata 13: Im2Col.Unfold, weight.Reshape(O, -1), one MatMul, reshape, add the bias.");
    }
}
