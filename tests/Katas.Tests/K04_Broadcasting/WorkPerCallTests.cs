using Foundations;
using Katas.Broadcasting;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K04_Broadcasting;

/// <summary>
/// Question 15 (how elementwise arithmetic and broadcasting speed up matmul), with a measure a test can trust where a
/// stopwatch cannot: the bytes a call allocates. One loop makes one broadcast product (ac×bc) per row of a: the loop you
/// write runs ar times, not ar·bc (K03) or ar·bc·ac (K02), and every multiplication runs inside one whole-tensor
/// operation. The shapes are chosen so that a product per output element would cost far more in bookkeeping.
/// </summary>
[Category("K04")]
public class WorkPerCallTests
{
    [Test]
    public void OneLoop_MakesOneBroadcastProductPerRow_NotOnePerElement()
    {
        var rng = new Rng(9);
        const int ar = 4, ac = 2, bc = 512;
        Tensor a = Tensor.Randn(rng, ar, ac), b = Tensor.Randn(rng, ac, bc);
        OneLoop.Multiply(a, b); // warm up: the JIT's own allocations are not the product's

        long before = GC.GetAllocatedBytesForCurrentThread();
        Tensor c = OneLoop.Multiply(a, b);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        TestContext.Out.WriteLine($"allocated {allocated:N0} bytes");

        TensorAssert.Near(c, Tensor.Matmul(a, b), "the one loop's product");
        const long oneProductPerRow = (long)ar * ac * bc * sizeof(float);
        Assert.That(allocated, Is.GreaterThanOrEqualTo(oneProductPerRow),
            $"each of the {ar} rows should come from one broadcast product a[i].unsqueeze(-1) * b of {ac}×{bc} floats " +
            $"(at least {oneProductPerRow:N0} bytes in all); {allocated:N0} bytes means the product is still computed in loops");
        Assert.That(allocated, Is.LessThan(ar * (4 * ac * bc * sizeof(float) + 16_384)),
            $"{allocated:N0} bytes: far more than one {ac}×{bc} product and its sum per row; is something made per output element ({ar * bc} of them)?");
    }
}
