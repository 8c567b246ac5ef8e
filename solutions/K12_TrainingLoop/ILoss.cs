using Foundations;

namespace Katas.TrainingLoop;

/// <summary>A loss function and its gradient with respect to the model's output.</summary>
public interface ILoss
{
    /// <summary>The loss of <paramref name="output"/> against <paramref name="targets"/>, averaged over the batch.</summary>
    float Value(Tensor output, int[] targets);

    /// <summary>∂Value/∂output, the same shape as <paramref name="output"/>.</summary>
    Tensor Gradient(Tensor output, int[] targets);
}
