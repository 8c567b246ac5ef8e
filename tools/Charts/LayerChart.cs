namespace Charts;

/// <summary>
/// Activation statistics per layer of a deep stack, one line per initialization: the chapter's
/// experiments (K08's mean and std per layer, K13's "why √5"). A statistic that went NaN or infinite
/// ends its line there, and the legend says at which layer.
/// </summary>
public static class LayerChart
{
    /// <summary>Writes one chart of <paramref name="series"/> (x = layer) to PNG and SVG; <paramref name="logY"/> for stds
    /// that shrink or grow by powers of ten.</summary>
    public static ChartFiles Save(string directory, string name, string title, string yLabel, IEnumerable<Series> series,
        string subtitle, bool logY, double? yMin = null, double? yMax = null)
    {
        var plot = LineCharts.Draw(title, "layer", yLabel, series.Select(s => Annotated(s, logY)), logY);
        LineCharts.Subtitle(plot, title, subtitle);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        if (yMin is { } low && yMax is { } high) plot.Axes.SetLimitsY(low, high);
        return ChartFiles.Save(plot, directory, name, 1000, 600);
    }

    // "NaN from layer 29", "0 from layer 41, below a log scale": where a line stops and why, so a missing tail is not a mystery.
    private static Series Annotated(Series series, bool logY)
    {
        if (series.Note is not null) return series;
        for (int i = 0; i < series.Y.Count; i++)
        {
            double y = series.Y[i];
            if (double.IsNaN(y)) return series with { Note = $"NaN from layer {series.X[i]}" };
            if (double.IsInfinity(y)) return series with { Note = $"infinite from layer {series.X[i]}" };
            if (logY && y <= 0) return series with { Note = $"{y:G3} from layer {series.X[i]}, below a log scale" };
        }
        return series;
    }
}
