using FsCheck;
using FsCheck.Fluent;
using Foundations;
using NUnit.Framework;

namespace KataTests.Support;

/// <summary>
/// What every matrix product in the katas promises, written once. A kata's test class derives from this,
/// says which product it tests (<see cref="Multiply"/>) and how that product computes an element
/// (<see cref="Recipe"/>, quoted in the failure messages), and adds the tests only its own idea needs:
/// <code>
/// [Category("K02")]
/// public class ThreeLoopsTests() : MatmulContract(ThreeLoops.Multiply, "c[i, j] = Σₖ a[i, k]·b[k, j]");
/// </code>
/// A kata whose product cuts k into blocks (K06) also overrides <see cref="MaxPropertySize"/> so the properties
/// cross block edges, and <see cref="Atol"/> if its sums run in another order.
/// The [Category] on the derived class covers the tests inherited from here.
/// </summary>
/// <param name="product">The product under test, [n, k] @ [k, m] → [n, m].</param>
/// <param name="recipe">How this product computes c[i, j], in the kata's own words.</param>
public abstract class MatmulContract(Func<Tensor, Tensor, Tensor> product, string recipe)
{
    private Tensor Multiply(Tensor a, Tensor b) => product(a, b);

    private string Recipe => recipe;

    /// <summary>Largest n, k and m the properties try; a kata whose loops cut k into blocks raises it so the
    /// blocks are crossed.</summary>
    protected virtual int MaxPropertySize => 12;

    /// <summary>The absolute tolerance for an inner size k: float sums of k products drift with k.</summary>
    protected virtual double Atol(int k) => TensorAssert.Atol;

    [Test]
    public void SmallProduct_IsExact()
    {
        var a = Tensor.FromArray(new float[,] { { 1, 2 }, { 3, 4 } });
        var b = Tensor.FromArray(new float[,] { { 5, 6 }, { 7, 8 } });
        TensorAssert.Equal(Multiply(a, b), Tensor.FromArray(new float[,] { { 19, 22 }, { 43, 50 } }),
            $"{Recipe}: [[1, 2], [3, 4]] @ [[5, 6], [7, 8]]", inputs: [("a", a), ("b", b)]);
    }

    [Test]
    public void ChaptersCase_5x784_Times_784x10_MatchesTheRealProduct()
    {
        // The chapter multiplies five MNIST images (5×784) by a weight matrix (784×10).
        var rng = new Rng(17);
        var images = Tensor.Rand(rng, 5, 784);
        var weights = Tensor.Randn(rng, 784, 10);
        TensorAssert.Near(Multiply(images, weights), Tensor.Matmul(images, weights),
            "5×784 @ 784×10 gives 5×10, the same numbers as the substrate's product", atol: Atol(784));
    }

