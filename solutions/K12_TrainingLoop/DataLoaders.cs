namespace Katas.TrainingLoop;

/// <summary>The two loaders a fit needs (fastai's <c>DataLoaders</c>): one to learn from, one to measure on.</summary>
public sealed record DataLoaders(DataLoader Train, DataLoader Valid);
