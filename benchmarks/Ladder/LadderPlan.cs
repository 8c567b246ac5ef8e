using Foundations;

namespace Benchmarks.Ladder;

/// <summary>
/// Which sizes the ladder runs and, for every level and size, whether it runs or why not. A level is tried once on
/// a small odd product (7×13 @ 13×5) against the substrate's MatMul before anything is timed: a stub that throws
/// NotImplementedException is "not implemented", a wrong answer is reported rather than timed.
/// </summary>
public static class LadderPlan
{
    /// <summary>The chapter's 5×784 @ 784×10, then squares. Set by the ladder command before BenchmarkDotNet reads it.</summary>
    public static IReadOnlyList<string> Sizes { get; set; } = Full;

    public static string[] Full => ["5x784@784x10", MatmulShape.Square(512), MatmulShape.Square(1024), MatmulShape.Square(2048)];
    public static string[] Quick => ["5x784@784x10", MatmulShape.Square(512), MatmulShape.Square(1024)];
    public static string[] Dry => ["5x784@784x10", MatmulShape.Square(64)];

    private static readonly Lazy<Dictionary<string, string?>> Problems = new(ProbeAll);

    /// <summary>Null when <paramref name="level"/> runs at <paramref name="size"/>; otherwise the reason it does not.</summary>
    internal static string? WhyNot(string level, string size)
    {
        if (Problems.Value[level] is { } problem) return problem;
        var shape = MatmulShape.Parse(size);
        return shape.Fmas > LadderLevel.Named(level).MaxFmas ? $"skipped: too slow at {shape.Display}" : null;
    }

    private static Dictionary<string, string?> ProbeAll() => LadderLevel.All.ToDictionary(level => level.Name, Probe);

    private static string? Probe(LadderLevel level)
    {
        IDisposable? owner = null;
        try
        {
            var product = level.Bind(out owner, out string missing);
            if (product is null) return "not implemented: " + missing;
            var rng = new Rng(6);
            Tensor a = Tensor.Randn(rng, 7, 13), b = Tensor.Randn(rng, 13, 5);
            var result = product(a, b);
            return result.Shape.SequenceEqual([7, 5]) && result.Near(Tensor.MatMul(a, b))
                ? null
                : "wrong result on 7×13 @ 13×5 (run its kata's tests)";
        }
        catch (NotImplementedException e)
        {
            return "not implemented: " + e.Message;
        }
        catch (Exception e)
        {
            return $"fails on 7×13 @ 13×5: {e.GetType().Name}: {e.Message}";
        }
        finally
        {
            owner?.Dispose();
        }
    }
}
