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
        var (outH, outW) = Check(input, weight, bias, stride, padding);
        int n = input.Shape[0], c = input.Shape[1], h = input.Shape[2], w = input.Shape[3];
        int o = weight.Shape[0], kh = weight.Shape[2], kw = weight.Shape[3];
        var result = Tensor.Zeros(n, o, outH, outW);
        for (int image = 0; image < n; image++)
            for (int filter = 0; filter < o; filter++)
                for (int oy = 0; oy < outH; oy++)
                    for (int ox = 0; ox < outW; ox++)
                    {
                        float sum = bias is null ? 0f : bias[filter];
                        for (int channel = 0; channel < c; channel++)
                            for (int ky = 0; ky < kh; ky++)
                                for (int kx = 0; kx < kw; kx++)
                                {
                                    int y = oy * stride + ky - padding, x = ox * stride + kx - padding;
                                    if (y >= 0 && y < h && x >= 0 && x < w)
                                        sum += input[image, channel, y, x] * weight[filter, channel, ky, kx];
                                }
                        result[image, filter, oy, ox] = sum;
                    }
        return result;
    }

    /// <summary>
    /// The same convolution as <see cref="Direct"/>: unfold the input to [N, C·kH·kW, L], flatten the
    /// weight to [O, C·kH·kW], and one (batched) matrix product gives [N, O, L] = [N, O, outH, outW].
    /// </summary>
    /// <exception cref="ArgumentException">Shapes that do not fit, in PyTorch's words.</exception>
    public static Tensor ByUnfold(Tensor input, Tensor weight, Tensor? bias, int stride = 1, int padding = 0)
    {
        var (outH, outW) = Check(input, weight, bias, stride, padding);
        int n = input.Shape[0], o = weight.Shape[0], kh = weight.Shape[2], kw = weight.Shape[3];
        Tensor columns = Im2Col.Unfold(input, kh, kw, stride, padding);   // [N, CkK, L]
        Tensor filters = weight.Reshape(o, -1);                           // [O, CkK]
        // The substrate multiplies [N, L, CkK] @ [CkK, O]; transposing back gives [N, O, L].
        Tensor result = Tensor.Matmul(columns.Transpose(1, 2), filters.T()).Transpose(1, 2).Reshape(n, o, outH, outW);
        return bias is null ? result : result + bias.View(1, o, 1, 1); // one bias per output channel, broadcast
    }

    private static (int OutH, int OutW) Check(Tensor input, Tensor weight, Tensor? bias, int stride, int padding)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weight);
        if (input.Rank != 4)
            throw new ArgumentException($"Expected 4D (batched) input to conv2d, but got input of size: {ShapeRules.Format(input.Shape)}");
        if (weight.Rank != 4)
            throw new ArgumentException($"weight should be 4-D [out_channels, in_channels, kH, kW], but got weight of size {ShapeRules.Format(weight.Shape)}");
        if (weight.Shape[1] != input.Shape[1])
            throw new ArgumentException(
                $"Given groups=1, weight of size {ShapeRules.Format(weight.Shape)}, expected input{ShapeRules.Format(input.Shape)} to have {weight.Shape[1]} channels, but got {input.Shape[1]} channels instead");
        if (bias is not null && (bias.Rank != 1 || bias.Shape[0] != weight.Shape[0]))
            throw new ArgumentException(
                $"Given weight of size {ShapeRules.Format(weight.Shape)}, expected bias to be 1-dimensional with {weight.Shape[0]} elements, but got bias of size {ShapeRules.Format(bias.Shape)} instead");
        if (stride <= 0) throw new ArgumentException($"non-positive stride is not supported (stride={stride})");
        if (padding < 0) throw new ArgumentException($"negative padding is not supported (padding={padding})");
        int paddedH = input.Shape[2] + 2 * padding, paddedW = input.Shape[3] + 2 * padding;
        if (paddedH < weight.Shape[2] || paddedW < weight.Shape[3])
            throw new ArgumentException(
                $"Calculated padded input size per channel: ({paddedH} x {paddedW}). Kernel size: ({weight.Shape[2]} x {weight.Shape[3]}). Kernel size can't be greater than actual input size");
        return (Im2Col.OutputSize(input.Shape[2], weight.Shape[2], stride, padding),
                Im2Col.OutputSize(input.Shape[3], weight.Shape[3], stride, padding));
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
        ArgumentNullException.ThrowIfNull(gradOutput);
        var (outH, outW) = Check(input, weight, null, stride, padding);
        int n = input.Shape[0], c = input.Shape[1], o = weight.Shape[0], kh = weight.Shape[2], kw = weight.Shape[3];
        if (gradOutput.Rank != 4 || gradOutput.Shape[0] != n || gradOutput.Shape[1] != o || gradOutput.Shape[2] != outH || gradOutput.Shape[3] != outW)
            throw new ArgumentException(
                $"gradOutput should have the output's shape [{n}, {o}, {outH}, {outW}], but got {ShapeRules.Format(gradOutput.Shape)}");

        Tensor columns = Im2Col.Unfold(input, kh, kw, stride, padding);      // X: [N, CkK, L]
        Tensor g = gradOutput.Reshape(n, o, outH * outW);                     // G: [N, O, L]
        Tensor filters = weight.Reshape(o, -1);                               // W: [O, CkK]

        // out = W·X + b for each image, so each weight gathers G·Xᵀ summed over the batch…
        Tensor gradWeight = Tensor.Matmul(g, columns.Transpose(1, 2)).Sum(0).Reshape(o, c, kh, kw);
        // …each bias every position's gradient of its channel…
        Tensor gradBias = g.Sum(2).Sum(0);
        // …and each column entry Wᵀ·G, which Fold adds back onto the pixels the column was copied from.
        Tensor gradColumns = Tensor.Matmul(g.Transpose(1, 2), filters).Transpose(1, 2); // [N, CkK, L]
        Tensor gradInput = Im2Col.Fold(gradColumns, c, input.Shape[2], input.Shape[3], kh, kw, stride, padding);
        return new ConvGradients(gradInput, gradWeight, gradBias);
    }
}
