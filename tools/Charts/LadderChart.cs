using ScottPlot;
using ScottPlot.TickGenerators;

namespace Charts;

/// <summary>
/// The matmul ladder: GFLOP/s of every level at every size on a log scale (the rungs span five or six
/// powers of ten), one line per level, the yardstick (OpenBLAS) drawn thick and black so every other
/// line reads as "how far below the real BLAS".
/// </summary>
public static class LadderChart
{
    /// <summary>Draws <paramref name="levels"/> (x = index into <paramref name="sizes"/>, y = GFLOP/s) and writes PNG and SVG.</summary>
    public static ChartFiles Save(string directory, string name, IReadOnlyList<string> sizes, IEnumerable<Series> levels,
        string yardstick, string subtitle)
    {
        var plot = LineCharts.Draw("Matmul ladder: GFLOP/s per level and size (log scale)", "product size", "GFLOP/s", levels, logY: true);
        LineCharts.Subtitle(plot, "Matmul ladder: GFLOP/s per level and size (log scale)", subtitle);
        foreach (var scatter in plot.GetPlottables<ScottPlot.Plottables.Scatter>())
        {
            if (!scatter.LegendText.StartsWith(yardstick, StringComparison.Ordinal)) continue;
            scatter.Color = Colors.Black;
            scatter.LineWidth = 3;
            scatter.MarkerShape = MarkerShape.FilledDiamond;
            scatter.MarkerSize = 11;
        }
        var ticks = new NumericManual();
        for (int i = 0; i < sizes.Count; i++) ticks.AddMajor(i, sizes[i]);
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimitsX(-0.3, sizes.Count - 0.7);
        return ChartFiles.Save(plot, directory, name, 1100, 650);
    }
}
