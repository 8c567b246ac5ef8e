using ScottPlot;
using ScottPlot.TickGenerators;

namespace Charts;

/// <summary>Line charts with one line per <see cref="Series"/>, markers on every point and a legend.</summary>
public static class LineCharts
{
    /// <summary>A plot of <paramref name="series"/>; with <paramref name="logY"/> the y axis is log10 (ticks show real values).</summary>
    public static Plot Draw(string title, string xLabel, string yLabel, IEnumerable<Series> series, bool logY = false)
    {
        double lowest = double.PositiveInfinity, highest = double.NegativeInfinity;
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        foreach (var line in series)
        {
            var (x, y) = line.Finite(positiveOnly: logY);
            if (logY) y = y.Select(Math.Log10).ToArray();
            if (y.Length > 0) (lowest, highest) = (Math.Min(lowest, y.Min()), Math.Max(highest, y.Max()));
            var scatter = plot.Add.Scatter(x, y);
            scatter.LegendText = line.Label;
            scatter.MarkerSize = 7;
            scatter.LineWidth = 2;
        }
        if (logY && lowest <= highest) plot.Axes.Left.TickGenerator = Decades(Math.Floor(lowest), Math.Ceiling(highest));
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    // ScottPlot draws a log scale as log10 of the data: major ticks at powers of ten (every few powers when the
    // data spans dozens of them), labelled with the real value, and minor ticks at 2…9 times each power.
    private static NumericManual Decades(double first, double last)
    {
        if (last == first) last = first + 1;
        int step = Math.Max(1, (int)Math.Ceiling((last - first) / 10));
        var ticks = new NumericManual();
        for (double power = first; power <= last; power += step)
        {
            ticks.AddMajor(power, Math.Abs(power) < 4 ? Math.Pow(10, power).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : $"1e{power}");
            for (int m = 2; m <= 9 && step == 1 && power < last; m++) ticks.AddMinor(power + Math.Log10(m));
        }
        return ticks;
    }

    /// <summary>Adds a second line of text under the title (the machine, the run, a warning).</summary>
    public static void Subtitle(Plot plot, string title, string subtitle)
    {
        if (!string.IsNullOrWhiteSpace(subtitle)) plot.Title($"{title}\n{Wrap(subtitle, 70)}", size: 14);
    }

    // Long subtitles (a CPU name, a BLAS build string) break at spaces rather than run off the image.
    private static string Wrap(string text, int width)
    {
        var lines = new List<string> { "" };
        foreach (string word in text.Split(' '))
        {
            if (lines[^1].Length > 0 && lines[^1].Length + 1 + word.Length > width) lines.Add("");
            lines[^1] = lines[^1].Length == 0 ? word : lines[^1] + " " + word;
        }
        return string.Join("\n", lines);
    }
}
