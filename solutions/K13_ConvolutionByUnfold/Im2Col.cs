using Foundations;

namespace Katas.ConvolutionByUnfold;

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
        ArgumentNullException.ThrowIfNull(columns);
        if (channels < 1 || height < 1 || width < 1 || kernelHeight < 1 || kernelWidth < 1 || stride < 1 || padding < 0)
            throw new ArgumentException(
                $"Fold needs positive sizes, kernel and stride and a non-negative padding, but got channels={channels}, size=({height} x {width}), kernel=({kernelHeight} x {kernelWidth}), stride={stride}, padding={padding}");
        int outH = OutputSize(height, kernelHeight, stride, padding), outW = OutputSize(width, kernelWidth, stride, padding);
        int rows = channels * kernelHeight * kernelWidth, count = outH * outW;
        if (columns.Rank != 3 || columns.Shape[1] != rows || columns.Shape[2] != count)
            throw new ArgumentException(
                $"Fold of {channels} channels of {height}x{width} with a {kernelHeight}x{kernelWidth} kernel (stride {stride}, padding {padding}) expects columns of shape [N, {rows}, {count}], but got {ShapeRules.Format(columns.Shape)}");

        int n = columns.Shape[0];
        var result = Tensor.Zeros(n, channels, height, width);
        Tensor source = columns.Contiguous();
        float[] from = source.Storage, to = result.Storage;
        // The same walk as Unfold; where Unfold copied a pixel into a column, Fold adds the column's entry
        // back, so a pixel under k patches collects k contributions (the chain rule's sum over every use).
        for (int image = 0; image < n; image++)
            for (int channel = 0; channel < channels; channel++)
                for (int ky = 0; ky < kernelHeight; ky++)
                    for (int kx = 0; kx < kernelWidth; kx++)
                    {
                        int row = (channel * kernelHeight + ky) * kernelWidth + kx;
                        int rowStart = source.Offset + (image * rows + row) * count;
                        int planeStart = (image * channels + channel) * height * width;
                        for (int oy = 0; oy < outH; oy++)
                        {
                            int y = oy * stride + ky - padding;
                            if (y < 0 || y >= height) continue; // padding: nothing to give back
                            for (int ox = 0; ox < outW; ox++)
                            {
                                int x = ox * stride + kx - padding;
                                if (x < 0 || x >= width) continue;
                                to[planeStart + y * width + x] += from[rowStart + oy * outW + ox];
                            }
                        }
                    }
        return result;
    }
}
