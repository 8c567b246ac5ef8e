namespace KataTests.Support;

/// <summary>A random matrix-product case: a is N×K, b is K×M, values drawn from <see cref="Seed"/>.</summary>
public sealed record MatmulSizes(int N, int K, int M, int Seed)
{
    /// <summary>How a counterexample prints: "N=3, K=1, M=2, Seed=80507".</summary>
    public override string ToString() => $"N={N}, K={K}, M={M}, Seed={Seed}";
}
