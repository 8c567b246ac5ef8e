using FsCheck;
using FsCheck.Fluent;
using Foundations;
using Katas.Einsum;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K05_Einsum;

/// <summary>
/// Step 2: one or two operands with distinct labels. Reduce sums the labels the output lacks and permutes;
/// Contract turns two operands into one matrix product. Each case is compared with the definition as loops.
/// </summary>
[Category("K05")]
public class Step2_ContractTwoOperandsTests
{
    private static Tensor Randn(int seed, params int[] shape) => TensorGen.Randn(seed, shape);

    private static void MatchesTheLoops(Tensor a, string aLabels, Tensor b, string bLabels, string output) =>
        TensorAssert.Near(Contraction.Contract(a, aLabels, b, bLabels, output), LoopEinsum.Compute($"{aLabels},{bLabels}->{output}", a, b),
            $"Contract(a, \"{aLabels}\", b, \"{bLabels}\", \"{output}\") against the definition written as loops, shapes " +
            $"{ShapeRules.Format(a.Shape)} and {ShapeRules.Format(b.Shape)}", atol: 1e-4);

    [Test]
    public void Reduce_Transposes_AndSumsWhatTheOutputLacks()
    {
        var m = Tensor.Arange(6).View(2, 3);
        TensorAssert.Equal(Contraction.Reduce(m, "ij", "ji"), m.T().Contiguous(), "ij->ji swaps the dimensions");
        TensorAssert.Equal(Contraction.Reduce(m, "ij", "ij"), m, "ij->ij changes nothing");
        TensorAssert.Equal(Contraction.Reduce(m, "ij", "i"), Tensor.FromArray(3f, 12f), "j is not in the output: row sums");
        TensorAssert.Equal(Contraction.Reduce(m, "ij", "j"), Tensor.FromArray(3f, 5f, 7f), "i is not in the output: column sums");
        Tensor all = Contraction.Reduce(m, "ij", "");
        Assert.That(all.Rank, Is.EqualTo(0), "ij->: an empty output is a scalar");
        Assert.That(all.Item(), Is.EqualTo(15f), "ij->: everything summed, 0 + 1 + … + 5");
        Tensor t = Randn(1, 2, 3, 4);
        TensorAssert.Near(Contraction.Reduce(t, "ijk", "ki"), t.Sum(1).T().Contiguous(), "ijk->ki: sum j, then put k first");
    }

    [Test]
    public void MatrixProduct_ik_kj_ij()
    {
        var a = Tensor.FromArray(new float[,] { { 1, 2 }, { 3, 4 } });
        var b = Tensor.FromArray(new float[,] { { 5, 6 }, { 7, 8 } });
        TensorAssert.Equal(Contraction.Contract(a, "ik", b, "kj", "ij"), Tensor.FromArray(new float[,] { { 19, 22 }, { 43, 50 } }),
            "c[i, j] = Σₖ a[i, k]·b[k, j]: k is in both operands and not in the output, so it is summed");
        MatchesTheLoops(Randn(2, 5, 7), "ik", Randn(3, 7, 3), "kj", "ij");
    }

    [Test]
    public void ChaptersCase_5x784_Times_784x10_MatchesTheRealProduct()
    {
        var rng = new Rng(17);
        Tensor images = Tensor.Rand(rng, 5, 784), weights = Tensor.Randn(rng, 784, 10);
        TensorAssert.Near(Contraction.Contract(images, "ik", weights, "kj", "ij"), Tensor.Matmul(images, weights), "the chapter's einsum matmul");
    }

    [Test]
    public void Outer_Dot_AndElementwise()
    {
        Tensor u = Tensor.FromArray(1f, 2f, 3f), v = Tensor.FromArray(10f, 20f);
        TensorAssert.Equal(Contraction.Contract(u, "i", v, "j", "ij"), Tensor.FromArray(new float[,] { { 10, 20 }, { 20, 40 }, { 30, 60 } }),
            "i,j->ij: nothing is summed, every pair is multiplied (rows i, columns j, an empty k)");
        Assert.That(Contraction.Contract(u, "i", u, "i", "").Item(), Is.EqualTo(14f), "i,i->: the dot product 1 + 4 + 9");
        TensorAssert.Equal(Contraction.Contract(u, "i", u, "i", "i"), Tensor.FromArray(1f, 4f, 9f),
            "i,i->i: i is in both and in the output, a batch label: the elementwise product");
    }

    [Test]
    public void Batch_bij_bjk_bik()
    {
        Tensor a = Randn(4, 4, 2, 3), b = Randn(5, 4, 3, 5);
        MatchesTheLoops(a, "bij", b, "bjk", "bik");
        TensorAssert.Near(Contraction.Contract(a, "bij", b, "bjk", "bik"), Tensor.Matmul(a, b), "the batched matrix product");
    }

