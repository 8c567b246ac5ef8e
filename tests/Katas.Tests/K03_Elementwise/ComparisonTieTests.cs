using Foundations;
using Katas.Elementwise;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K03_Elementwise;

/// <summary>Gt and Lt are strict: where the two elements are equal, both give 0 (PyTorch's a &gt; b and a &lt; b).</summary>
[Category("K03")]
public class ComparisonTieTests
{
    private static readonly Tensor A = Tensor.FromArray(1f, 2f, 3f, -0.5f), B = Tensor.FromArray(1f, 1f, 4f, -0.5f);
    private static readonly (string, Tensor)[] Inputs = [("a", A), ("b", B)];

    [Test]
    public void Gt_IsZeroWhereTheElementsTie() =>
        TensorAssert.Equal(ElementwiseOps.Gt(A, B), Tensor.FromArray(0f, 1f, 0f, 0f), "Gt is strict: 1 > 1 is false", Inputs);

    [Test]
    public void Lt_IsZeroWhereTheElementsTie() =>
        TensorAssert.Equal(ElementwiseOps.Lt(A, B), Tensor.FromArray(0f, 0f, 1f, 0f), "Lt is strict: 1 < 1 is false", Inputs);
}
