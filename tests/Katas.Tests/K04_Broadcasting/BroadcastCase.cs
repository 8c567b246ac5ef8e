using Foundations;

namespace KataTests.K04_Broadcasting;

/// <summary>Two shapes that broadcast, and a seed for the values put in them.</summary>
internal sealed record BroadcastCase(int[] A, int[] B, int Seed)
{
    /// <summary>The shape both broadcast to: aligned at the end, the size that is not 1 wins.</summary>
    public int[] Full
    {
        get
        {
            int rank = Math.Max(A.Length, B.Length);
            var full = new int[rank];
            for (int i = 1; i <= rank; i++)
            {
                int sizeA = i <= A.Length ? A[^i] : 1, sizeB = i <= B.Length ? B[^i] : 1;
                full[^i] = Math.Max(sizeA, sizeB);
            }
            return full;
        }
    }

    /// <summary>What FsCheck prints for a counterexample: the shapes and the seed, enough to replay it.</summary>
    public override string ToString() => $"{ShapeRules.Format(A)} with {ShapeRules.Format(B)} → {ShapeRules.Format(Full)} (seed {Seed})";
}
