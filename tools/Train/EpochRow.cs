namespace Train;

/// <summary>One epoch as the table and the charts show it, for the MLP and the CNN alike.</summary>
internal sealed record EpochRow(int Epoch, double TrainLoss, double TestLoss, double TestAccuracy, TimeSpan Time);
