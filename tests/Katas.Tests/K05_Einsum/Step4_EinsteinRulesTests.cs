using Foundations;
using Katas.Einsum;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K05_Einsum;

/// <summary>
/// The chapter's question 25: the three rules of Einstein summation, and where PyTorch's einsum (and yours)
/// keeps or relaxes each one. The README's "Einstein's rules, and where einsum departs from them" explains why.
/// </summary>
[Category("K05")]
public class Step4_EinsteinRulesTests
{
    private static readonly Tensor U = Tensor.FromArray(1f, 2f, 3f), V = Tensor.FromArray(4f, 5f, 6f), W = Tensor.FromArray(7f, 8f, 9f);

    [Test]
    public void Rule1_ARepeatedIndexIsSummed_UnlessTheOutputKeepsIt()
    {
        Assert.That(EinsumOps.Einsum("i,i->", U, V).Item(), Is.EqualTo(32f), "i is repeated and not in the output: summed, 4 + 10 + 18");
        Assert.That(EinsumOps.Einsum("i,i", U, V).Item(), Is.EqualTo(32f), "implicit mode is the classic convention: a repeated index is summed");
        TensorAssert.Equal(EinsumOps.Einsum("i,i->i", U, V), Tensor.FromArray(4f, 10f, 18f),
            "the book's 'if they are not on the right side': an output that keeps i keeps it, elementwise");
        Tensor a = TensorGen.Randn(1, 2, 3), b = TensorGen.Randn(2, 3, 4);
        Tensor kept = EinsumOps.Einsum("ij,jk->ijk", a, b);
        TensorAssert.Near(kept.Sum(1), Tensor.Matmul(a, b), "ij,jk->ijk keeps the products apart; summing j afterwards is the matrix product");
    }

    [Test]
    public void Rule2_AnIndexMayAppearMoreThanTwice_AndIsStillSummed()
    {
        Assert.That(EinsumOps.Einsum("i,i,i->", U, V, W).Item(), Is.EqualTo(1 * 4 * 7 + 2 * 5 * 8 + 3 * 6 * 9),
            "i,i,i->: the classic rules forbid a third i; einsum sums Σ u[i]·v[i]·w[i]");
        Assert.That(EinsumOps.Einsum("i,i,i", U, V, W).Item(), Is.EqualTo(270f), "implicit: i is seen three times, not once, so it is summed");
        var cube = Tensor.Arange(27).View(3, 3, 3);
        TensorAssert.Equal(EinsumOps.Einsum("iii->i", cube), Tensor.FromArray(0f, 13f, 26f), "iii->i: the cube's diagonal t[i, i, i]");
    }

    [Test]
    public void Rule3_AnIndexSeenOnce_MayBeLeftOutOfAnExplicitOutput()
    {
        var m = Tensor.Arange(6).View(2, 3);
        TensorAssert.Equal(EinsumOps.Einsum("ij->i", m), Tensor.FromArray(3f, 12f),
            "j appears once and not on the right: the classic rules forbid it, einsum sums it (row sums)");
        Assert.That(EinsumOps.Einsum("i,j->", U, V).Item(), Is.EqualTo(6f * 15f), "i,j->: Σᵢ Σⱼ u[i]·v[j] = (Σ u)(Σ v)");
        TensorAssert.HasShape(EinsumOps.Einsum("ij,jk", TensorGen.Randn(3, 2, 3), TensorGen.Randn(4, 3, 4)), [2, 4],
            "implicit mode keeps rule 3: every index seen once (i and k) is in the output");
    }

    [Test]
    public void TheOutput_NamesEachIndexOnce_AndOnlyIndicesTheInputsHave()
    {
        Assert.That(() => EinsumOps.Einsum("ij->ii", Tensor.Zeros(3, 3)),
            Throws.ArgumentException.With.Message.Contains("output subscript i appears more than once"),
            "what einsum keeps strict: an output dimension is one index (use ii->i on the input side for a diagonal)");
        Assert.That(() => EinsumOps.Einsum("i->j", U),
            Throws.ArgumentException.With.Message.Contains("output subscript j does not appear"), "an index no operand has has no size");
    }
}
