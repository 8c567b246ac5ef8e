using Foundations;

namespace Katas.TrainingLoop;

/// <summary>Cross-entropy on logits, as an <see cref="ILoss"/>: <see cref="Functional.CrossEntropy"/> and its gradient.</summary>
public sealed class CrossEntropyLoss : ILoss
{
    /// <inheritdoc/>
    public float Value(Tensor output, int[] targets) => Functional.CrossEntropy(output, targets);

    /// <inheritdoc/>
    public Tensor Gradient(Tensor output, int[] targets) => Functional.CrossEntropyGradient(output, targets);
}
