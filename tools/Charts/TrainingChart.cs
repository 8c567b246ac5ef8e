using ScottPlot;

namespace Charts;

/// <summary>One epoch of training as the chart shows it.</summary>
public readonly record struct EpochPoint(int Epoch, double TrainLoss, double ValidLoss, double ValidAccuracy);

/// <summary>Training: the training and validation loss per epoch (left axis) and the validation accuracy
/// (right axis, in %). Loss falling while accuracy rises is learning; validation loss rising is overfitting.</summary>
public static class TrainingChart
{
    public static ChartFiles Save(string directory, string name, IReadOnlyList<EpochPoint> epochs, string subtitle)
    {
        if (epochs.Count == 0) throw new ArgumentException("There is no epoch to chart.", nameof(epochs));
        double[] x = epochs.Select(e => (double)e.Epoch).ToArray();
        var plot = LineCharts.Draw("Training: loss and accuracy per epoch", "epoch", "cross-entropy loss",
        [
            new Series("training loss", x, epochs.Select(e => e.TrainLoss).ToArray()),
            new Series("validation loss", x, epochs.Select(e => e.ValidLoss).ToArray()),
        ]);
        LineCharts.Subtitle(plot, "Training: loss and accuracy per epoch", subtitle);

        var accuracy = plot.Add.Scatter(x, epochs.Select(e => 100 * e.ValidAccuracy).ToArray());
        accuracy.LegendText = "validation accuracy (%)";
        accuracy.Axes.YAxis = plot.Axes.Right;
        accuracy.Color = Colors.Black;   // (no dashes: SkiaSharp's SVG writer cannot draw them)
        accuracy.MarkerSize = 7;
        accuracy.LineWidth = 2;
        plot.Axes.Right.Label.Text = "validation accuracy (%)";

        // Whole epochs only on the x axis.
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var e in epochs) ticks.AddMajor(e.Epoch, e.Epoch.ToString());
        plot.Axes.Bottom.TickGenerator = ticks;
        return ChartFiles.Save(plot, directory, name, 1000, 600);
    }
}
