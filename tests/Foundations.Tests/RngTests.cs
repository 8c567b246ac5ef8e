using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;

namespace Foundations.Tests;

/// <summary>The seeded generator: the same seed gives the same numbers on every machine, forever.</summary>
[Category("Foundations")]
public class RngTests
{
    [Test]
    public void Seed42_GivesThesePinnedUInt64s()
    {
        // xoshiro256** seeded by SplitMix64, computed independently (Python big integers).
        // If these change, every seeded test and every recorded result in the katas changes too.
        var rng = new Rng(42);
        Assert.That(rng.Seed, Is.EqualTo(42UL));
        Assert.That(rng.NextUInt64(), Is.EqualTo(0x15780b2e0c2ec716UL));
        Assert.That(rng.NextUInt64(), Is.EqualTo(0x6104d9866d113a7eUL));
        Assert.That(rng.NextUInt64(), Is.EqualTo(0xae17533239e499a1UL));
    }

    [Test]
    public void Seed42_GivesThesePinnedFloats()
    {
        // The top 24 bits of each UInt64 over 2^24: exact float32 values.
        var rng = new Rng(42);
        Assert.That(rng.NextFloat(), Is.EqualTo(0.08386296033859253f));
        Assert.That(rng.NextFloat(), Is.EqualTo(0.37898021936416626f));
        Assert.That(rng.NextFloat(), Is.EqualTo(0.6800433993339539f));
    }

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public Property TheSameSeed_GivesTheSameSequence() => Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
    {
        Rng a = new((ulong)seed), b = new((ulong)seed);
        for (int i = 0; i < 20; i++)
        {
            Assert.That(a.NextUInt64(), Is.EqualTo(b.NextUInt64()), $"seed {seed}, draw {i}");
            Assert.That(a.NextNormal(), Is.EqualTo(b.NextNormal()), $"seed {seed}, normal draw {i}");
        }
    });

    [Test]
    public void DifferentSeeds_GiveDifferentSequences()
    {
        var first = Enumerable.Range(0, 100).Select(s => new Rng((ulong)s).NextUInt64()).ToList();
        Assert.That(first, Is.Unique, "neighbouring seeds must not collide (SplitMix64 scrambles them)");
    }

    [Test]
    public void Uniforms_StayInTheirRange()
    {
        var rng = new Rng(1);
        for (int i = 0; i < 10_000; i++)
        {
            double d = rng.NextDouble();
            float f = rng.NextFloat();
            float u = rng.NextUniform(-1, 1);
            Assert.That(d is >= 0 and < 1 && f is >= 0 and < 1 && u is >= -1 and < 1, Is.True, $"draw {i}: {d}, {f}, {u}");
        }
    }

    [Test]
    public void NextInt_CoversItsRange_AndRejectsABadBound()
    {
        var rng = new Rng(3);
        var counts = new int[6];
        for (int i = 0; i < 6000; i++) counts[rng.NextInt(6)]++;
        // Each count is Binomial(6000, 1/6): mean 1000, σ ≈ 29; ±150 is more than 5σ.
        Assert.That(counts, Is.All.InRange(850, 1150));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => rng.NextInt(0));
        Assert.That(error!.Message, Does.Contain("got 0"));
    }

    [TestCase(0UL)]
    [TestCase(42UL)]
    [TestCase(12345UL)]
    public void Randn_HasMean0AndStd1(ulong seed)
    {
        // 100 000 samples: the standard error of the mean is 1/√n ≈ 0.0032 and of the std ≈ 0.0022,
        // so a tolerance of 0.02 is more than 6 standard errors for both.
        var x = Tensor.Randn(new Rng(seed), 100_000);
        Assert.That(x.Mean().Item(), Is.EqualTo(0f).Within(0.02f), $"mean, seed {seed}");
        Assert.That(x.Std().Item(), Is.EqualTo(1f).Within(0.02f), $"std, seed {seed}");
        float inside = (x.Abs() < 1).Mean().Item();
        Assert.That(inside, Is.EqualTo(0.6827f).Within(0.01f), "about 68% of a standard normal lies within one std");
    }

    [Test]
    public void Permutation_IsAShuffleOfEveryIndex()
    {
        int[] p = new Rng(9).Permutation(50);
        Assert.That(p.Order(), Is.EqualTo(Enumerable.Range(0, 50)));
        Assert.That(p, Is.Not.EqualTo(Enumerable.Range(0, 50)), "50 items left in order would be a 1-in-50! fluke");
        Assert.That(new Rng(9).Permutation(50), Is.EqualTo(p));
        Assert.That(new Rng(9).Permutation(0), Is.Empty);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rng(9).Permutation(-1));
    }

    [Test]
    public void Shuffle_IsReproducible()
    {
        string[] a = ["a", "b", "c", "d", "e", "f"], b = ["a", "b", "c", "d", "e", "f"];
        new Rng(11).Shuffle(a.AsSpan());
        new Rng(11).Shuffle(b.AsSpan());
        Assert.That(a, Is.EqualTo(b));
        Assert.That(a, Is.EquivalentTo(new[] { "a", "b", "c", "d", "e", "f" }));
    }
}
