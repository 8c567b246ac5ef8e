using Foundations;

namespace Katas.Convolution;

/// <summary>
/// im2col ("image to columns", PyTorch's <c>F.unfold</c>): every patch a kernel would see, laid out
/// as one column, so that a whole convolution becomes a single matrix product.
/// </summary>
public static class Im2Col
{
    /// <summary>The output size along one dimension: ⌊(input + 2·padding − kernel) / stride⌋ + 1.</summary>
    public static int OutputSize(int inputSize, int kernelSize, int stride, int padding) =>
        (inputSize + 2 * padding - kernelSize) / stride + 1;

    /// <summary>
    /// Unfolds [N, C, H, W] into [N, C·kH·kW, L], L = outH·outW: column l of image n holds the
    /// C·kH·kW pixels under the kernel at output position l (row-major over outH×outW), in the
    /// order (channel, kernel row, kernel column). Padding reads as zeros.
    /// </summary>
    /// <exception cref="ArgumentException">Input not 4-D, a non-positive kernel or stride, negative padding, or a kernel larger than the padded input.</exception>
    public static Tensor Unfold(Tensor input, int kernelHeight, int kernelWidth, int stride = 1, int padding = 0)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4)
            throw new ArgumentException($"Expected 4D (batched) input to unfold, but got input of size: {ShapeRules.Format(input.Shape)}");
        if (kernelHeight <= 0 || kernelWidth <= 0)
            throw new ArgumentException($"kernel size should be greater than zero, but got kernel_size=({kernelHeight}, {kernelWidth})");
        if (stride <= 0) throw new ArgumentException($"non-positive stride is not supported (stride={stride})");
        if (padding < 0) throw new ArgumentException($"negative padding is not supported (padding={padding})");
        int n = input.Shape[0], c = input.Shape[1], h = input.Shape[2], w = input.Shape[3];
        if (h + 2 * padding < kernelHeight || w + 2 * padding < kernelWidth)
            throw new ArgumentException(
                $"Calculated padded input size per channel: ({h + 2 * padding} x {w + 2 * padding}). Kernel size: ({kernelHeight} x {kernelWidth}). Kernel size can't be greater than actual input size");

        int outH = OutputSize(h, kernelHeight, stride, padding), outW = OutputSize(w, kernelWidth, stride, padding);
        int rows = c * kernelHeight * kernelWidth, columns = outH * outW;
        var result = Tensor.Zeros(n, rows, columns); // zeros: padded positions are simply never written

        // Work on the flat storage: this loop runs once per output pixel per kernel tap.
        Tensor source = input.Contiguous();
        float[] from = source.Storage, to = result.Storage;
        for (int image = 0; image < n; image++)
            for (int channel = 0; channel < c; channel++)
                for (int ky = 0; ky < kernelHeight; ky++)
                    for (int kx = 0; kx < kernelWidth; kx++)
                    {
                        int row = (channel * kernelHeight + ky) * kernelWidth + kx;
                        int rowStart = (image * rows + row) * columns;
                        int planeStart = source.Offset + (image * c + channel) * h * w;
                        for (int oy = 0; oy < outH; oy++)
                        {
                            int y = oy * stride + ky - padding; // the input row this tap reads
                            if (y < 0 || y >= h) continue;
                            for (int ox = 0; ox < outW; ox++)
                            {
                                int x = ox * stride + kx - padding;
                                if (x < 0 || x >= w) continue;
                                to[rowStart + oy * outW + ox] = from[planeStart + y * w + x];
                            }
                        }
                    }
        return result;
    }
}
