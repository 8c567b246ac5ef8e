using Foundations.Data;
using NUnit.Framework;

namespace Foundations.Tests.Data;

/// <summary>The Fashion-MNIST loader: the embedded subset always, the installed files where Debian put them.</summary>
[Category("Foundations")]
public class FashionMnistTests
{
    [Test]
    public void EmbeddedSubset_Has8000TrainingAnd1000TestImagesInRange()
    {
        FashionMnistData data = FashionMnist.LoadEmbedded();
        Assert.That(data.Source, Is.EqualTo(DatasetSource.Embedded));
        Assert.That(data.Description, Does.Contain("embedded"));
        Assert.That(data.Train.Images.Shape, Is.EqualTo(new[] { 8000, 784 }));
        Assert.That(data.Test.Images.Shape, Is.EqualTo(new[] { 1000, 784 }));
        Assert.That(data.Train.Labels, Has.All.InRange(0, 9));
        Assert.That(data.Train.Labels.Distinct().Count(), Is.EqualTo(10), "every class appears");
        Assert.That(data.Train.Images.Min().Item(), Is.GreaterThanOrEqualTo(0f));
        Assert.That(data.Train.Images.Max().Item(), Is.LessThanOrEqualTo(1f));
        // The first training image of Fashion-MNIST is an ankle boot (label 9), the first test image too.
        Assert.That(data.Train.Labels[0], Is.EqualTo(9));
        Assert.That(data.Test.Labels[0], Is.EqualTo(9));
    }

    [Test]
    public void InstalledDataset_IsTheFull60000And10000_AndStartsLikeTheSubset()
    {
        if (!FashionMnist.IsInstalled(FashionMnist.InstalledDirectory))
            Assert.Ignore($"dataset-fashion-mnist is not installed in {FashionMnist.InstalledDirectory} (apt-get install dataset-fashion-mnist)");
        FashionMnistData full = FashionMnist.LoadFrom(FashionMnist.InstalledDirectory);
        Assert.That(full.Source, Is.EqualTo(DatasetSource.Installed));
        Assert.That(full.Description, Does.Contain("full Fashion-MNIST").And.Contain(FashionMnist.InstalledDirectory));
        Assert.That(full.Train.Images.Shape, Is.EqualTo(new[] { 60000, 784 }));
        Assert.That(full.Test.Images.Shape, Is.EqualTo(new[] { 10000, 784 }));

        FashionMnistData subset = FashionMnist.LoadEmbedded();
        Assert.That(full.Train.Labels[..8000], Is.EqualTo(subset.Train.Labels), "the subset is the first 8,000 training labels");
        Assert.That(full.Train.Images.Narrow(0, 0, 10).ToArray(), Is.EqualTo(subset.Train.Images.Narrow(0, 0, 10).ToArray()));
    }

    [Test]
    public void Load_UsesTheInstalledFilesWhenPresent_AndSaysWhich()
    {
        FashionMnistData data = FashionMnist.Load();
        var expected = FashionMnist.IsInstalled(FashionMnist.InstalledDirectory) ? DatasetSource.Installed : DatasetSource.Embedded;
        Assert.That(data.Source, Is.EqualTo(expected));
    }

    [Test]
    public void Normalize_UsesTheTrainingStatisticsForBothSets()
    {
        FashionMnistData raw = FashionMnist.LoadEmbedded();
        var (mean, std) = raw.TrainingStatistics();
        Assert.That(mean, Is.InRange(0.2f, 0.4f), "Fashion-MNIST pixels average about 0.29");
        Assert.That(std, Is.InRange(0.25f, 0.45f));

        FashionMnistData normalized = raw.Normalize();
        var (newMean, newStd) = normalized.TrainingStatistics();
        Assert.That(newMean, Is.EqualTo(0f).Within(1e-4f));
        Assert.That(newStd, Is.EqualTo(1f).Within(1e-4f));
        float pixel = raw.Test.Images[3, 400];
        Assert.That(normalized.Test.Images[3, 400], Is.EqualTo((pixel - mean) / std).Within(1e-5f),
            "test pixels are scaled with the training mean and std, not their own");
        Assert.That(normalized.Test.Labels, Is.SameAs(raw.Test.Labels));
    }

    [Test]
    public void Directory_WithMismatchedCounts_IsRejectedNamingBothFiles()
    {
        string directory = Directory.CreateTempSubdirectory("fashion-test-").FullName;
        try
        {
            byte[] images = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 28, 0, 0, 0, 28, .. new byte[2 * 784]];
            byte[] labels = [0, 0, 8, 1, 0, 0, 0, 3, 1, 2, 3];
            foreach (string prefix in new[] { "train", "t10k" })
            {
                File.WriteAllBytes(Path.Combine(directory, $"{prefix}-images-idx3-ubyte.gz"), IdxFileTests.Gzip(images));
                File.WriteAllBytes(Path.Combine(directory, $"{prefix}-labels-idx1-ubyte.gz"), IdxFileTests.Gzip(labels));
            }
            Assert.That(FashionMnist.IsInstalled(directory), Is.True);
            var error = Assert.Throws<InvalidDataException>(() => FashionMnist.LoadFrom(directory));
            Assert.That(error!.Message, Does.Contain("has 2 images but 'train-labels-idx1-ubyte.gz' has 3 labels"));
        }
        finally { Directory.Delete(directory, recursive: true); }
    }

    [Test]
    public void Directory_WithoutTheFiles_IsNotInstalled_AndLoadFromSaysWhichFileIsMissing()
    {
        string directory = Directory.CreateTempSubdirectory("fashion-empty-").FullName;
        try
        {
            Assert.That(FashionMnist.IsInstalled(directory), Is.False);
            var error = Assert.Throws<FileNotFoundException>(() => FashionMnist.LoadFrom(directory));
            Assert.That(error!.Message, Does.Contain("train-images-idx3-ubyte.gz"));
        }
        finally { Directory.Delete(directory, recursive: true); }
    }
}
