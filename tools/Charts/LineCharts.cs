using ScottPlot;
using ScottPlot.TickGenerators;

namespace Charts;

/// <summary>Line charts with one line per <see cref="Series"/>, markers on every point and a legend.</summary>
public static class LineCharts
{
    /// <summary>A plot of <paramref name="series"/>; with <paramref name="logY"/> the y axis is log10 (ticks show real values).</summary>
    public static Plot Draw(string title, string xLabel, string yLabel, IEnumerable<Series> series, bool logY = false)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        foreach (var line in series)
        {
            var (x, y) = line.Finite(positiveOnly: logY);
            if (logY) y = y.Select(Math.Log10).ToArray();
            var scatter = plot.Add.Scatter(x, y);
            scatter.LegendText = line.Label;
            scatter.MarkerSize = 7;
            scatter.LineWidth = 2;
        }
        if (logY)
        {
            // ScottPlot draws log scales as log10 data with tick labels that undo the log.
            plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = value => Math.Pow(10, value).ToString("G3"), MinorTickGenerator = new LogMinorTickGenerator() };
        }
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>Adds a second line of text under the title (the machine, the run, a warning).</summary>
    public static void Subtitle(Plot plot, string title, string subtitle) => plot.Title($"{title}\n{subtitle}", size: 14);
}
