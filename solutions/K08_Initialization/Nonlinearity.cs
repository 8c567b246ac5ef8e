namespace Katas.Initialization;

/// <summary>The layers and activations PyTorch's <c>calculate_gain</c> knows a gain for.</summary>
public enum Nonlinearity
{
    /// <summary>No activation: a plain linear layer.</summary>
    Linear,
    /// <summary>A 1-D convolution (linear, gain 1).</summary>
    Conv1d,
    /// <summary>A 2-D convolution (linear, gain 1).</summary>
    Conv2d,
    /// <summary>A 3-D convolution (linear, gain 1).</summary>
    Conv3d,
    /// <summary>A 1-D transposed convolution (linear, gain 1).</summary>
    ConvTranspose1d,
    /// <summary>A 2-D transposed convolution (linear, gain 1).</summary>
    ConvTranspose2d,
    /// <summary>A 3-D transposed convolution (linear, gain 1).</summary>
    ConvTranspose3d,
    /// <summary>The logistic sigmoid (gain 1).</summary>
    Sigmoid,
    /// <summary>The hyperbolic tangent (gain 5/3).</summary>
    Tanh,
    /// <summary>The rectified linear unit (gain √2).</summary>
    Relu,
    /// <summary>ReLU with a small slope a for negatives (gain √(2/(1+a²))).</summary>
    LeakyRelu,
    /// <summary>The scaled exponential linear unit (gain 3/4).</summary>
    Selu,
}
