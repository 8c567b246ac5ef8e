using Foundations;
using Katas.Einsum;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K05_Einsum;

[Category("K05")]
public class EinsumExampleTests
{
    private static Tensor Randn(int seed, params int[] shape) => TensorGen.Randn(seed, shape);

    private static void MatchesTheLoops(string equation, string explicitEquation, params Tensor[] operands) =>
        TensorAssert.Near(Einsum.Compute(equation, operands), LoopEinsum.Compute(explicitEquation, operands),
            $"einsum(\"{equation}\") against the definition written as loops ({explicitEquation}), shapes " +
            string.Join(", ", operands.Select(o => ShapeRules.Format(o.Shape))), atol: 1e-4);

    [Test]
    public void MatrixProduct_ikkj_ij()
    {
        var a = Tensor.FromArray(new float[,] { { 1, 2 }, { 3, 4 } });
        var b = Tensor.FromArray(new float[,] { { 5, 6 }, { 7, 8 } });
        TensorAssert.Equal(Einsum.Compute("ik,kj->ij", a, b), Tensor.FromArray(new float[,] { { 19, 22 }, { 43, 50 } }),
            "c[i, j] = Σₖ a[i, k]·b[k, j]: k is not in the output, so it is summed");
        MatchesTheLoops("ik,kj->ij", "ik,kj->ij", Randn(1, 5, 7), Randn(2, 7, 3));
    }

    [Test]
    public void ChaptersCase_5x784_Times_784x10_MatchesTheRealProduct()
    {
        var rng = new Rng(17);
        Tensor images = Tensor.Rand(rng, 5, 784), weights = Tensor.Randn(rng, 784, 10);
        TensorAssert.Near(Einsum.Compute("ik,kj->ij", images, weights), Tensor.MatMul(images, weights), "the chapter's einsum matmul");
    }

    [Test]
    public void SpacesAreIgnored()
    {
        Tensor a = Randn(3, 4, 3), b = Randn(4, 3, 2);
        TensorAssert.Near(Einsum.Compute(" ik , kj -> ij ", a, b), LoopEinsum.Compute("ik,kj->ij", a, b), "spaces anywhere change nothing");
    }

    [Test]
    public void Transpose_ij_ji_AndImplicit_ji()
    {
        var m = Tensor.Arange(6).View(2, 3);
        TensorAssert.Equal(Einsum.Compute("ij->ji", m), m.T().Contiguous(), "ij->ji swaps the dimensions");
        TensorAssert.Equal(Einsum.Compute("ji", m), m.T().Contiguous(),
            "implicit mode sorts the output labels: 'ji' means 'ji->ij', a transpose");
        TensorAssert.Equal(Einsum.Compute("ij", m), m, "implicit 'ij' is 'ij->ij': nothing changes");
    }

    [Test]
    public void ImplicitOutput_SortsUppercaseBeforeLowercase()
    {
        var m = Tensor.Arange(6).View(2, 3);
        TensorAssert.Equal(Einsum.Compute("bA", m), m.T().Contiguous(), "'bA' → output 'Ab': uppercase sorts first, so a transpose");
        TensorAssert.Equal(Einsum.Compute("Ab", m), m, "'Ab' → output 'Ab'");
        Tensor a = Randn(5, 2, 3), b = Randn(6, 3, 4);
        MatchesTheLoops("aB,Bc", "aB,Bc->ac", a, b);
        MatchesTheLoops("Ba,cB", "Ba,cB->ac", Randn(7, 3, 2), Randn(8, 4, 3));
    }

