using System.Buffers.Binary;
using System.Xml.Linq;
using Charts;
using NUnit.Framework;

namespace Charts.Tests;

/// <summary>What "a readable chart" means: a real PNG of the size asked for, and an SVG that parses and names every series.</summary>
internal static class ChartFileAssert
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static void Readable(ChartFiles files, int width, int height, params string[] seriesNames)
    {
        Assert.That(File.Exists(files.Png), Is.True, $"no PNG at {files.Png}");
        byte[] png = File.ReadAllBytes(files.Png);
        Assert.That(png.Take(8), Is.EqualTo(PngSignature), "the file starts with the PNG signature");
        // The IHDR chunk follows the signature: length (4), "IHDR" (4), then width and height, big-endian.
        Assert.That(System.Text.Encoding.ASCII.GetString(png, 12, 4), Is.EqualTo("IHDR"));
        Assert.That(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), Is.EqualTo(width), "PNG width");
        Assert.That(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), Is.EqualTo(height), "PNG height");
        Assert.That(png, Has.Length.GreaterThan(5_000), "a chart with axes, lines and text is more than a blank image");

        Assert.That(File.Exists(files.Svg), Is.True, $"no SVG at {files.Svg}");
        var svg = XDocument.Load(files.Svg);   // throws if it is not well-formed XML
        Assert.That(svg.Root!.Name.LocalName, Is.EqualTo("svg"));
        string text = string.Join("\n", svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
        foreach (string name in seriesNames)
            Assert.That(text, Does.Contain(name), $"the SVG's text names the series '{name}'");
    }
}
