using Foundations;
using Katas.Elementwise;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K03_Elementwise;

/// <summary>
/// Questions 7 and 15 (why plain loops are slow; how elementwise arithmetic helps), with a measure a test can trust where
/// a stopwatch cannot: the bytes a call allocates. Two loops make one whole-vector product per output element, so the
/// loop you write runs ar·bc times instead of ar·bc·ac, and the ac multiplications run inside one vectorised operation.
/// In Python that removes the interpreter from the inner loop, a huge win; in C# the three loops were already compiled, and
/// the ar·bc temporary vectors measured here are what the win costs (the benchmarks show TwoLoops near ThreeLoops' time).
/// </summary>
[Category("K03")]
public class WorkPerCallTests
{
    [Test]
    public void TwoLoops_MakesOneProductVectorPerOutputElement()
    {
        var rng = new Rng(8);
        const int ar = 5, ac = 784, bc = 10;
        Tensor a = Tensor.Randn(rng, ar, ac), b = Tensor.Randn(rng, ac, bc);
        TwoLoops.Multiply(a, b); // warm up: the JIT's own allocations are not the product's

        long before = GC.GetAllocatedBytesForCurrentThread();
        Tensor c = TwoLoops.Multiply(a, b);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        TestContext.Out.WriteLine($"allocated {allocated:N0} bytes");

        TensorAssert.Near(c, Tensor.Matmul(a, b), "the two loops' product");
        const long oneVectorPerElement = (long)ar * bc * ac * sizeof(float); // 50 products of 784 floats
        Assert.That(allocated, Is.GreaterThanOrEqualTo(oneVectorPerElement),
            $"each of the {ar * bc} output elements should come from one elementwise product of a row and a column " +
            $"({ac} floats, so at least {oneVectorPerElement:N0} bytes in all); {allocated:N0} bytes means the inner loop is still a scalar loop");
        Assert.That(allocated, Is.LessThan(4 * oneVectorPerElement),
            $"{allocated:N0} bytes: more than a few vectors per output element; is a whole matrix copied inside the loops?");
    }
}
