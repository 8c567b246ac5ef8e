using FsCheck;
using FsCheck.Fluent;
using Foundations;
using Katas.Einsum;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K05_Einsum;

[Category("K05")]
public class EinsumPropertyTests
{
    [FsCheck.NUnit.Property(MaxTest = 40)]
    public Property MatrixProduct_EqualsTheNaiveLoops() => Prop.ForAll(TensorGen.MatMulCase(), c =>
    {
        Tensor a = TensorGen.Randn(c.Seed, c.N, c.K), b = TensorGen.Randn(c.Seed + 1, c.K, c.M);
        var expected = Tensor.Zeros(c.N, c.M); // K02's idea: three loops
        for (int i = 0; i < c.N; i++)
            for (int j = 0; j < c.M; j++)
                for (int k = 0; k < c.K; k++)
                    expected[i, j] += a[i, k] * b[k, j];
        TensorAssert.Near(Einsum.Compute("ik,kj->ij", a, b), expected, $"{c.N}×{c.K} @ {c.K}×{c.M} (seed {c.Seed})");
    });

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public Property TransposingTwice_IsTheIdentity() => Prop.ForAll(TensorGen.MatMulCase(), c =>
    {
        Tensor t = TensorGen.Randn(c.Seed, c.N, c.K, c.M);
        TensorAssert.Equal(Einsum.Compute("kji->ijk", Einsum.Compute("ijk->kji", t)), t, $"a {c.N}×{c.K}×{c.M} tensor (seed {c.Seed})");
        TensorAssert.Equal(Einsum.Compute("ji", Einsum.Compute("ij->ji", t.Select(2, 0))), t.Select(2, 0), $"a matrix view (seed {c.Seed})");
    });

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public Property Trace_IsTheSumOfTheDiagonal() => Prop.ForAll(TensorGen.MatMulCase(), c =>
    {
        Tensor m = TensorGen.Randn(c.Seed, c.N, c.N);
        double diagonal = 0;
        for (int i = 0; i < c.N; i++) diagonal += m[i, i];
        Assert.That(Einsum.Compute("ii", m).Item(), Is.EqualTo(diagonal).Within(1e-4), $"trace of a {c.N}×{c.N} matrix (seed {c.Seed})");
        Assert.That(Einsum.Compute("ii->", m).Item(), Is.EqualTo(diagonal).Within(1e-4), "explicit ii-> as well");
    });

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public Property BatchProduct_IsOneProductPerBatch() => Prop.ForAll(TensorGen.MatMulCase(max: 6), c =>
    {
        int batches = 1 + c.Seed % 4;
        Tensor a = TensorGen.Randn(c.Seed, batches, c.N, c.K), b = TensorGen.Randn(c.Seed + 1, batches, c.K, c.M);
        Tensor result = Einsum.Compute("bij,bjk->bik", a, b);
        TensorAssert.HasShape(result, [batches, c.N, c.M], "bij,bjk->bik");
        for (int n = 0; n < batches; n++)
            TensorAssert.Near(result.Select(0, n), Tensor.MatMul(a.Select(0, n), b.Select(0, n)), $"batch {n} (seed {c.Seed})");
    });

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public Property Implicit_EqualsExplicitWithTheSortedOnceSeenLabels() => Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), seed =>
    {
        // A random two-operand equation over a few letters, some shared (summed), some not (kept).
        var rng = new Rng((ulong)seed);
        string letters = "abcdXY";
        string left = new(letters.Where(_ => rng.NextInt(2) == 0).ToArray());
        string right = new(letters.Where(_ => rng.NextInt(2) == 0).ToArray());
        left = new string([.. left.OrderBy(_ => rng.NextInt(100))]);
        right = new string([.. right.OrderBy(_ => rng.NextInt(100))]);
        var size = letters.ToDictionary(l => l, _ => 1 + rng.NextInt(3));
        Tensor a = Tensor.Randn(rng, left.Select(l => size[l]).ToArray()), b = Tensor.Randn(rng, right.Select(l => size[l]).ToArray());
        string output = new([.. (left + right).GroupBy(l => l).Where(g => g.Count() == 1).Select(g => g.Key).Order()]);
        string equation = $"{left},{right}";
        TensorAssert.Near(Einsum.Compute(equation, a, b), Einsum.Compute($"{equation}->{output}", a, b),
            $"implicit \"{equation}\" = explicit \"{equation}->{output}\" (seed {seed})", atol: 1e-4);
        TensorAssert.Near(Einsum.Compute($"{equation}->{output}", a, b), LoopEinsum.Compute($"{equation}->{output}", a, b),
            $"\"{equation}->{output}\" against the loops (seed {seed})", atol: 1e-4);
    });
}
