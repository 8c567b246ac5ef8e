using FsCheck;
using FsCheck.Fluent;
using Foundations;
using Katas.Einsum;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K05_Einsum;

/// <summary>Step 4: the whole einsum — any number of operands, implicit mode, diagonals, "..." — against the loops.</summary>
[Category("K05")]
public class Step4_ManyOperandsTests
{
    private static Tensor Randn(int seed, params int[] shape) => TensorGen.Randn(seed, shape);

    private static void MatchesTheLoops(string equation, string explicitEquation, params Tensor[] operands) =>
        TensorAssert.Near(EinsumOps.Einsum(equation, operands), LoopEinsum.Compute(explicitEquation, operands),
            $"einsum(\"{equation}\") against the definition written as loops ({explicitEquation}), shapes " +
            string.Join(", ", operands.Select(o => ShapeRules.Format(o.Shape))), atol: 1e-4);

    [Test]
    public void ThreeOperands_bi_ij_bj_b()
    {
        Tensor x = Randn(1, 4, 3), w = Randn(2, 3, 5), y = Randn(3, 4, 5);
        MatchesTheLoops("bi,ij,bj->b", "bi,ij,bj->b", x, w, y); // the chapter's example: one bilinear form per row
    }

    [Test]
    public void Bilinear_bn_anm_bm_ba()
    {
        Tensor x = Randn(4, 3, 4), w = Randn(5, 2, 4, 5), y = Randn(6, 3, 5);
        MatchesTheLoops("bn,anm,bm->ba", "bn,anm,bm->ba", x, w, y);
    }

    [Test]
    public void FourOperands_ALabelIsSummedOnlyWhenNothingLaterNeedsIt()
    {
        Tensor a = Randn(7, 2, 3), b = Randn(8, 3, 4), c = Randn(9, 4, 2), d = Randn(10, 2);
        MatchesTheLoops("ij,jk,kl,l->ik", "ij,jk,kl,l->ik", a, b, c, d);
        MatchesTheLoops("ij,jk,ki->", "ij,jk,ki->", a, b, Randn(11, 4, 2)); // i is in the first and the last operand
        MatchesTheLoops("ij,jk,kl,l->li", "ij,jk,kl,l->li", a, b, c, d);
    }

    [Test]
    public void OneOperand_GoesStraightToReduce()
    {
        var m = Tensor.Arange(6).View(2, 3);
        TensorAssert.Equal(EinsumOps.Einsum("ij->ji", m), m.T().Contiguous(), "ij->ji: a transpose");
        TensorAssert.Equal(EinsumOps.Einsum("ij->i", m), Tensor.FromArray(3f, 12f), "ij->i: row sums");
    }

    [Test]
    public void ImplicitMode_EndToEnd()
    {
        Tensor a = Randn(12, 3, 4), b = Randn(13, 4, 2);
        TensorAssert.Near(EinsumOps.Einsum("ik,kj", a, b), Tensor.Matmul(a, b), "'ik,kj' means 'ik,kj->ij'");
        TensorAssert.Near(EinsumOps.Einsum("ji", a), a.T().Contiguous(), "'ji' means 'ji->ij': a transpose");
        MatchesTheLoops("aB,Bc", "aB,Bc->ac", Randn(14, 2, 3), Randn(15, 3, 4));
        MatchesTheLoops("Ba,cB", "Ba,cB->ac", Randn(16, 3, 2), Randn(17, 4, 3));
    }

    [Test]
    public void Trace_AndDiagonals_EndToEnd()
    {
        var m = Tensor.Arange(9).View(3, 3);
        Tensor trace = EinsumOps.Einsum("ii", m);
        Assert.That(trace.Rank, Is.EqualTo(0), "implicit 'ii': i is seen twice, so it is summed: a scalar");
        Assert.That(trace.Item(), Is.EqualTo(12f), "0 + 4 + 8");
        TensorAssert.Equal(EinsumOps.Einsum("ii->i", m), Tensor.FromArray(0f, 4f, 8f), "ii->i: the diagonal");
        MatchesTheLoops("ii,ij->j", "ii,ij->j", Randn(18, 3, 3), Randn(19, 3, 4));
        MatchesTheLoops("iji->ij", "iji->ij", Randn(20, 3, 3, 3));
    }

