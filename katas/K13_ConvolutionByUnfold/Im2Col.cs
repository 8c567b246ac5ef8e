using Foundations;

namespace Katas.ConvolutionByUnfold;

/// <summary>
/// im2col ("image to columns", PyTorch's <c>F.unfold</c>): every patch a kernel would see, laid out
/// as one column, so that a whole convolution becomes a single matrix product.
/// </summary>
public static class Im2Col
{
    /// <summary>The output size along one dimension: ⌊(input + 2·padding − kernel) / stride⌋ + 1.</summary>
    public static int OutputSize(int inputSize, int kernelSize, int stride, int padding)
    {
        throw new NotImplementedException("Kata 13: count the kernel positions that fit in the padded input.");
    }

    /// <summary>
    /// Unfolds [N, C, H, W] into [N, C·kH·kW, L], L = outH·outW: column l of image n holds the
    /// C·kH·kW pixels under the kernel at output position l (row-major over outH×outW), in the
    /// order (channel, kernel row, kernel column). Padding reads as zeros.
    /// </summary>
    /// <exception cref="ArgumentException">Input not 4-D, a non-positive kernel or stride, negative padding, or a kernel larger than the padded input.</exception>
    public static Tensor Unfold(Tensor input, int kernelHeight, int kernelWidth, int stride = 1, int padding = 0)
    {
        throw new NotImplementedException("Kata 13: loops over image, channel, kernel row and column, output row and column.");
    }

    /// <summary>
    /// col2im, the reverse of <see cref="Unfold"/> (PyTorch's <c>F.fold</c>): adds every entry of
    /// <paramref name="columns"/> [N, C·kH·kW, L] back onto the input pixel it was copied from, giving
    /// [N, C, H, W]. A pixel that several patches saw receives the sum of their entries; entries that came
    /// from the padding are dropped. This is how a convolution's gradient reaches its input.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// columns is not 3-D, or its shape does not fit C·kH·kW rows and outH·outW columns for the given sizes.
    /// </exception>
    public static Tensor Fold(Tensor columns, int channels, int height, int width, int kernelHeight, int kernelWidth, int stride = 1, int padding = 0)
    {
        throw new NotImplementedException("Kata 13: the loops of Unfold, with the copy turned around and made a sum: to[pixel] += from[column entry].");
    }
}
