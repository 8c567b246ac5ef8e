using Foundations;
using KataTests.Support;
using NUnit.Framework;
using Katas.Einsum;

namespace KataTests.Hidden.K05_Einsum;

/// <summary>Hidden (graded from the reference, not in the learner's release).</summary>
[Category("K05")]
[Category("Hidden")]
public class EinsumHiddenTests
{
    [Test]
    public void HadamardProduct_AndFrobeniusInnerProduct()
    {
        Tensor a = TensorGen.Randn(501, 3, 4), b = TensorGen.Randn(502, 3, 4);
        TensorAssert.Near(EinsumOps.Einsum("ij,ij->ij", a, b), a * b, "ij,ij->ij keeps both labels: an elementwise product");
        TensorAssert.Near(EinsumOps.Einsum("ij,ij->", a, b), (a * b).Sum(), "ij,ij-> sums over both: Σᵢⱼ a[i,j]·b[i,j]");
    }
}
