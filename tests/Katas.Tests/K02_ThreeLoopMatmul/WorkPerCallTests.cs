using Foundations;
using Katas.ThreeLoopMatmul;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K02_ThreeLoopMatmul;

/// <summary>
/// Question 7 (why is a matrix product written as plain loops slow?), with a measure a test can trust where a stopwatch
/// cannot: the bytes a call allocates. Three loops allocate nothing but the result, so all ar·bc·ac multiply-adds are
/// scalar steps of your own loop, each reading two elements through the indexer (an offset computed from the strides, a
/// bounds check, one float). Kata K03 moves the innermost loop into a whole-vector operation; the benchmarks time both.
/// </summary>
[Category("K02")]
public class WorkPerCallTests
{
    [Test]
    public void ThreeLoops_AllocatesOnlyItsResult_SoEveryMultiplyAddIsAScalarStepOfYourLoop()
    {
        var rng = new Rng(7);
        Tensor a = Tensor.Randn(rng, 5, 784), b = Tensor.Randn(rng, 784, 10);
        ThreeLoops.Multiply(a, b); // warm up: the JIT's own allocations are not the product's

        long before = GC.GetAllocatedBytesForCurrentThread();
        Tensor c = ThreeLoops.Multiply(a, b);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        TestContext.Out.WriteLine($"allocated {allocated:N0} bytes");

        TensorAssert.Near(c, Tensor.Matmul(a, b), "the three loops' product");
        const long resultBytes = 5 * 10 * sizeof(float);
        Assert.That(allocated, Is.LessThan(resultBytes + 1024),
            $"5×784 @ 784×10 is 39,200 multiply-adds done one element at a time: nothing to allocate but the 5×10 result ({resultBytes} bytes " +
            "of floats plus the tensor's bookkeeping). More means a row, column or tensor is made inside the loops.");
    }
}
