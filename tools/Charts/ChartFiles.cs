using ScottPlot;

namespace Charts;

/// <summary>Where a chart was written: the same picture as a PNG (for the README, any image viewer) and an SVG.</summary>
public sealed record ChartFiles(string Png, string Svg)
{
    /// <summary>Writes <paramref name="plot"/> to <c>{directory}/{name}.png</c> and <c>.svg</c>, creating the directory.</summary>
    public static ChartFiles Save(Plot plot, string directory, string name, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        Directory.CreateDirectory(directory);
        string png = Path.GetFullPath(Path.Combine(directory, name + ".png"));
        string svg = Path.GetFullPath(Path.Combine(directory, name + ".svg"));
        plot.SavePng(png, width, height);
        plot.SaveSvg(svg, width, height);
        return new ChartFiles(png, svg);
    }

    /// <summary>"Chart: x.png and x.svg", the line every chart command prints.</summary>
    public override string ToString() => $"{Png}\n  and {Svg}";
}
