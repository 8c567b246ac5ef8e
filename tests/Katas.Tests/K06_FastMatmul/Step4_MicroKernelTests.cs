using Foundations;
using Katas.FastMatmul;
using NUnit.Framework;

namespace KataTests.K06_FastMatmul;

/// <summary>Step 4: the register micro-kernel on its own, at every width, against a loop over the same packed panels.</summary>
[Category("K06")]
public class Step4_MicroKernelTests
{
    private static float[] Random(ulong seed, int count)
    {
        var rng = new Rng(seed);
        return Tensor.Randn(rng, count).ToArray();
    }

    // depth 1: one step. depth 300: long sums, where a dropped or repeated step would show.
    [Test]
    public void Tile_AddsApanelTimesBpanel_ToC_AtEveryWidth(
        [Values(VectorWidth.Bits128, VectorWidth.Bits256, VectorWidth.Bits512)] VectorWidth width,
        [Values(1, 300)] int depth)
    {
        int nr = 2 * HardwareWidth.Lanes(width), ldc = nr + 3; // C's rows are longer than the tile
        float[] aPanel = Random(31, depth * 6), bPanel = Random(32, depth * nr);
        float[] c = Random(33, 6 * ldc), before = (float[])c.Clone();
        MicroKernel.Multiply(aPanel, bPanel, depth, c, ldc, width);
        for (int r = 0; r < 6; r++)
        {
            for (int j = 0; j < nr; j++)
            {
                double sum = before[r * ldc + j];
                for (int p = 0; p < depth; p++) sum += (double)aPanel[p * 6 + r] * bPanel[p * nr + j];
                Assert.That(c[r * ldc + j], Is.EqualTo(sum).Within(1e-5 + 1e-6 * depth),
                    $"{(int)width}-bit kernel, depth {depth}: c[{r}, {j}] should be its old value + Σₚ aPanel[p·6 + {r}]·bPanel[p·{nr} + {j}] (the kernel adds to C, it does not overwrite it)");
            }
            for (int j = nr; j < ldc && r < 5; j++)
                Assert.That(c[r * ldc + j], Is.EqualTo(before[r * ldc + j]), $"c[{r}, {j}] lies outside the 6×{nr} tile and must not change");
        }
    }

    [Test]
    public void Tile_WithAPanelTooShortForTheDepth_ThrowsNamingTheSizes()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            MicroKernel.Multiply(new float[6 * 9], new float[16 * 10], 10, new float[6 * 16], 16, VectorWidth.Bits256),
            "depth 10 needs 60 floats of A, the panel has 54");
        Assert.That(error!.Message, Does.Contain("54").And.Contain("60"));
    }

    [Test]
    public void Tile_WithCTooShortForSixRows_ThrowsNamingTheSizes()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            MicroKernel.Multiply(new float[6 * 4], new float[8 * 4], 4, new float[5 * 8], 8, VectorWidth.Bits128),
            "a 6×8 tile with row stride 8 needs 48 floats of C, not 40");
        Assert.That(error!.Message, Does.Contain("48").And.Contain("40"), "the message should say what C holds and what the tile needs");
    }

    [Test]
    public void Tile_WithBPanelTooShortForTheDepth_ThrowsNamingTheSizes()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            MicroKernel.Multiply(new float[6 * 10], new float[16 * 9], 10, new float[6 * 16], 16, VectorWidth.Bits256),
            "depth 10 needs 160 floats of B, the panel has 144");
        Assert.That(error!.Message, Does.Contain("144").And.Contain("160"));
    }

    [Test]
    public void Tile_WithANegativeDepth_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            MicroKernel.Multiply(new float[6], new float[16], -1, new float[6 * 16], 16, VectorWidth.Bits256),
            "a product of depth -1 does not exist");
        Assert.That(error!.Message, Does.Contain("negative"), "the message should say what is wrong with the depth");
    }

    [Test]
    public void Tile_OfDepthZero_LeavesCAsItWas()
    {
        var c = Enumerable.Range(1, 6 * 16).Select(i => (float)i).ToArray();
        var before = (float[])c.Clone();
        MicroKernel.Multiply([], [], 0, c, 16, VectorWidth.Bits256);
        Assert.That(c, Is.EqualTo(before), "an empty sum adds nothing: a tile of depth 0 leaves C unchanged");
    }
}
