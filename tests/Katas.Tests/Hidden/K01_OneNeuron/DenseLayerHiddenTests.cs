using Foundations;
using Katas.OneNeuron;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.Hidden.K01_OneNeuron;

/// <summary>Hidden (graded from the reference, not in the learner's release): each row of a batch is its own input.</summary>
[Category("K01")]
[Category("Hidden")]
public class DenseLayerHiddenTests
{
    [Test]
    public void Forward_OfEachRowAlone_IsThatRowOfTheBatchsResult()
    {
        Tensor x = TensorGen.Randn(101, 6, 5), w = TensorGen.Randn(102, 3, 5), b = TensorGen.Randn(103, 3);
        Tensor batch = DenseLayer.Forward(x, w, b);
        for (int row = 0; row < 6; row++)
            TensorAssert.Near(DenseLayer.Forward(x.Narrow(0, row, 1), w, b), batch.Narrow(0, row, 1).Contiguous(),
                $"row {row} alone (a 1×5 view at an offset) gives the same three neurons' outputs as inside the batch: rows never mix");
    }
}
