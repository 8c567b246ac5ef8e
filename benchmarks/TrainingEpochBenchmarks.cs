using BenchmarkDotNet.Attributes;
using Foundations;
using Foundations.Data;
using Katas.TrainingLoop;

namespace Benchmarks;

/// <summary>
/// K12: one training epoch of the 784-50-10 MLP (batch 64, SGD) over Fashion-MNIST — the full
/// 60,000 images where dataset-fashion-mnist is installed, the embedded 8,000 otherwise (the
/// job's log says which). Validation is on a single 1,000-image batch so the epoch dominates.
/// </summary>
public class TrainingEpochBenchmarks
{
    private Mlp _model = null!;
    private Sgd _optimizer = null!;
    private DataLoaders _data = null!;
    private readonly CrossEntropyLoss _loss = new();

    [GlobalSetup]
    public void Setup()
    {
        FashionMnistData data = FashionMnist.Load().Normalize();
        Console.WriteLine($"// TrainingEpochBenchmarks: {data.Description}");
        var rng = new Rng(42);
        _model = new Mlp(784, 50, 10, rng);
        _optimizer = new Sgd(_model.Parameters, 0.1f);
        var test = data.Test.Images.Narrow(0, 0, 1000).Contiguous();
        _data = new DataLoaders(
            new DataLoader(data.Train.Images, data.Train.Labels, 64, rng),
            new DataLoader(test, data.Test.Labels[..1000], 1000));
    }

    [Benchmark]
    public EpochResult OneEpoch() => Trainer.Fit(_model, _loss, _optimizer, _data, 1)[0];
}
