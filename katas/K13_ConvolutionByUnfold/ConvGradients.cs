using Foundations;

namespace Katas.ConvolutionByUnfold;

/// <summary>The gradients of a loss with respect to a convolution's input, weight and bias.</summary>
public sealed record ConvGradients(Tensor Input, Tensor Weight, Tensor Bias);
