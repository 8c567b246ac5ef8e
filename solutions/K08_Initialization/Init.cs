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
    /// <exception cref="ArgumentException">An unknown nonlinearity, or a slope that is not a finite number.</exception>
    public static double CalculateGain(Nonlinearity nonlinearity, double? param = null)
    {
        switch (nonlinearity)
        {
            // Linear maps keep the variance they are given: nothing to compensate.
            case Nonlinearity.Linear or Nonlinearity.Conv1d or Nonlinearity.Conv2d or Nonlinearity.Conv3d
                or Nonlinearity.ConvTranspose1d or Nonlinearity.ConvTranspose2d or Nonlinearity.ConvTranspose3d
                or Nonlinearity.Sigmoid:
                return 1.0;
            case Nonlinearity.Tanh:
                return 5.0 / 3.0;
            // ReLU zeroes half of a symmetric input, which halves E[x²]: multiply the variance back by 2.
            case Nonlinearity.Relu:
                return Math.Sqrt(2.0);
            // Leaky ReLU keeps a² of the negative half's square, so E[x²] is multiplied by (1 + a²)/2.
            case Nonlinearity.LeakyRelu:
                double slope = param ?? 0.01;
                if (!double.IsFinite(slope))
                    throw new ArgumentException($"negative_slope {slope} not a valid number", nameof(param));
                return Math.Sqrt(2.0 / (1.0 + slope * slope));
            case Nonlinearity.Selu:
                return 3.0 / 4.0;
            default:
                // An enum can hold any integer: (Nonlinearity)42 must not fall through to a made-up gain.
                throw new ArgumentException($"Unsupported nonlinearity {nonlinearity}", nameof(nonlinearity));
        }
    }

    /// <summary>
    /// The number of inputs and outputs each weight takes part in, for a weight of shape
    /// [out, in, k₁, k₂, …] (PyTorch's layout): fan_in = in·k₁·k₂·…, fan_out = out·k₁·k₂·…
    /// The product of the kernel sizes is the receptive field: [32, 1, 5, 5] gives (25, 800).
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 2 dimensions.</exception>
    public static (int FanIn, int FanOut) FanInAndFanOut(IReadOnlyList<int> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Count < 2)
            throw new ArgumentException(
                $"Fan in and fan out can not be computed for tensor with fewer than 2 dimensions (got shape {ShapeRules.Format(shape)})", nameof(shape));

        // Every dimension after the first two belongs to the kernel: each weight there is used once per output
        // channel (for fan_out) or once per input channel (for fan_in).
        int receptiveField = 1;
        for (int d = 2; d < shape.Count; d++) receptiveField *= shape[d];
        return (shape[1] * receptiveField, shape[0] * receptiveField);
    }

    /// <summary>
    /// Kaiming (He) normal: N(0, std²) with std = gain / √fan, where gain = <see cref="CalculateGain"/> of
    /// <paramref name="nonlinearity"/> with slope <paramref name="a"/> (a = 0 with the default leaky ReLU is plain ReLU, std = √(2/fan)).
    /// </summary>
    public static Tensor KaimingNormal(int[] shape, double a, FanMode mode, Rng rng, Nonlinearity nonlinearity = Nonlinearity.LeakyRelu)
    {
        double std = KaimingStd(shape, a, mode, nonlinearity);
        return Tensor.Randn(rng, shape) * (float)std;
    }

    /// <summary>
    /// Kaiming (He) uniform: U(−bound, bound) with bound = gain·√(3/fan). A uniform on [−b, b] has std b/√3,
    /// so this has the same std as <see cref="KaimingNormal"/>.
    /// </summary>
    public static Tensor KaimingUniform(int[] shape, double a, FanMode mode, Rng rng, Nonlinearity nonlinearity = Nonlinearity.LeakyRelu)
    {
        float bound = (float)(Math.Sqrt(3.0) * KaimingStd(shape, a, mode, nonlinearity));
        return Tensor.Uniform(rng, -bound, bound, shape);
    }

    /// <summary>Xavier (Glorot) normal: N(0, std²) with std = gain·√(2/(fan_in + fan_out)).</summary>
    public static Tensor XavierNormal(int[] shape, double gain, Rng rng)
    {
        var (fanIn, fanOut) = FanInAndFanOut(shape);
        // Glorot and Bengio average the two fans: a compromise between the forward and the backward pass.
        double std = gain * Math.Sqrt(2.0 / Math.Max(1, fanIn + fanOut));
        return Tensor.Randn(rng, shape) * (float)std;
    }

    /// <summary>Xavier (Glorot) uniform: U(−bound, bound) with bound = gain·√(6/(fan_in + fan_out)).</summary>
    public static Tensor XavierUniform(int[] shape, double gain, Rng rng)
    {
        var (fanIn, fanOut) = FanInAndFanOut(shape);
        float bound = (float)(gain * Math.Sqrt(6.0 / Math.Max(1, fanIn + fanOut)));
        return Tensor.Uniform(rng, -bound, bound, shape);
    }

    /// <summary>
    /// What PyTorch's <c>nn.Linear</c> and <c>nn.Conv2d</c> do by default: <see cref="KaimingUniform"/> with a = √5,
    /// which works out to U(−1/√fan_in, 1/√fan_in) — a std of 1/√(3·fan_in), √6 times smaller than ReLU needs.
    /// </summary>
    public static Tensor TorchLinearDefault(int[] shape, Rng rng) => KaimingUniform(shape, Math.Sqrt(5.0), FanMode.FanIn, rng);

    private static double KaimingStd(int[] shape, double a, FanMode mode, Nonlinearity nonlinearity)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var (fanIn, fanOut) = FanInAndFanOut(shape);
        int fan = mode switch
        {
            FanMode.FanIn => fanIn,
            FanMode.FanOut => fanOut,
            _ => throw new ArgumentException($"Mode {mode} not supported, please use one of fan_in, fan_out", nameof(mode)),
        };
        // A shape with a zero in it has no weights to draw; guard the division rather than return infinities.
        return CalculateGain(nonlinearity, a) / Math.Sqrt(Math.Max(1, fan));
    }
}