    [Test]
    public void Trace_ii_AndDiagonal_ii_i()
    {
        var m = Tensor.Arange(9).View(3, 3);
        Tensor trace = Einsum.Compute("ii", m);
        Assert.That(trace.Rank, Is.EqualTo(0), "implicit 'ii': i is seen twice, so it is summed: a scalar");
        Assert.That(trace.Item(), Is.EqualTo(12f), "0 + 4 + 8");
        TensorAssert.Equal(Einsum.Compute("ii->i", m), Tensor.FromArray(0f, 4f, 8f), "ii->i: the diagonal");
        TensorAssert.Equal(Einsum.Compute("ii->i", m.T()), Tensor.FromArray(0f, 4f, 8f), "a transposed view has the same diagonal");
    }

    [Test]
    public void RepeatedLabels_InsideLargerTerms()
    {
        Tensor t = Randn(9, 3, 3, 3);
        MatchesTheLoops("iii->i", "iii->i", t);
        MatchesTheLoops("iij->j", "iij->j", t);
        MatchesTheLoops("iji->ij", "iji->ij", t);
        MatchesTheLoops("ii,ij->j", "ii,ij->j", Randn(10, 3, 3), Randn(11, 3, 4));
    }

    [Test]
    public void Sums_ij_i_AndEverything()
    {
        var m = Tensor.Arange(6).View(2, 3);
        TensorAssert.Equal(Einsum.Compute("ij->i", m), Tensor.FromArray(3f, 12f), "j is not in the output: row sums");
        TensorAssert.Equal(Einsum.Compute("ij->j", m), Tensor.FromArray(3f, 5f, 7f), "column sums");
        Assert.That(Einsum.Compute("ij->", m).Item(), Is.EqualTo(15f), "an empty output sums everything");
    }

    [Test]
    public void Outer_ij_AndDot_i_i()
    {
        Tensor u = Tensor.FromArray(1f, 2f, 3f), v = Tensor.FromArray(10f, 20f);
        TensorAssert.Equal(Einsum.Compute("i,j->ij", u, v), Tensor.FromArray(new float[,] { { 10, 20 }, { 20, 40 }, { 30, 60 } }),
            "i,j->ij: nothing is summed, every pair is multiplied");
        Assert.That(Einsum.Compute("i,i->", u, u).Item(), Is.EqualTo(14f), "i,i->: the dot product 1 + 4 + 9");
        Assert.That(Einsum.Compute("i,i", u, u).Item(), Is.EqualTo(14f), "implicit i,i: i is seen twice, so summed");
        TensorAssert.Equal(Einsum.Compute("i,i->i", u, u), Tensor.FromArray(1f, 4f, 9f), "i,i->i: elementwise product");
    }

    [Test]
    public void Batch_bij_bjk_bik()
    {
        Tensor a = Randn(12, 4, 2, 3), b = Randn(13, 4, 3, 5);
        MatchesTheLoops("bij,bjk->bik", "bij,bjk->bik", a, b);
        TensorAssert.Near(Einsum.Compute("bij,bjk->bik", a, b), Tensor.MatMul(a, b), "the batched matrix product");
    }

    [Test]
    public void ThreeOperands_bi_ij_bj_b()
    {
        Tensor x = Randn(14, 4, 3), w = Randn(15, 3, 5), y = Randn(16, 4, 5);
        MatchesTheLoops("bi,ij,bj->b", "bi,ij,bj->b", x, w, y);
    }

    [Test]
    public void Bilinear_bn_anm_bm_ba()
    {
        Tensor x = Randn(17, 3, 4), w = Randn(18, 2, 4, 5), y = Randn(19, 3, 5);
        MatchesTheLoops("bn,anm,bm->ba", "bn,anm,bm->ba", x, w, y);
    }

    [Test]
    public void FourOperands_AndOutputsInAnyOrder()
    {
        Tensor a = Randn(20, 2, 3), b = Randn(21, 3, 4), c = Randn(22, 4, 2), d = Randn(23, 2);
        MatchesTheLoops("ij,jk,kl,l->ik", "ij,jk,kl,l->ik", a, b, c, d);
        MatchesTheLoops("ij,jk->kji", "ij,jk->kji", a, b); // j is kept: a batch label in the middle
        MatchesTheLoops("ij,kj->jki", "ij,kj->jki", a, Randn(24, 5, 3));
    }

