using Foundations;

namespace Katas.Initialization;

/// <summary>
/// Weight initializations that keep the scale of the activations near 1 through a deep net:
/// PyTorch's <c>torch.nn.init</c> (<c>calculate_gain</c>, <c>kaiming_*</c>, <c>xavier_*</c>) rebuilt from the formulas.
/// </summary>
public static class Init
{
    /// <summary>
    /// How much a nonlinearity shrinks the scale of what goes through it, as the factor to put back into the
    /// weights' standard deviation: 1 for linear layers, convolutions and sigmoid, 5/3 for tanh, √2 for ReLU,
    /// √(2/(1+a²)) for leaky ReLU with negative slope a (0.01 when <paramref name="param"/> is null), 3/4 for SELU.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown nonlinearity ("Unsupported nonlinearity 42"), or a slope that is not a
    /// finite number ("negative_slope NaN not a valid number").</exception>
    public static double CalculateGain(Nonlinearity nonlinearity, double? param = null)
    {
        throw new NotImplementedException("Kata 08: a switch over the nonlinearity; leaky ReLU's gain is √(2/(1+a²)).");
    }

    /// <summary>
    /// The number of inputs and outputs each weight takes part in, for a weight of shape
    /// [out, in, k₁, k₂, …] (PyTorch's layout): fan_in = in·k₁·k₂·…, fan_out = out·k₁·k₂·…
    /// The product of the kernel sizes is the receptive field: [32, 1, 5, 5] gives (25, 800).
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 2 dimensions: "Fan in and fan out can not be computed for tensor with
    /// fewer than 2 dimensions".</exception>
    public static (int FanIn, int FanOut) FanInAndFanOut(IReadOnlyList<int> shape)
    {
        throw new NotImplementedException("Kata 08: multiply shape[1] and shape[0] by the product of the remaining sizes.");
    }

    /// <summary>
    /// Kaiming (He) normal: N(0, std²) with std = gain / √fan, where gain = <see cref="CalculateGain"/> of
    /// <paramref name="nonlinearity"/> with slope <paramref name="a"/> (a = 0 with the default leaky ReLU is plain ReLU, std = √(2/fan)).
    /// Draw the numbers from <paramref name="rng"/>.
    /// </summary>
    public static Tensor KaimingNormal(int[] shape, double a, FanMode mode, Rng rng, Nonlinearity nonlinearity = Nonlinearity.LeakyRelu)
    {
        throw new NotImplementedException("Kata 08: Tensor.Randn(rng, shape) times gain/√fan.");
    }

    /// <summary>
    /// Kaiming (He) uniform: U(−bound, bound) with bound = gain·√(3/fan). A uniform on [−b, b] has std b/√3,
    /// so this has the same std as <see cref="KaimingNormal"/>.
    /// </summary>
    public static Tensor KaimingUniform(int[] shape, double a, FanMode mode, Rng rng, Nonlinearity nonlinearity = Nonlinearity.LeakyRelu)
    {
        throw new NotImplementedException("Kata 08: Tensor.Uniform(rng, -bound, bound, shape) with bound = gain·√(3/fan).");
    }

    /// <summary>Xavier (Glorot) normal: N(0, std²) with std = gain·√(2/(fan_in + fan_out)).</summary>
    public static Tensor XavierNormal(int[] shape, double gain, Rng rng)
    {
        throw new NotImplementedException("Kata 08: std = gain·√(2/(fan_in + fan_out)).");
    }

    /// <summary>Xavier (Glorot) uniform: U(−bound, bound) with bound = gain·√(6/(fan_in + fan_out)).</summary>
    public static Tensor XavierUniform(int[] shape, double gain, Rng rng)
    {
        throw new NotImplementedException("Kata 08: bound = gain·√(6/(fan_in + fan_out)).");
    }

    /// <summary>
    /// What PyTorch's <c>nn.Linear</c> and <c>nn.Conv2d</c> do by default: <see cref="KaimingUniform"/> with a = √5,
    /// which works out to U(−1/√fan_in, 1/√fan_in).
    /// </summary>
    public static Tensor TorchLinearDefault(int[] shape, Rng rng)
    {
        throw new NotImplementedException("Kata 08: KaimingUniform with a = √5 and fan_in.");
    }
}
