namespace Katas.Initialization;

/// <summary>Which fan an initialization keeps the variance for.</summary>
public enum FanMode
{
    /// <summary>Keep the activations' variance in the forward pass (the number of inputs per output).</summary>
    FanIn,
    /// <summary>Keep the gradients' variance in the backward pass (the number of outputs per input).</summary>
    FanOut,
}