    [Test]
    public void Ellipsis_BroadcastsLeadingDimensions()
    {
        Tensor a = Randn(25, 2, 1, 3, 4), b = Randn(26, 5, 4, 2);
        Tensor result = Einsum.Compute("...ij,...jk->...ik", a, b);
        TensorAssert.HasShape(result, [2, 5, 3, 2], "'...' of [2, 1] and [5] broadcast to [2, 5]");
        for (int p = 0; p < 2; p++)
            for (int q = 0; q < 5; q++)
                TensorAssert.Near(result.Select(0, p).Select(0, q), Tensor.MatMul(a.Select(0, p).Select(0, 0), b.Select(0, q)),
                    $"batch [{p}, {q}] is a[{p}, 0] @ b[{q}]");
    }

    [Test]
    public void Ellipsis_InTheMiddle_AtTheEnd_AndImplicit()
    {
        Tensor t = Randn(27, 2, 3, 4, 5);
        TensorAssert.Near(Einsum.Compute("i...j->ij", t), t.Sum(1).Sum(1), "the dims under '...' are summed when the output omits it");
        TensorAssert.Near(Einsum.Compute("i...->...", t), t.Sum(0), "'i...->...' sums the first dimension");
        TensorAssert.Near(Einsum.Compute("...j", t), t, "implicit with '...': the ellipsis dims come first, then j");
        TensorAssert.Near(Einsum.Compute("j...", t), t.Permute(1, 2, 3, 0).Contiguous(), "implicit 'j...' moves j to the end");
        Tensor m = Randn(28, 4, 3, 3);
        TensorAssert.Near(Einsum.Compute("...ii->...i", m), Tensor.FromArray(
            Enumerable.Range(0, 4).SelectMany(b => Enumerable.Range(0, 3).Select(i => m[b, i, i])).ToArray(), [4, 3]), "a batch of diagonals");
    }

    [Test]
    public void SizeOneDimensions_Broadcast()
    {
        Tensor row = Randn(29, 1, 3), m = Randn(30, 2, 3);
        TensorAssert.Near(Einsum.Compute("ij,ij->ij", row, m), row * m, "a size-1 i stretches to 2, as in broadcasting");
        TensorAssert.Near(Einsum.Compute("ij,ij->j", row, m), (row * m).Sum(0), "…and may be summed after stretching");
    }

    [Test]
    public void TransposedViews_AndEmptyDimensions()
    {
        Tensor a = Randn(31, 7, 4), b = Randn(32, 3, 7);
        TensorAssert.Near(Einsum.Compute("ki,jk->ij", a, b), Tensor.MatMul(a.T(), b.T()), "operands whose labels need permuting");
        TensorAssert.Near(Einsum.Compute("ik,kj->ij", a.T(), b.T()), Tensor.MatMul(a.T(), b.T()), "transposed views as operands");
        TensorAssert.Equal(Einsum.Compute("ik,kj->ij", Tensor.Zeros(2, 0), Tensor.Zeros(0, 3)), Tensor.Zeros(2, 3),
            "summing over an empty k gives zeros");
        TensorAssert.HasShape(Einsum.Compute("ik,kj->ij", Tensor.Zeros(0, 4), Tensor.Zeros(4, 3)), [0, 3], "no rows: a 0×3 result");
    }

    [Test]
    public void Operands_AreNotModified()
    {
        Tensor a = Randn(33, 3, 4), b = Randn(34, 4, 2);
        float[] before = [.. a.ToArray(), .. b.ToArray()];
        Einsum.Compute("ik,kj->ij", a, b);
        Einsum.Compute("ij->ji", a);
        Assert.That((float[])[.. a.ToArray(), .. b.ToArray()], Is.EqualTo(before), "einsum reads its operands, never writes them");
    }
}
