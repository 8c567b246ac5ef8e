using Foundations;

namespace Katas.ConvolutionByUnfold;

/// <summary>Weight initialisation for a convolution, where fan-in counts every input a filter reads (K08's ideas).</summary>
public static class ConvInit
{
    /// <summary>
    /// The number of inputs each output sums over: in_channels × kH × kW for a weight of shape
    /// [out_channels, in_channels, kH, kW] (the receptive field times the input channels).
    /// </summary>
    /// <exception cref="ArgumentException">The shape has fewer than two dimensions.</exception>
    public static int FanIn(IReadOnlyList<int> weightShape)
    {
        ArgumentNullException.ThrowIfNull(weightShape);
        if (weightShape.Count < 2)
            throw new ArgumentException($"Fan in and fan out can not be computed for tensor with fewer than 2 dimensions (shape {ShapeRules.Format(weightShape)})");
        int fanIn = 1;
        for (int d = 1; d < weightShape.Count; d++) fanIn *= weightShape[d];
        return fanIn;
    }

    /// <summary>Kaiming normal for ReLU: N(0, std²) with std = √2 / √fan_in, so a ReLU layer keeps its input's scale.</summary>
    public static Tensor KaimingNormal(int[] weightShape, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return Tensor.Randn(rng, weightShape) * MathF.Sqrt(2f / FanIn(weightShape));
    }

    /// <summary>
    /// PyTorch's default conv weight: kaiming_uniform with a = √5. The gain is √(2 / (1 + a²)) = √(1/3),
    /// the std gain/√fan_in, and a uniform's bound is √3·std — so U(−1/√fan_in, 1/√fan_in), a std of
    /// 1/√(3·fan_in): about √6 ≈ 2.45 times smaller than Kaiming's.
    /// </summary>
    public static Tensor TorchDefault(int[] weightShape, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        float bound = 1f / MathF.Sqrt(FanIn(weightShape));
        return Tensor.Uniform(rng, -bound, bound, weightShape);
    }
}
