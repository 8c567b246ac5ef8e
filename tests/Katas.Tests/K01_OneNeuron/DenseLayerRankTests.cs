using Foundations;
using Katas.OneNeuron;
using NUnit.Framework;

namespace KataTests.K01_OneNeuron;

/// <summary>
/// The rank check looks at every operand: x must be batch×inputs, w neurons×inputs and b a vector, and a wrong rank
/// in any one of them (the other two right) throws an ArgumentException naming all three shapes.
/// </summary>
[Category("K01")]
public class DenseLayerRankTests
{
    [Test]
    public void Forward_WithAVectorForX_ThrowsNamingTheShapes() =>
        AssertRefused(Tensor.Zeros(3), Tensor.Zeros(4, 3), Tensor.Zeros(4), "[3]", "x must be batch×inputs, even for one example");

    [Test]
    public void Forward_WithWeightsOfRank3_ThrowsNamingTheShapes() =>
        AssertRefused(Tensor.Zeros(2, 3), Tensor.Zeros(4, 3, 1), Tensor.Zeros(4), "[4, 3, 1]", "w must be neurons×inputs");

    [Test]
    public void Forward_WithBiasesAsAColumn_ThrowsNamingTheShapes() =>
        AssertRefused(Tensor.Zeros(2, 3), Tensor.Zeros(4, 3), Tensor.Zeros(4, 1), "[4, 1]", "b must be a vector of one bias per neuron");

    private static void AssertRefused(Tensor x, Tensor w, Tensor b, string wrongShape, string rule)
    {
        string shapes = $"x {ShapeRules.Format(x.Shape)}, w {ShapeRules.Format(w.Shape)}, b {ShapeRules.Format(b.Shape)}";
        var error = Assert.Throws<ArgumentException>(() => DenseLayer.Forward(x, w, b), $"{rule}: Forward({shapes}) should throw");
        Assert.That(error!.Message, Does.Contain(wrongShape), $"{rule}: the message should name the shape {wrongShape} ({shapes})");
    }
}
