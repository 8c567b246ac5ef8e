using Foundations;
using Katas.ThreeLoopMatmul;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.Hidden.K02_ThreeLoopMatmul;

/// <summary>Hidden (graded from the reference, not in the learner's release).</summary>
[Category("K02")]
[Category("Hidden")]
public class ThreeLoopsHiddenTests
{
    [Test]
    public void Product_IsAssociative()
    {
        Tensor a = TensorGen.Randn(201, 4, 6), b = TensorGen.Randn(202, 6, 5), c = TensorGen.Randn(203, 5, 3);
        TensorAssert.Near(ThreeLoops.Multiply(ThreeLoops.Multiply(a, b), c), ThreeLoops.Multiply(a, ThreeLoops.Multiply(b, c)),
            "(a·b)·c = a·(b·c): the order the products are taken in does not change the result");
    }
}
