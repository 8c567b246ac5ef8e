using Foundations;
using Katas.FastMatmul;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K06_FastMatmul;

/// <summary>
/// Step 2: vectors and fused multiply-adds, at every width. A width the CPU does not accelerate still runs (the
/// runtime emulates it), so each width is checked on every machine; the shapes stay small for the emulated ones.
/// </summary>
[Category("K06")]
public class Step2_SimdFmaTests
{
    // n = 1: no whole vector at all. n = 37: whole vectors and a scalar tail for every width (4, 8, 16 lanes).
    [Test]
    public void EveryWidth_MatchesTheReference_WithAndWithoutATail(
        [Values(VectorWidth.Bits128, VectorWidth.Bits256, VectorWidth.Bits512)] VectorWidth width,
        [Values(1, 16, 37)] int n)
    {
        Tensor a = TensorGen.Randn(11, 9, 21), b = TensorGen.Randn(n, 21, n);
        TensorAssert.Near(SimdMatmul.Multiply(a, b, width), Reference.Product(a, b),
            $"9×21 @ 21×{n} with {(int)width}-bit vectors: the columns past the last whole vector need the scalar loop",
            atol: Reference.Atol(21));
    }

    [Test]
    public void ThePreferredWidth_IsUsedWithoutOne()
    {
        Tensor a = TensorGen.Randn(12, 5, 784), b = TensorGen.Randn(13, 784, 10);
        TensorAssert.Near(SimdMatmul.Multiply(a, b), Reference.Product(a, b), "the chapter's 5×784 @ 784×10", atol: Reference.Atol(784));
    }

    [Test]
    public void TransposedViews_AreReadThroughTheirStrides([Values(VectorWidth.Bits128, VectorWidth.Bits256, VectorWidth.Bits512)] VectorWidth width)
    {
        Tensor a = TensorGen.Randn(14, 33, 17).T(), b = TensorGen.Randn(15, 40, 33).T();
        TensorAssert.Near(SimdMatmul.Multiply(a, b, width), Reference.Product(a, b), "Aᵀ-view (17×33) @ Bᵀ-view (33×40)",
            atol: Reference.Atol(33));
    }

    [Test]
    public void InnerSizesThatDiffer_ThrowPyTorchsMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => SimdMatmul.Multiply(Tensor.Zeros(5, 784), Tensor.Zeros(10, 784), VectorWidth.Bits256));
        Assert.That(error!.Message, Does.Contain("mat1 and mat2 shapes cannot be multiplied (5x784 and 10x784)"));
    }
}
