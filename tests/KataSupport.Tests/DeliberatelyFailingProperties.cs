using FsCheck;
using FsCheck.Fluent;
using Foundations;
using KataTests.Support;

namespace KataSupport.Tests;

/// <summary>
/// Properties that fail on purpose, for <see cref="PropertyFailureTests"/> to read their failures. The class is
/// abstract so NUnit does not collect them as tests of their own.
/// </summary>
public abstract class DeliberatelyFailingProperties
{
    public const string AddDescription = "Add gives the substrate's sum, element by element.";

    /// <summary>An Add with a learner's slip: from the second row on, it adds a's element to itself.</summary>
    public static Tensor SlippedAdd(Tensor a, Tensor b)
    {
        var sum = (a + b).Contiguous();
        if (a.Shape[0] > 1) sum[1, 0] = a[1, 0] * 2;
        return sum;
    }

    [PropertyTest(AddDescription, MaxTest = 100)]
    public static Property SlippedAdd_MatchesTheSubstrate() => Prop.ForAll(TensorGen.MatmulCase(), c =>
    {
        Tensor a = TensorGen.Randn(c.Seed, c.N, c.M), b = TensorGen.Randn(c.Seed + 1, c.N, c.M);
        TensorAssert.Near(SlippedAdd(a, b), a + b, $"Add of two {c.N}×{c.M} matrices", inputs: [("a", a), ("b", b)]);
    });

    [PropertyTest("A stub's property stops at the stub.", MaxTest = 100)]
    public static Property Stub_ThrowsNotImplemented() => Prop.ForAll(TensorGen.MatmulCase(), c =>
    {
        Stub(c.N);
    });

    public static int Stub(int n) => throw new NotImplementedException("Kata 99: not implemented yet");
}
