using Foundations;
using Katas.FastMatmul;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K06_FastMatmul;

/// <summary>Step 1: the i-k-j loop order. Every later step is checked against the same facts.</summary>
[Category("K06")]
public class Step1_IkjOrderTests
{
    [Test]
    public void SmallProduct_IsExact()
    {
        var a = Tensor.FromArray(new float[,] { { 1, 2 }, { 3, 4 } });
        var b = Tensor.FromArray(new float[,] { { 5, 6 }, { 7, 8 } });
        TensorAssert.Equal(IkjMatmul.Multiply(a, b), Tensor.FromArray(new float[,] { { 19, 22 }, { 43, 50 } }),
            "c[i, j] = Σₖ a[i, k]·b[k, j], however the loops are arranged");
    }

    [TestCase(1, 1, 1)]
    [TestCase(7, 13, 5)]
    [TestCase(5, 784, 10)]
    public void OddShapes_MatchTheReference(int m, int k, int n)
    {
        Tensor a = TensorGen.Randn(m * 1000 + k, m, k), b = TensorGen.Randn(n * 1000 + k, k, n);
        TensorAssert.Near(IkjMatmul.Multiply(a, b), Reference.Product(a, b), $"{m}×{k} @ {k}×{n}", atol: Reference.Atol(k));
    }

    [Test]
    public void TransposedAndSlicedViews_AreReadThroughTheirStrides()
    {
        Tensor a = TensorGen.Randn(3, 13, 9).T();                            // 9×13, column-major
        Tensor b = TensorGen.Randn(4, 20, 30).Narrow(0, 2, 13).Slice(1, 0, 30, 3); // 13×10, offset and column step 3
        Assert.That(a.IsContiguous || b.IsContiguous, Is.False, "the test needs genuinely strided inputs");
        TensorAssert.Near(IkjMatmul.Multiply(a, b), Reference.Product(a, b), "Aᵀ-view (9×13) @ a stepped view of B (13×10)",
            atol: Reference.Atol(13));
    }

    [Test]
    public void EmptyInnerDimension_GivesZeros()
    {
        // A sum over nothing is 0, as in PyTorch: (3×0) @ (0×4) is a 3×4 matrix of zeros.
        TensorAssert.Equal(IkjMatmul.Multiply(Tensor.Zeros(3, 0), Tensor.Zeros(0, 4)), Tensor.Zeros(3, 4), "3×0 @ 0×4 sums over an empty k");
    }

    [Test]
    public void InnerSizesThatDiffer_ThrowPyTorchsMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => IkjMatmul.Multiply(Tensor.Zeros(5, 784), Tensor.Zeros(10, 784)),
            "784 columns cannot meet 10 rows");
        Assert.That(error!.Message, Does.Contain("mat1 and mat2 shapes cannot be multiplied (5x784 and 10x784)"));
    }

    [Test]
    public void NonMatrices_ThrowNamingTheShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => IkjMatmul.Multiply(Tensor.Zeros(2, 3, 4), Tensor.Zeros(4, 2)),
            "the product here is for 2-D tensors");
        Assert.That(error!.Message, Does.Contain("[2, 3, 4]"), "the message should name the shape that is not 2-D");
    }
}
