namespace Katas.TrainingLoop;

/// <summary>What one epoch achieved: the mean training loss over its batches, and the loss and accuracy on the validation set after it.</summary>
public sealed record EpochResult(int Epoch, float TrainLoss, float ValidLoss, float ValidAccuracy);