    [Test]
    public void OutputsInAnyOrder_AndBatchLabelsAnywhere()
    {
        Tensor a = Randn(6, 2, 3), b = Randn(7, 3, 4);
        MatchesTheLoops(a, "ij", b, "jk", "kji"); // j is kept: a batch label in the middle of both operands
        MatchesTheLoops(a, "ij", Randn(8, 5, 3), "kj", "jki");
        MatchesTheLoops(a, "ij", b, "jk", "ki");
    }

    [Test]
    public void LabelsOnlyOneOperandHas_AreSummedWhenTheOutputLacksThem()
    {
        Tensor a = Randn(9, 2, 3), b = Randn(10, 3, 4);
        MatchesTheLoops(a, "ij", b, "jk", "k"); // i only in a, not wanted: sum it first
        MatchesTheLoops(a, "ij", b, "jk", "i");
        MatchesTheLoops(a, "ij", b, "jk", "");
        MatchesTheLoops(Randn(11, 2, 3, 4), "ijl", Randn(12, 4, 5), "lm", "jm");
    }

    [Test]
    public void TransposedViews_AndEmptyDimensions()
    {
        Tensor a = Randn(13, 7, 4), b = Randn(14, 3, 7);
        TensorAssert.Near(Contraction.Contract(a, "ki", b, "jk", "ij"), Tensor.Matmul(a.T(), b.T()), "operands whose labels need permuting");
        TensorAssert.Near(Contraction.Contract(a.T(), "ik", b.T(), "kj", "ij"), Tensor.Matmul(a.T(), b.T()), "transposed views as operands");
        TensorAssert.Equal(Contraction.Contract(Tensor.Zeros(2, 0), "ik", Tensor.Zeros(0, 3), "kj", "ij"), Tensor.Zeros(2, 3),
            "summing over an empty k gives zeros");
        TensorAssert.HasShape(Contraction.Contract(Tensor.Zeros(0, 4), "ik", Tensor.Zeros(4, 3), "kj", "ij"), [0, 3], "no rows: a 0×3 result");
    }

    [Test]
    public void Reduce_PutsEachOutputLabelWhereTheOutputNamesIt_ForARotation()
    {
        // A rotation is not its own inverse (unlike a swap): result dimension d is the operand's dimension labelled output[d].
        var t = Tensor.Arange(24).View(2, 3, 4);
        TensorAssert.Equal(Contraction.Reduce(t, "ijk", "jki"), t.Permute(1, 2, 0).Contiguous(),
            "Reduce(t of shape [2, 3, 4], \"ijk\", \"jki\") has shape [3, 4, 2] and result[j, k, i] = t[i, j, k]");
        TensorAssert.Equal(Contraction.Reduce(t, "ijk", "kij"), t.Permute(2, 0, 1).Contiguous(),
            "Reduce(t of shape [2, 3, 4], \"ijk\", \"kij\") has shape [4, 2, 3] and result[k, i, j] = t[i, j, k]");
    }

    [Test]
    public void Contract_GroupsWhoseStridesDoNotLineUp_AreStillMultipliedCorrectly()
    {
        // a's rows i and j come from a permuted view: j's stride (4) is not i's (12) times anything, so the group [i, j]
        // cannot be one strided dimension; merging it anyway reads the wrong numbers (Reshape copies instead).
        Tensor a = Randn(31, 3, 2, 4).Permute(1, 0, 2), b = Randn(32, 4, 5);
        MatchesTheLoops(a, "ijk", b, "kl", "ijl");
        Tensor expanded = Randn(33, 1, 3, 4).Expand(2, 3, 4); // stride 0 under b: a batch of repeats
        MatchesTheLoops(expanded, "bik", Randn(34, 2, 4, 5), "bkj", "bij");
    }

    [Test]
    public void Contract_ReadsViewsWithAnOffsetFromTheirFirstElement()
    {
        // Narrow and Select give views that start inside their storage: element [0, 0] is not storage[0].
        Tensor big = Randn(35, 6, 4), stack = Randn(36, 3, 4, 5);
        Tensor a = big.Narrow(0, 2, 3), b = stack.Select(0, 2); // offsets 8 and 40
        MatchesTheLoops(a, "ik", b, "kj", "ij");
        MatchesTheLoops(a, "ik", b.T(), "jk", "ji");
        MatchesTheLoops(stack.Narrow(0, 1, 2), "ijk", Randn(37, 5, 2), "kl", "ijl"); // rows i and j merged into one view: offset 20
    }

    [Test]
    public void Operands_AreNotModified()
    {
        Tensor a = Randn(15, 3, 4), b = Randn(16, 4, 2);
        float[] before = [.. a.ToArray(), .. b.ToArray()];
        Contraction.Contract(a, "ik", b, "kj", "ij");
        Contraction.Reduce(a, "ij", "ji");
        Contraction.Reduce(a, "ij", "i");
        Assert.That((float[])[.. a.ToArray(), .. b.ToArray()], Is.EqualTo(before), "einsum reads its operands, never writes them");
    }

