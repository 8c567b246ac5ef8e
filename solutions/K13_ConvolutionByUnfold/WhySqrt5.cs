using Foundations;

namespace Katas.ConvolutionByUnfold;

/// <summary>
/// The experiment of fastai's 02a_why_sqrt5 notebook: a stack of four stride-2 convolutions with ReLUs
/// between them, initialised the PyTorch way or the Kaiming way, and the std of what each layer outputs.
/// </summary>
public static class WhySqrt5
{
    /// <summary>(in, out, kernel, stride, padding) of each layer: 28×28 → 14×14 → 7×7 → 4×4 → 2×2.</summary>
    private static readonly (int In, int Out, int Kernel, int Stride, int Padding)[] Layers =
        [(1, 8, 5, 2, 2), (8, 16, 3, 2, 1), (16, 32, 3, 2, 1), (32, 1, 3, 2, 1)];

    /// <summary>
    /// Runs [N, 1, 28, 28] images through conv → ReLU → conv → ReLU → conv → ReLU → conv with weights
    /// (and biases) from <paramref name="scheme"/>, returning the std of each convolution's output.
    /// The layers (in, out, kernel, stride, padding): (1, 8, 5, 2, 2), (8, 16, 3, 2, 1), (16, 32, 3, 2, 1), (32, 1, 3, 2, 1).
    /// </summary>
    /// <exception cref="ArgumentException">Images are not [N, 1, H, W].</exception>
    public static double[] LayerStds(Tensor images, InitScheme scheme, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(rng);
        if (images.Rank != 4 || images.Shape[1] != 1)
            throw new ArgumentException($"expected greyscale images [N, 1, H, W], but got {ShapeRules.Format(images.Shape)}");

        var stds = new double[Layers.Length];
        Tensor x = images;
        for (int i = 0; i < Layers.Length; i++)
        {
            var (inputs, outputs, kernel, stride, padding) = Layers[i];
            int[] shape = [outputs, inputs, kernel, kernel];
            float bound = 1f / MathF.Sqrt(ConvInit.FanIn(shape));
            Tensor weight = scheme == InitScheme.Kaiming ? ConvInit.KaimingNormal(shape, rng) : ConvInit.TorchDefault(shape, rng);
            Tensor bias = scheme == InitScheme.Kaiming ? Tensor.Zeros(outputs) : Tensor.Uniform(rng, -bound, bound, outputs);
            x = Conv2d.ByUnfold(x, weight, bias, stride, padding);
            stds[i] = x.Std().Item();
            if (i < Layers.Length - 1) x = x.ClampMin(0f); // ReLU between layers, none after the last
        }
        return stds;
    }
}
