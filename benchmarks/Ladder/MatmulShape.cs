namespace Benchmarks.Ladder;

/// <summary>An m×k @ k×n product, written "5x784@784x10" in BenchmarkDotNet's Size parameter.</summary>
internal sealed record MatmulShape(int M, int K, int N)
{
    public static MatmulShape Parse(string text)
    {
        string[] sides = text.Split('@');
        string[] left = sides[0].Split('x'), right = sides.Length == 2 ? sides[1].Split('x') : [];
        if (sides.Length != 2 || left.Length != 2 || right.Length != 2 || left[1] != right[0])
            throw new FormatException($"A ladder size looks like 5x784@784x10 (m x k @ k x n), not '{text}'.");
        return new MatmulShape(int.Parse(left[0]), int.Parse(left[1]), int.Parse(right[1]));
    }

    public static string Square(int n) => $"{n}x{n}@{n}x{n}";

    /// <summary>Multiply-adds in the product; each is two floating-point operations.</summary>
    public long Fmas => (long)M * K * N;

    public double Flops => 2.0 * Fmas;

    /// <summary>"5×784 @ 784×10", or "1024²" for a square product.</summary>
    public string Display => M == K && K == N ? $"{M}²" : $"{M}×{K} @ {K}×{N}";
}
