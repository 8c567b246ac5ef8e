using BenchmarkDotNet.Attributes;
using Foundations;
using Foundations.Data;
using Katas.ConvolutionByUnfold;

namespace Benchmarks;

/// <summary>
/// K13: one training epoch of the unfold ConvNet (batch 64) over Fashion-MNIST — the full 60,000 images where
/// dataset-fashion-mnist is installed, the embedded 8,000 otherwise (the job's log says which). The batches are
/// taken in order and each is one <see cref="ConvNet.Step"/> (plain SGD): <c>./kata train --cnn</c> adds momentum,
/// six small tensor updates per batch next to a forward and backward pass through two convolutions.
/// </summary>
public class CnnEpochBenchmarks
{
    private const int BatchSize = 64;
    private ConvNet _net = null!;
    private Tensor _images = null!;
    private int[] _labels = null!;

    [GlobalSetup]
    public void Setup()
    {
        FashionMnistData data = FashionMnist.Load().Normalize();
        Console.WriteLine($"// CnnEpochBenchmarks: {data.Description}");
        _net = new ConvNet(new Rng(42));
        _images = data.Train.Images.Contiguous();
        _labels = data.Train.Labels;
    }

    [Benchmark]
    public float OneEpoch()
    {
        float loss = 0;
        for (int start = 0; start < _labels.Length; start += BatchSize)
        {
            int count = Math.Min(BatchSize, _labels.Length - start);
            loss = _net.Step(_images.Narrow(0, start, count), _labels[start..(start + count)], 0.01f);
        }
        return loss;
    }
}
