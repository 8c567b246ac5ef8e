namespace Katas.ConvolutionByUnfold;

/// <summary>How the "why √5" experiment initialises each convolution's weights.</summary>
public enum InitScheme
{
    /// <summary>PyTorch's default for <c>nn.Conv2d</c>: kaiming_uniform with a = √5, i.e. U(−1/√fan_in, 1/√fan_in), and a bias from the same range.</summary>
    TorchDefault,

    /// <summary>Kaiming (He) normal for ReLU: N(0, 2/fan_in), zero bias.</summary>
    Kaiming,
}
