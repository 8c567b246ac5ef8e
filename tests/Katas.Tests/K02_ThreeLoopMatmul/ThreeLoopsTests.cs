using FsCheck;
using FsCheck.Fluent;
using Foundations;
using Katas.Matmul;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K02_ThreeLoopMatmul;

[Category("K02")]
public class ThreeLoopsTests
{
    [Test]
    public void SmallProduct_IsExact()
    {
        var a = Tensor.FromArray(new float[,] { { 1, 2 }, { 3, 4 } });
        var b = Tensor.FromArray(new float[,] { { 5, 6 }, { 7, 8 } });
        TensorAssert.Equal(Matmul.ThreeLoops(a, b), Tensor.FromArray(new float[,] { { 19, 22 }, { 43, 50 } }),
            "c[i, j] = Σₖ a[i, k]·b[k, j]: row i of a dotted with column j of b", inputs: [("a", a), ("b", b)]);
    }

    [Test]
    public void ChaptersCase_5x784_Times_784x10_MatchesTheRealProduct()
    {
        // The chapter multiplies five MNIST images (5×784) by a weight matrix (784×10).
        var rng = new Rng(17);
        var images = Tensor.Rand(rng, 5, 784);
        var weights = Tensor.Randn(rng, 784, 10);
        TensorAssert.Near(Matmul.ThreeLoops(images, weights), Tensor.MatMul(images, weights),
            "5×784 @ 784×10 gives 5×10, the same numbers as the substrate's MatMul");
    }

    [Test]
    public void InnerSizesThatDiffer_ThrowPyTorchsMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => Matmul.ThreeLoops(Tensor.Zeros(5, 784), Tensor.Zeros(10, 784)),
            "a 5×784 matrix cannot be multiplied by a 10×784 one: 784 columns meet 10 rows");
        Assert.That(error!.Message, Does.Contain("mat1 and mat2 shapes cannot be multiplied (5x784 and 10x784)"));
    }

    [Test]
    public void NonMatrices_ThrowNamingTheShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => Matmul.ThreeLoops(Tensor.Zeros(3), Tensor.Zeros(3, 2)),
            "the three-loop product is for 2-D tensors; a vector must be reshaped first");
        Assert.That(error!.Message, Does.Contain("[3]"), "the message should name the shape that is not 2-D");
    }

    [TestCase(1, 1, 1)]
    [TestCase(1, 7, 1)]
    [TestCase(4, 1, 3)]
    [TestCase(1, 5, 6)]
    public void EdgeShapes_MatchTheRealProduct(int n, int k, int m)
    {
        Tensor a = TensorGen.Randn(n * 100 + k, n, k), b = TensorGen.Randn(m * 100 + k, k, m);
        TensorAssert.Near(Matmul.ThreeLoops(a, b), Tensor.MatMul(a, b), $"{n}×{k} @ {k}×{m} (1×1, dot product, outer product…)",
            inputs: [("a", a), ("b", b)]);
    }

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public Property MultiplyingByTheIdentity_ChangesNothing() => Prop.ForAll(TensorGen.MatMulCase(), c =>
    {
        var a = TensorGen.Randn(c.Seed, c.N, c.K);
        var identity = Identity(c.K);
        TensorAssert.Near(Matmul.ThreeLoops(a, identity), a, $"A @ I = A for A {c.N}×{c.K} (seed {c.Seed})");
        TensorAssert.Near(Matmul.ThreeLoops(Identity(c.N), a), a, $"I @ A = A for A {c.N}×{c.K} (seed {c.Seed})");
    });

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public Property Product_DistributesOverAddition() => Prop.ForAll(TensorGen.MatMulCase(), c =>
    {
        var rng = new Rng((ulong)c.Seed);
        Tensor a = Tensor.Randn(rng, c.N, c.K), b = Tensor.Randn(rng, c.K, c.M), d = Tensor.Randn(rng, c.K, c.M);
        TensorAssert.Near(Matmul.ThreeLoops(a, b + d), Matmul.ThreeLoops(a, b) + Matmul.ThreeLoops(a, d),
            $"A(B + C) = AB + AC with A {c.N}×{c.K}, B and C {c.K}×{c.M} (seed {c.Seed})", atol: 1e-4);
    });

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public Property TransposeOfAProduct_IsTheProductOfTransposesReversed() => Prop.ForAll(TensorGen.MatMulCase(), c =>
    {
        var rng = new Rng((ulong)c.Seed);
        Tensor a = Tensor.Randn(rng, c.N, c.K), b = Tensor.Randn(rng, c.K, c.M);
        // b.T() and a.T() are strided views, not copies: element access must follow the strides.
        TensorAssert.Near(Matmul.ThreeLoops(b.T(), a.T()), Matmul.ThreeLoops(a, b).T().Contiguous(),
            $"(AB)ᵀ = BᵀAᵀ with A {c.N}×{c.K}, B {c.K}×{c.M}, using transposed views (seed {c.Seed})");
    });

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public Property Product_MatchesTheRealMatMul() => Prop.ForAll(TensorGen.MatMulCase(), c =>
    {
        var rng = new Rng((ulong)c.Seed);
        Tensor a = Tensor.Randn(rng, c.N, c.K), b = Tensor.Randn(rng, c.K, c.M);
        TensorAssert.Near(Matmul.ThreeLoops(a, b), Tensor.MatMul(a, b), $"{c.N}×{c.K} @ {c.K}×{c.M} (seed {c.Seed})");
    });

    private static Tensor Identity(int n)
    {
        var identity = Tensor.Zeros(n, n);
        for (int i = 0; i < n; i++) identity[i, i] = 1;
        return identity;
    }
}