    [Test]
    public void Ellipsis_BroadcastsLeadingDimensions_EndToEnd()
    {
        Tensor a = Randn(21, 2, 1, 3, 4), b = Randn(22, 5, 4, 2);
        Tensor result = EinsumOps.Einsum("...ij,...jk->...ik", a, b);
        TensorAssert.HasShape(result, [2, 5, 3, 2], "'...' of [2, 1] and [5] broadcast to [2, 5]");
        for (int p = 0; p < 2; p++)
            for (int q = 0; q < 5; q++)
                TensorAssert.Near(result.Select(0, p).Select(0, q), Tensor.Matmul(a.Select(0, p).Select(0, 0), b.Select(0, q)),
                    $"batch [{p}, {q}] is a[{p}, 0] @ b[{q}]");
        Tensor t = Randn(23, 2, 3, 4, 5);
        TensorAssert.Near(EinsumOps.Einsum("i...j->ij", t), t.Sum(1).Sum(1), "the dims under '...' are summed when the output omits it");
        TensorAssert.Near(EinsumOps.Einsum("j...", t), t.Permute(1, 2, 3, 0).Contiguous(), "implicit 'j...' moves j to the end");
        Tensor batch = Randn(24, 4, 3, 3);
        TensorAssert.Near(EinsumOps.Einsum("...ii->...i", batch), Tensor.FromArray(
            Enumerable.Range(0, 4).SelectMany(n => Enumerable.Range(0, 3).Select(i => batch[n, i, i])).ToArray(), [4, 3]), "a batch of diagonals");
    }

    [Test]
    public void SizeOneDimensions_Broadcast_EndToEnd()
    {
        Tensor row = Randn(25, 1, 3), m = Randn(26, 2, 3);
        TensorAssert.Near(EinsumOps.Einsum("ij,ij->ij", row, m), row * m, "a size-1 i stretches to 2, as in broadcasting");
        TensorAssert.Near(EinsumOps.Einsum("ij,ij->j", row, m), (row * m).Sum(0), "…and may be summed after stretching");
    }

    [Test]
    public void ViewsWithOffsetsAndStrides_EndToEnd()
    {
        // Slices start inside their storage and step over it: einsum must read what the view shows, nothing else.
        Tensor grid = Randn(29, 7, 8);
        Tensor block = grid.Narrow(0, 2, 4).Narrow(1, 3, 4);      // a 4×4 block at [2, 3]: offset 19
        Tensor everyOther = grid.Slice(0, 1, 7, 2).Slice(1, 0, 8, 2); // rows 1, 3, 5 and columns 0, 2, 4, 6
        MatchesTheLoops("ii->i", "ii->i", block);
        MatchesTheLoops("ii", "ii->", block);
        MatchesTheLoops("ij,jk->ik", "ij,jk->ik", everyOther, block);
        MatchesTheLoops("ii,ij->j", "ii,ij->j", block, block.T());
    }

    [Test]
    public void BadInput_IsReportedByTheStepThatFindsIt()
    {
        Assert.That(() => EinsumOps.Einsum("i"), Throws.ArgumentException.With.Message.Contains("einsum(): must provide at least one operand"),
            "no operands at all");
        Assert.That(() => EinsumOps.Einsum("ij,jk->ik", Tensor.Zeros(2, 3)),
            Throws.ArgumentException.With.Message.Contains("fewer operands were provided than specified in the equation"), "step 1's check");
        Assert.That(() => EinsumOps.Einsum("ik,kj->ij", Tensor.Zeros(5, 784), Tensor.Zeros(10, 784)),
            Throws.ArgumentException.With.Message.Contains("subscript k").And.Message.Contains("[10, 784]"), "step 3's check: k is 784 and 10");
    }

    [Test]
    public void Operands_AreNotModified()
    {
        Tensor a = Randn(27, 3, 3), b = Randn(28, 3, 2);
        float[] before = [.. a.ToArray(), .. b.ToArray()];
        EinsumOps.Einsum("ik,kj->ij", a, b);
        EinsumOps.Einsum("ii->i", a);
        EinsumOps.Einsum("ij,ij,jk->k", a, a, b);
        Assert.That((float[])[.. a.ToArray(), .. b.ToArray()], Is.EqualTo(before), "einsum reads its operands, never writes them");
    }

