using Foundations;

namespace KataTests.K13_ConvolutionByUnfold;

/// <summary>
/// The convolution and the why-√5 stack written out again in the test, in double precision and plain loops, straight
/// from the README's formula. They share no code with the kata, so comparing with them checks the kata against the
/// definition rather than one of the learner's functions against another.
/// </summary>
internal static class ConvReference
{
    /// <summary>out[n, o, y, x] = bias[o] + Σ input[n, c, y·s + ky − p, x·s + kx − p] · weight[o, c, ky, kx], zeros outside.</summary>
    public static Tensor Conv(Tensor input, Tensor weight, Tensor? bias, int stride, int padding)
    {
        int n = input.Shape[0], c = input.Shape[1], h = input.Shape[2], w = input.Shape[3];
        int o = weight.Shape[0], kh = weight.Shape[2], kw = weight.Shape[3];
        int outH = (h + 2 * padding - kh) / stride + 1, outW = (w + 2 * padding - kw) / stride + 1;
        float[] x = input.ToArray(), k = weight.ToArray();
        float[]? b = bias?.ToArray();
        var result = new float[n * o * outH * outW];
        for (int image = 0; image < n; image++)
            for (int filter = 0; filter < o; filter++)
                for (int oy = 0; oy < outH; oy++)
                    for (int ox = 0; ox < outW; ox++)
                    {
                        double sum = b is null ? 0 : b[filter];
                        for (int channel = 0; channel < c; channel++)
                            for (int ky = 0; ky < kh; ky++)
                                for (int kx = 0; kx < kw; kx++)
                                {
                                    int y = oy * stride + ky - padding, xx = ox * stride + kx - padding;
                                    if (y < 0 || y >= h || xx < 0 || xx >= w) continue;
                                    sum += (double)x[((image * c + channel) * h + y) * w + xx] * k[((filter * c + channel) * kh + ky) * kw + kx];
                                }
                        result[((image * o + filter) * outH + oy) * outW + ox] = (float)sum;
                    }
        return Tensor.FromArray(result, [n, o, outH, outW]);
    }

    /// <summary>Unfold by its definition: row (c·kH + ky)·kW + kx, column oy·outW + ox holds the padded input under that tap.</summary>
    public static Tensor Unfold(Tensor input, int kh, int kw, int stride, int padding)
    {
        int n = input.Shape[0], c = input.Shape[1], h = input.Shape[2], w = input.Shape[3];
        int outH = (h + 2 * padding - kh) / stride + 1, outW = (w + 2 * padding - kw) / stride + 1;
        var result = Tensor.Zeros(n, c * kh * kw, outH * outW);
        for (int image = 0; image < n; image++)
            for (int channel = 0; channel < c; channel++)
                for (int ky = 0; ky < kh; ky++)
                    for (int kx = 0; kx < kw; kx++)
                        for (int oy = 0; oy < outH; oy++)
                            for (int ox = 0; ox < outW; ox++)
                            {
                                int y = oy * stride + ky - padding, x = ox * stride + kx - padding;
                                if (y >= 0 && y < h && x >= 0 && x < w)
                                    result[image, (channel * kh + ky) * kw + kx, oy * outW + ox] = input[image, channel, y, x];
                            }
        return result;
    }

    /// <summary>Std with Bessel's correction (n − 1), in double.</summary>
    public static double Std(Tensor t)
    {
        float[] v = t.ToArray();
        double mean = v.Average(x => (double)x);
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
    }
}
