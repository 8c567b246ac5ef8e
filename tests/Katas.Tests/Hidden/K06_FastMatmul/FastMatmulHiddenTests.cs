using Foundations;
using KataTests.Support;
using NUnit.Framework;
using Katas.FastMatmul;

namespace KataTests.Hidden.K06_FastMatmul;

/// <summary>Hidden (graded from the reference, not in the learner's release).</summary>
[Category("K06")]
[Category("Hidden")]
public class FastMatmulHiddenTests
{
    [Test]
    public void Product_IsAssociative_AcrossBlockBoundaries()
    {
        Tensor a = TensorGen.Randn(601, 37, 70), b = TensorGen.Randn(602, 70, 45), c = TensorGen.Randn(603, 45, 19);
        TensorAssert.Near(ParallelMatmul.Multiply(ParallelMatmul.Multiply(a, b), c), Tensor.Matmul(a, Tensor.Matmul(b, c)),
            "(a·b)·c = a·(b·c) with sizes that are not multiples of any block", atol: 1e-3);
    }
}
