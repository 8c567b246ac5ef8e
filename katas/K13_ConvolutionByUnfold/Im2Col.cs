using Foundations;

namespace Katas.Convolution;

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
}
