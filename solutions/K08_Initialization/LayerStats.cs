namespace Katas.Initialization;

/// <summary>The mean and standard deviation of the activations that come out of layer <paramref name="Layer"/> (counted from 1).</summary>
public readonly record struct LayerStats(int Layer, float Mean, float Std);
