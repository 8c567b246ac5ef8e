using Foundations;

namespace Katas.TrainingLoop;

/// <summary>A model <see cref="Trainer.Fit"/> can train: a forward pass, a backward pass, and the tensors to update.</summary>
public interface IModel
{
    /// <summary>The model's output for a batch of inputs; keeps what <see cref="Backward"/> will need.</summary>
    Tensor Forward(Tensor x);

    /// <summary>Given ∂loss/∂output of the last <see cref="Forward"/>, sets <c>Grad</c> on every parameter.</summary>
    void Backward(Tensor outputGradient);

    /// <summary>The weights and biases, in a fixed order; their <c>Grad</c> is set by <see cref="Backward"/>.</summary>
    IReadOnlyList<Tensor> Parameters { get; }
}