    [PropertyTest("Contracting ik,kj->ij equals the matrix product computed with three loops.", MaxTest = 40)]
    public Property MatrixProduct_EqualsTheNaiveLoops() => Prop.ForAll(TensorGen.MatmulCase(), c =>
    {
        Tensor a = TensorGen.Randn(c.Seed, c.N, c.K), b = TensorGen.Randn(c.Seed + 1, c.K, c.M);
        var expected = Tensor.Zeros(c.N, c.M); // K02's idea: three loops
        for (int i = 0; i < c.N; i++)
            for (int j = 0; j < c.M; j++)
                for (int k = 0; k < c.K; k++)
                    expected[i, j] += a[i, k] * b[k, j];
        TensorAssert.Near(Contraction.Contract(a, "ik", b, "kj", "ij"), expected, $"{c.N}×{c.K} @ {c.K}×{c.M} (seed {c.Seed})");
    });

    [PropertyTest("Permuting ijk->kji and back gives the original tensor exactly.", MaxTest = 40)]
    public Property TransposingTwice_IsTheIdentity() => Prop.ForAll(TensorGen.MatmulCase(), c =>
    {
        Tensor t = TensorGen.Randn(c.Seed, c.N, c.K, c.M);
        TensorAssert.Equal(Contraction.Reduce(Contraction.Reduce(t, "ijk", "kji"), "kji", "ijk"), t, $"a {c.N}×{c.K}×{c.M} tensor (seed {c.Seed})");
    });

    [PropertyTest("bij,bjk->bik is one matrix product per batch, each equal to the substrate's Matmul.", MaxTest = 40)]
    public Property BatchProduct_IsOneProductPerBatch() => Prop.ForAll(TensorGen.MatmulCase(max: 6), c =>
    {
        int batches = 1 + c.Seed % 4;
        Tensor a = TensorGen.Randn(c.Seed, batches, c.N, c.K), b = TensorGen.Randn(c.Seed + 1, batches, c.K, c.M);
        Tensor result = Contraction.Contract(a, "bij", b, "bjk", "bik");
        TensorAssert.HasShape(result, [batches, c.N, c.M], "bij,bjk->bik");
        for (int n = 0; n < batches; n++)
            TensorAssert.Near(result.Select(0, n), Tensor.Matmul(a.Select(0, n), b.Select(0, n)), $"batch {n} (seed {c.Seed})");
    });

    [TestCase("i")]
    [TestCase("ii")]
    public void Reduce_LabelsThatAreNotOneDistinctLabelPerDimension_ThrowNamingTheShapeAndTheLabels(string labels)
    {
        var error = Assert.Throws<ArgumentException>(() => Contraction.Reduce(Tensor.Zeros(2, 2), labels, "i"),
            $"Reduce(m, \"{labels}\", \"i\") on a 2×2 m: step 2 needs one distinct label per dimension");
        Assert.That(error!.Message, Does.Contain("operand").And.Contain("[2, 2]").And.Contain($"\"{labels}\""),
            "the message should name the operand, its shape [2, 2] and the labels");
    }

    [Test]
    public void Contract_LabelsThatDoNotFitAnOperand_ThrowNamingWhichOperand()
    {
        var error = Assert.Throws<ArgumentException>(() => Contraction.Contract(Tensor.Zeros(2, 3), "i", Tensor.Zeros(3, 4), "jk", "ik"),
            "one label \"i\" for the 2×3 first operand");
        Assert.That(error!.Message, Does.Contain("first operand").And.Contain("[2, 3]").And.Contain("\"i\""),
            "the message should name the first operand, its shape and its labels");
        error = Assert.Throws<ArgumentException>(() => Contraction.Contract(Tensor.Zeros(2, 3), "ij", Tensor.Zeros(3, 4), "j", "ij"),
            "one label \"j\" for the 3×4 second operand");
        Assert.That(error!.Message, Does.Contain("second operand").And.Contain("[3, 4]").And.Contain("\"j\""),
            "the message should name the second operand, its shape and its labels");
    }

    [TestCase("ik")]
    [TestCase("ii")]
    public void Reduce_AnOutputThatDoesNotNameTheOperandsDimensions_ThrowsNamingIt(string output)
    {
        var error = Assert.Throws<ArgumentException>(() => Contraction.Reduce(Tensor.Zeros(2, 3), "ij", output),
            $"Reduce(m, \"ij\", \"{output}\"): each output label must name one dimension of the operand, once");
        Assert.That(error!.Message, Does.Contain($"\"{output}\""), $"the message should name the output \"{output}\"");
    }
}
