using System.Globalization;

namespace Train;

/// <summary>The command line: <c>--cnn --epochs N --batch-size N --lr X --seed N --embedded</c>.</summary>
internal sealed record TrainOptions(int Epochs, int BatchSize, float LearningRate, ulong Seed, bool Embedded, bool Cnn = false)
{
    public const string Usage =
        "usage: dotnet run -c Release --project tools/Train [-p:Against=solutions] -- [--cnn] [--epochs 5] [--batch-size 64] [--lr 0.1] [--seed 42] [--embedded]\n" +
        "  --cnn  train K13's ConvNet instead of K12's MLP (defaults then: --epochs 3 --lr 0.05)";

    /// <summary>Parses the arguments, or returns an error message to print with the usage.</summary>
    public static (TrainOptions? Options, string? Error) Parse(string[] args)
    {
        bool cnn = args.Contains("--cnn");
        var options = cnn
            ? new TrainOptions(Epochs: 3, BatchSize: 64, LearningRate: 0.05f, Seed: 42, Embedded: false, Cnn: true)
            : new TrainOptions(Epochs: 5, BatchSize: 64, LearningRate: 0.1f, Seed: 42, Embedded: false);
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (name == "--embedded") { options = options with { Embedded = true }; continue; }
            if (name == "--cnn") continue;
            if (name is "--help" or "-h") return (null, "");
            if (i + 1 >= args.Length) return (null, $"{name} needs a value");
            string value = args[++i];
            var invariant = CultureInfo.InvariantCulture;
            switch (name)
            {
                case "--epochs" when int.TryParse(value, invariant, out int epochs) && epochs > 0:
                    options = options with { Epochs = epochs }; break;
                case "--batch-size" when int.TryParse(value, invariant, out int batchSize) && batchSize > 0:
                    options = options with { BatchSize = batchSize }; break;
                case "--lr" when float.TryParse(value, invariant, out float lr) && lr > 0 && float.IsFinite(lr):
                    options = options with { LearningRate = lr }; break;
                case "--seed" when ulong.TryParse(value, invariant, out ulong seed):
                    options = options with { Seed = seed }; break;
                case "--epochs" or "--batch-size" or "--lr" or "--seed":
                    return (null, $"{name} {value}: expected a positive number");
                default:
                    return (null, $"unknown option {name}");
            }
        }
        return (options, null);
    }
}