    [PropertyTest("Einsum(\"ii\") and Einsum(\"ii->\") equal the sum of the diagonal.", MaxTest = 40)]
    public Property Trace_IsTheSumOfTheDiagonal() => Prop.ForAll(TensorGen.MatmulCase(), c =>
    {
        Tensor m = TensorGen.Randn(c.Seed, c.N, c.N);
        double diagonal = 0;
        for (int i = 0; i < c.N; i++) diagonal += m[i, i];
        Assert.That(EinsumOps.Einsum("ii", m).Item(), Is.EqualTo(diagonal).Within(1e-4), $"trace of a {c.N}×{c.N} matrix (seed {c.Seed})");
        Assert.That(EinsumOps.Einsum("ii->", m).Item(), Is.EqualTo(diagonal).Within(1e-4), "explicit ii-> as well");
    });

    [PropertyTest("An implicit equation equals the explicit one whose output is the labels seen once, sorted, and both equal the loop reference.", MaxTest = 40)]
    public Property Implicit_EqualsExplicitWithTheSortedOnceSeenLabels() => Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), seed =>
    {
        // A random three-operand equation over a few letters, some shared (summed), some not (kept).
        var rng = new Rng((ulong)seed);
        string letters = "abcdXY";
        var size = letters.ToDictionary(l => l, _ => 1 + rng.NextInt(3));
        string[] terms = [.. Enumerable.Range(0, 3).Select(_ => new string([.. letters.Where(_ => rng.NextInt(2) == 0).OrderBy(_ => rng.NextInt(100))]))];
        Tensor[] operands = [.. terms.Select(term => Tensor.Randn(rng, term.Select(l => size[l]).ToArray()))];
        string output = new([.. string.Concat(terms).GroupBy(l => l).Where(g => g.Count() == 1).Select(g => g.Key).Order()]);
        string equation = string.Join(",", terms);
        TensorAssert.Near(EinsumOps.Einsum(equation, operands), EinsumOps.Einsum($"{equation}->{output}", operands),
            $"implicit \"{equation}\" = explicit \"{equation}->{output}\" (seed {seed})", atol: 1e-4);
        TensorAssert.Near(EinsumOps.Einsum($"{equation}->{output}", operands), LoopEinsum.Compute($"{equation}->{output}", operands),
            $"\"{equation}->{output}\" against the loops (seed {seed})", atol: 1e-4);
    });

    [TestCase("ij,kj->ij")]
    [TestCase("ij,jk->jk")]
    [TestCase("ij,jk->ij")]
    [TestCase("ii,ij->ij")]
    [TestCase("ij,jj->ij")]
    [TestCase("ij,lk->ik")]
    public void EquationsAlmostLikeAProduct_AreNotAProduct(string equation)
    {
        // Nine characters, two 3×3 matrices: any shortcut for "ik,kj->ij" must check every letter.
        MatchesTheLoops(equation, equation, Randn(41, 3, 3), Randn(42, 3, 3));
    }

    [Test]
    public void TheProductsEquation_WithAnOutputLetterTwice_IsStillAnError()
    {
        Assert.That(() => EinsumOps.Einsum("ij,ji->ii", Tensor.Zeros(3, 3), Tensor.Zeros(3, 3)),
            Throws.ArgumentException.With.Message.Contains("einsum(): output subscript i appears more than once in the output"),
            "\"ij,ji->ii\" looks like a product but its output repeats i");
    }

    [TestCase(new[] { 2, 3, 4 }, new[] { 3, 5 }, "einsum(): the number of subscripts in the equation (2) does not match the number of dimensions (3) for operand 0")]
    [TestCase(new[] { 2, 3 }, new[] { 3, 4, 5 }, "einsum(): the number of subscripts in the equation (2) does not match the number of dimensions (3) for operand 1")]
    public void TheProductsEquation_OnAnOperandThatIsNotAMatrix_ReportsTheRank(int[] a, int[] b, string message)
    {
        Assert.That(() => EinsumOps.Einsum("ik,kj->ij", Tensor.Zeros(a), Tensor.Zeros(b)),
            Throws.ArgumentException.With.Message.Contains(message),
            $"\"ik,kj->ij\" on shapes {ShapeRules.Format(a)} and {ShapeRules.Format(b)}: two letters for a 3-D operand");
    }

    [TestCase("ik;kj->ij", 2)]
    [TestCase("ik,kj=>ij", 5)]
    [TestCase("ik,kj-)ij", 5)]
    public void ATypoInTheProductsEquation_IsAnInvalidSubscript(string equation, int index)
    {
        Assert.That(() => EinsumOps.Einsum(equation, Tensor.Zeros(2, 3), Tensor.Zeros(3, 4)),
            Throws.ArgumentException.With.Message.Contains($"einsum(): invalid subscript given at index {index} in the equation string"),
            $"\"{equation}\" is the product with one character mistyped");
    }
}
