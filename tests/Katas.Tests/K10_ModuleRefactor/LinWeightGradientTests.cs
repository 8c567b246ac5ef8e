using FsCheck;
using FsCheck.Fluent;
using Foundations;
using Katas.ModuleRefactor;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K10_ModuleRefactor;

[Category("K10")]
public class LinWeightGradientTests
{
    [Test]
    public void OuterProducts_SumOneOuterProductPerRow()
    {
        var input = Tensor.FromArray(new float[,] { { 1, 2 }, { 3, 4 } });
        var outGrad = Tensor.FromArray(new float[,] { { 1, 0, -1 }, { 2, 1, 0 } });
        // Row 0: [1,2]ᵀ·[1,0,−1] = [[1,0,−1],[2,0,−2]]; row 1: [3,4]ᵀ·[2,1,0] = [[6,3,0],[8,4,0]].
        var expected = Tensor.FromArray(new float[,] { { 7, 3, -1 }, { 10, 4, -2 } });
        TensorAssert.Equal(Lin.WeightGradientByOuterProducts(input, outGrad), expected, "w.Grad = Σᵢ outer(inp[i], out.g[i])");
        TensorAssert.Equal(Lin.WeightGradientByMatmul(input, outGrad), expected, "w.Grad = inpᵀ @ out.g");
    }

    [PropertyTest("The weight gradient by one matrix product equals the sum of per-example outer products.", MaxTest = 40)]
    public Property BothWeightGradients_Agree() => Prop.ForAll(TensorGen.MatmulCase(16), c =>
    {
        // Here N is the batch, K the inputs and M the outputs.
        Tensor input = TensorGen.Randn(c.Seed, c.N, c.K), outGrad = TensorGen.Randn(c.Seed + 1, c.N, c.M);
        TensorAssert.Near(Lin.WeightGradientByMatmul(input, outGrad), Lin.WeightGradientByOuterProducts(input, outGrad),
            $"the sum of outer products is a matrix product: batch {c.N}, n_in {c.K}, n_out {c.M}, seed {c.Seed}", rtol: 1e-3, atol: 1e-4);
    });

    [Test]
    public void WithBatchesThatDiffer_ThrowsNamingTheShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => Lin.WeightGradientByOuterProducts(Tensor.Zeros(5, 3), Tensor.Zeros(4, 2)),
            "one output-gradient row per input row");
        Assert.That(error!.Message, Does.Contain("[5, 3]").And.Contain("[4, 2]"));
        var matmulError = Assert.Throws<ArgumentException>(() => Lin.WeightGradientByMatmul(Tensor.Zeros(5, 3), Tensor.Zeros(4, 2)),
            "the matrix-product version checks the batch too");
        Assert.That(matmulError!.Message, Does.Contain("[5, 3]").And.Contain("[4, 2]"),
            "the message names the shapes the caller passed (Matmul's own error would name inpᵀ, 3x5)");
    }

    [TestCase(new[] { 5 }, new[] { 5, 2 })]
    [TestCase(new[] { 5, 3 }, new[] { 5 })]
    public void WithAnInputOrGradientThatIsNotAMatrix_BothVersionsThrowNamingTheShapes(int[] input, int[] outGrad)
    {
        string shapes = $"input {ShapeRules.Format(input)}, out.g {ShapeRules.Format(outGrad)}";
        var outer = Assert.Throws<ArgumentException>(() => Lin.WeightGradientByOuterProducts(Tensor.Zeros(input), Tensor.Zeros(outGrad)),
            $"outer products need input [batch, n_in] and out.g [batch, n_out]: {shapes}");
        Assert.That(outer!.Message, Does.Contain(ShapeRules.Format(input)).And.Contain(ShapeRules.Format(outGrad)),
            $"the outer-product version's message names both shapes: {shapes}");
        var matmul = Assert.Throws<ArgumentException>(() => Lin.WeightGradientByMatmul(Tensor.Zeros(input), Tensor.Zeros(outGrad)),
            $"the matrix product needs input [batch, n_in] and out.g [batch, n_out]: {shapes}");
        Assert.That(matmul!.Message, Does.Contain(ShapeRules.Format(input)).And.Contain(ShapeRules.Format(outGrad)),
            $"the matrix-product version's message names both shapes as passed (Matmul's own error would name inpᵀ): {shapes}");
    }
}
