using Foundations;
using Katas.ModuleRefactor;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.Hidden.K10_ModuleRefactor;

/// <summary>Hidden (graded from the reference, not in the learner's release).</summary>
[Category("K10")]
[Category("Hidden")]
public class LinHiddenTests
{
    [Test]
    public void WeightGradientOfABatch_IsTheSumOfEachRowsGradient()
    {
        Tensor input = TensorGen.Randn(1001, 4, 3), outGrad = TensorGen.Randn(1002, 4, 2);
        Tensor sum = Tensor.Zeros(3, 2);
        for (int row = 0; row < 4; row++)
            sum += Lin.WeightGradientByMatmul(input.Narrow(0, row, 1), outGrad.Narrow(0, row, 1));
        TensorAssert.Near(Lin.WeightGradientByMatmul(input, outGrad), sum,
            "the batch's ∂loss/∂w adds up one contribution per row: inpᵀ @ out.g over 4 rows = Σ of the 1-row products");
    }
}
