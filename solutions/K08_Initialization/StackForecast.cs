namespace Katas.Initialization;

/// <summary>
/// Predicts, before running anything, where a stack of plain linear layers x ← x @ wᵀ, with w = randn(width, width) · scale,
/// leaves the range of float32 (questionnaire question 28: the downside of activations whose std is far from 1).
/// </summary>
public static class StackForecast
{
    /// <summary>Beyond this many layers a forecast is "never" (null): no stack you would build gets there.</summary>
    public const int MaxLayers = 100_000;

    /// <summary>
    /// Each layer sums <paramref name="width"/> products of numbers with std s and <paramref name="scale"/>, so it multiplies
    /// the activations' std by g = scale·√width; after L layers the std is g^L. Returns the first layer L at which g^L is
    /// above float.MaxValue (≈ 3.4e38, the stack overflows to ∞/NaN) or below float.Epsilon (≈ 1.4e-45, the smallest
    /// positive float: the stack underflows to 0). Returns null when g is exactly 1 or the layer is beyond <see cref="MaxLayers"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">scale is not a positive finite number, or width is below 1.</exception>
    public static int? FirstBrokenLayer(double scale, int width)
    {
        if (!(scale > 0) || double.IsInfinity(scale))
            throw new ArgumentOutOfRangeException(nameof(scale), scale, $"scale must be a positive finite number, but got {scale}");
        if (width < 1)
            throw new ArgumentOutOfRangeException(nameof(width), width, $"width must be at least 1, but got {width}");

        double logGrowth = Math.Log(scale * Math.Sqrt(width)); // ln g: the std's change per layer, in log space
        if (logGrowth == 0) return null;                        // g = 1: the std stays where it started

        // g^L = limit  ⇔  L = ln(limit) / ln g. Growing stacks hit the largest float, shrinking ones the smallest.
        double limit = logGrowth > 0 ? Math.Log(float.MaxValue) : Math.Log(float.Epsilon);
        double layers = Math.Ceiling(limit / logGrowth);
        return layers > MaxLayers ? null : (int)layers;
    }
}
