using Foundations;

namespace Katas.TrainingLoop;

/// <summary>One mini-batch: inputs <paramref name="X"/> ([batch, features]) and their targets <paramref name="Y"/>.</summary>
public sealed record Batch(Tensor X, int[] Y);
