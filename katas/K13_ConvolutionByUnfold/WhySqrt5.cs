using Foundations;

namespace Katas.ConvolutionByUnfold;

/// <summary>
/// The experiment of fastai's 02a_why_sqrt5 notebook: a stack of four stride-2 convolutions with ReLUs
/// between them, initialised the PyTorch way or the Kaiming way, and the std of what each layer outputs.
/// </summary>
public static class WhySqrt5
{
    /// <summary>
    /// Runs [N, 1, 28, 28] images through conv → ReLU → conv → ReLU → conv → ReLU → conv with weights
    /// (and biases) from <paramref name="scheme"/>, returning the std of each convolution's output.
    /// The layers (in, out, kernel, stride, padding): (1, 8, 5, 2, 2), (8, 16, 3, 2, 1), (16, 32, 3, 2, 1), (32, 1, 3, 2, 1).
    /// </summary>
    /// <exception cref="ArgumentException">Images are not [N, 1, H, W].</exception>
    public static double[] LayerStds(Tensor images, InitScheme scheme, Rng rng)
    {
        throw new NotImplementedException("Kata 13: four Conv2d.ByUnfold layers with ReLU between them; record each output's Std.");
    }
}
