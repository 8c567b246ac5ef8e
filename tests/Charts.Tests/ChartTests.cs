using Charts;
using NUnit.Framework;

namespace Charts.Tests;

[Category("Charts")]
public class ChartTests
{
    private string _directory = null!;

    [SetUp]
    public void MakeDirectory() => _directory = Directory.CreateTempSubdirectory("charts-test-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void TheLadder_WritesAPngAndAnSvgNamingEveryLevel_AndOpenBlas()
    {
        string[] sizes = ["5×784 @ 784×10", "512²"];
        var files = LadderChart.Save(_directory, "ladder", sizes,
        [
            new Series("ThreeLoops", [0, 1], [0.2, 0.1]),
            new Series("Fast", [0, 1], [8, 60]),
            new Series("OpenBlas", [0, 1], [10, 90]),
        ], yardstick: "OpenBlas", subtitle: "test CPU, shared machine");
        ChartFileAssert.Readable(files, 1100, 650, "ThreeLoops", "Fast", "OpenBlas", "512²");
        Assert.That(Path.GetFileName(files.Png), Is.EqualTo("ladder.png"));
    }

    [Test]
    public void TheLadder_LeavesOutALevelWithNoMeasurementAtASize()
    {
        // OpenCL missing at one size: NaN is dropped from the line rather than drawn at zero or breaking the log scale.
        var files = LadderChart.Save(_directory, "gaps", ["a", "b"],
            [new Series("OpenClNaive", [0, 1], [double.NaN, 2])], yardstick: "OpenBlas", subtitle: "");
        ChartFileAssert.Readable(files, 1100, 650, "OpenClNaive");
    }

    [Test]
    public void Training_WritesLossesAndAccuracy()
    {
        var files = TrainingChart.Save(_directory, "training",
            [new EpochPoint(1, 0.9, 0.7, 0.75), new EpochPoint(2, 0.5, 0.55, 0.81), new EpochPoint(3, 0.4, 0.5, 0.84)], "3 epochs");
        ChartFileAssert.Readable(files, 1000, 600, "training loss", "validation loss", "validation accuracy (%)");
    }

    [Test]
    public void Training_WithNoEpoch_Throws() =>
        Assert.That(() => TrainingChart.Save(_directory, "none", [], ""), Throws.ArgumentException.With.Message.Contains("no epoch"));

    [Test]
    public void LayerStats_NameWhereALineWentNaN()
    {
        var files = LayerChart.Save(_directory, "layers", "std per layer", "std",
        [
            new Series("plain normal", [1, 2, 3], [20, 400, double.NaN]),
            new Series("Kaiming", [1, 2, 3], [1.1, 0.9, 1.0]),
        ], "test", logY: true);
        ChartFileAssert.Readable(files, 1000, 600, "plain normal (NaN from layer 3)", "Kaiming");
    }

    [Test]
    public void ASeriesWithMismatchedLengths_IsRefused() =>
        Assert.That(() => LayerChart.Save(_directory, "bad", "t", "y", [new Series("s", [1, 2], [1])], "", logY: false),
            Throws.ArgumentException.With.Message.Contains("2 x values but 1 y values"));
}