    [Test]
    public void InnerSizesThatDiffer_ThrowPyTorchsMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => Multiply(Tensor.Zeros(5, 784), Tensor.Zeros(10, 784)),
            "a 5×784 matrix cannot be multiplied by a 10×784 one: 784 columns meet 10 rows");
        Assert.That(error!.Message, Does.Contain("mat1 and mat2 shapes cannot be multiplied (5x784 and 10x784)"));
    }

    [TestCase(new[] { 3 }, new[] { 3, 2 })]
    [TestCase(new[] { 784 }, new[] { 784, 10 })]
    [TestCase(new[] { 2, 3 }, new[] { 3 })]
    [TestCase(new[] { 2, 3, 4 }, new[] { 4, 2 })]
    [TestCase(new[] { 2, 3 }, new[] { 1, 3, 2 })]
    public void NonMatrices_ThrowNamingTheShapes(int[] shapeA, int[] shapeB)
    {
        var error = Assert.Throws<ArgumentException>(() => Multiply(Tensor.Zeros(shapeA), Tensor.Zeros(shapeB)),
            $"{ShapeRules.Format(shapeA)} @ {ShapeRules.Format(shapeB)}: this product is for 2-D tensors; a vector must be reshaped first");
        // Both shapes, not only the bad one: an indexer's own error on the bad operand names just that one, so a
        // product that never checked b's rank cannot pass here by accident.
        Assert.That(error!.Message, Does.Contain(ShapeRules.Format(shapeA)).And.Contain(ShapeRules.Format(shapeB)),
            "the message should name both shapes, the one that is not 2-D among them");
    }

    [Test]
    public void InnerSizesThatDiffer_WithFewerColumnsThanRows_ThrowPyTorchsMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => Multiply(Tensor.Zeros(2, 3), Tensor.Zeros(4, 2)),
            "2×3 @ 4×2: 3 columns meet 4 rows; using only the first 3 rows of b would be a wrong answer, not a product");
        Assert.That(error!.Message, Does.Contain("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x2)"));
    }

    [Test]
    public void ViewsThatStartAtAnOffset_AreReadThroughTheirOffsetAndStrides()
    {
        // a: rows 1–2 and columns 1–3 of a 4×5 matrix (offset 6, rows 5 apart); b: a narrowed transpose (offset 2, strided).
        Tensor a = TensorGen.Randn(31, 4, 5).Narrow(0, 1, 2).Narrow(1, 1, 3);
        Tensor b = TensorGen.Randn(32, 4, 6).T().Narrow(0, 2, 3);
        TensorAssert.Near(Multiply(a, b), Tensor.Matmul(a.Contiguous(), b.Contiguous()),
            $"{Recipe}: a 2×3 view at offset {a.Offset} @ a 3×4 transposed view at offset {b.Offset}; element [i, k] is at Offset + i·stride0 + k·stride1",
            inputs: [("a", a), ("b", b)]);
    }

    [TestCase(1, 1, 1)]
    [TestCase(1, 7, 1)]
    [TestCase(4, 1, 3)]
    [TestCase(1, 5, 6)]
    public void EdgeShapes_MatchTheRealProduct(int n, int k, int m)
    {
        Tensor a = TensorGen.Randn(n * 100 + k, n, k), b = TensorGen.Randn(m * 100 + k, k, m);
        TensorAssert.Near(Multiply(a, b), Tensor.Matmul(a, b), $"{n}×{k} @ {k}×{m} (1×1, dot product, outer product…)", atol: Atol(k),
            inputs: [("a", a), ("b", b)]);
    }

    [PropertyTest("The product equals the substrate's Matmul, also when both operands are transposed views.", MaxTest = 40)]
    public Property Product_MatchesTheRealMatmul_AlsoOnTransposedViews() => Prop.ForAll(TensorGen.MatmulCase(MaxPropertySize), c =>
    {
        var rng = new Rng((ulong)c.Seed);
        Tensor a = Tensor.Randn(rng, c.N, c.K), b = Tensor.Randn(rng, c.K, c.M);
        Tensor expected = Tensor.Matmul(a, b);
        TensorAssert.Near(Multiply(a, b), expected, $"{c.N}×{c.K} @ {c.K}×{c.M} (seed {c.Seed})", atol: Atol(c.K));
        // (bᵀ aᵀ)ᵀ = ab, with both operands transposed views: element access must follow the strides.
        TensorAssert.Near(Multiply(b.T(), a.T()), expected.T().Contiguous(),
            $"bᵀ @ aᵀ = (ab)ᵀ with transposed views, A {c.N}×{c.K}, B {c.K}×{c.M} (seed {c.Seed})", atol: Atol(c.K));
    });

    [PropertyTest("A @ I = A and I @ A = A.", MaxTest = 40)]
    public Property MultiplyingByTheIdentity_ChangesNothing() => Prop.ForAll(TensorGen.MatmulCase(MaxPropertySize), c =>
    {
        var a = TensorGen.Randn(c.Seed, c.N, c.K);
        TensorAssert.Near(Multiply(a, Identity(c.K)), a, $"A @ I = A for A {c.N}×{c.K} (seed {c.Seed})");
        TensorAssert.Near(Multiply(Identity(c.N), a), a, $"I @ A = A for A {c.N}×{c.K} (seed {c.Seed})");
    });

    [PropertyTest("A @ (B + D) = A @ B + A @ D.", MaxTest = 40)]
    public Property Product_DistributesOverAddition() => Prop.ForAll(TensorGen.MatmulCase(MaxPropertySize), c =>
    {
        var rng = new Rng((ulong)c.Seed);
        Tensor a = Tensor.Randn(rng, c.N, c.K), b = Tensor.Randn(rng, c.K, c.M), d = Tensor.Randn(rng, c.K, c.M);
        TensorAssert.Near(Multiply(a, b + d), Multiply(a, b) + Multiply(a, d),
            $"A(B + C) = AB + AC with A {c.N}×{c.K}, B and C {c.K}×{c.M} (seed {c.Seed})", atol: Math.Max(1e-4, Atol(c.K)));
    });

    private static Tensor Identity(int n)
    {
        var identity = Tensor.Zeros(n, n);
        for (int i = 0; i < n; i++) identity[i, i] = 1;
        return identity;
    }
}
