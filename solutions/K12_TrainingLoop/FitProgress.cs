namespace Katas.TrainingLoop;

/// <summary>Reported after every training batch, for a progress bar: epoch and batch count from 1.</summary>
public sealed record FitProgress(int Epoch, int Batch, int Batches, float Loss);
