using System.Numerics.Tensors;

namespace Foundations.Data;

/// <summary>
/// Fashion-MNIST's training and test sets, and where they came from. Pixels are floats: in [0, 1]
/// as loaded, or centred and scaled after <see cref="Normalize"/>.
/// </summary>
public sealed class FashionMnistData
{
    /// <summary>Pairs a training and a test set with their source.</summary>
    public FashionMnistData(LabelledImages train, LabelledImages test, DatasetSource source, string location)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(location);
        Train = train;
        Test = test;
        Source = source;
        Location = location;
    }

    /// <summary>The training images and labels.</summary>
    public LabelledImages Train { get; }

    /// <summary>The test images and labels (never trained on).</summary>
    public LabelledImages Test { get; }

    /// <summary>Whether this is the full installed dataset or the embedded subset.</summary>
    public DatasetSource Source { get; }

    /// <summary>The directory the files were read from, or the embedded resources' name.</summary>
    public string Location { get; }

    /// <summary>One line saying which data this is, e.g. for a training tool to print.</summary>
    public string Description => Source == DatasetSource.Installed
        ? $"full Fashion-MNIST from {Location} ({Train.Count:N0} training, {Test.Count:N0} test images)"
        : $"the embedded Fashion-MNIST subset ({Train.Count:N0} training, {Test.Count:N0} test images); " +
          $"install Debian's dataset-fashion-mnist for the full 60,000";

    /// <summary>The mean and standard deviation of every training pixel — the statistics to normalize with.</summary>
    public (float Mean, float Std) TrainingStatistics()
    {
        ReadOnlySpan<float> pixels = Train.Images.Contiguous().AsSpan();
        double sum = 0, sumOfSquares = 0;
        foreach (float p in pixels) { sum += p; sumOfSquares += (double)p * p; }
        double mean = sum / pixels.Length;
        double variance = Math.Max(0, sumOfSquares / pixels.Length - mean * mean);
        return ((float)mean, (float)Math.Sqrt(variance));
    }

    /// <summary>
    /// Both sets as (x − mean) / std with the <em>training</em> set's mean and std, as the chapter does:
    /// the test set is scaled with the same numbers, since at test time we must not peek at its statistics.
    /// </summary>
    public FashionMnistData Normalize()
    {
        var (mean, std) = TrainingStatistics();
        return new FashionMnistData(Scale(Train, mean, std), Scale(Test, mean, std), Source, Location);
    }

    private static LabelledImages Scale(LabelledImages set, float mean, float std)
    {
        Tensor images = set.Images.Clone();
        Span<float> pixels = images.AsSpan();
        TensorPrimitives.Subtract(pixels, mean, pixels);
        TensorPrimitives.Divide(pixels, std, pixels);
        return new LabelledImages(images, set.Labels);
    }
}
