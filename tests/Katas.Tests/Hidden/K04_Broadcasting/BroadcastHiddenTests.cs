using Foundations;
using Katas.Broadcasting;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.Hidden.K04_Broadcasting;

/// <summary>Hidden (graded from the reference, not in the learner's release).</summary>
[Category("K04")]
[Category("Hidden")]
public class BroadcastHiddenTests
{
    [Test]
    public void OneLoop_ReadsAnExpandedMatrix_WithItsStride0Rows()
    {
        Tensor a = TensorGen.Randn(401, 3, 4), row = TensorGen.Randn(402, 1, 5);
        Tensor b = Broadcast.Expand(row, [4, 5]); // four rows that are the same storage
        TensorAssert.Near(OneLoop.Multiply(a, b), Tensor.Matmul(a, b.Contiguous()),
            "a 4×5 matrix expanded from one row (stride 0) multiplies like the matrix it shows");
    }
}
