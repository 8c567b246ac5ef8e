using Foundations;
using Katas.TrainingLoop;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K12_TrainingLoop;

/// <summary>The MLP against the same network written out in the test (<see cref="MlpReference"/>).</summary>
[Category("K12")]
public class MlpTests
{
    [Test]
    public void Forward_IsLinearThenReluThenLinear()
    {
        var model = new Mlp(6, 5, 4, new Rng(3));
        Tensor x = Tensor.Randn(new Rng(30), 7, 6);
        TensorAssert.Near(model.Forward(x), MlpReference.ToTensor(MlpReference.Logits(x, model.Parameters)),
            "logits = ReLU(x @ W1ᵀ + b1) @ W2ᵀ + b2 for a 7×6 batch through a 6-5-4 MLP", rtol: 1e-4, atol: 1e-5);
    }

    [Test]
    public void Forward_AddsTheBiases()
    {
        // The biases start at zero, so only biases set by hand tell "+ b" from "- b" or no bias at all.
        var model = new Mlp(6, 5, 4, new Rng(3));
        model.Parameters[1].AsSpan().Fill(0.5f);  // b1
        model.Parameters[3].AsSpan().Fill(-2f);   // b2
        Tensor x = Tensor.Randn(new Rng(30), 7, 6);
        TensorAssert.Near(model.Forward(x), MlpReference.ToTensor(MlpReference.Logits(x, model.Parameters)),
            "logits = ReLU(x @ W1ᵀ + b1) @ W2ᵀ + b2 with b1 = 0.5 and b2 = -2 everywhere", rtol: 1e-4, atol: 1e-5);
    }

    [Test]
    public void Backward_UsesTheUpstreamGradientItIsGiven()
    {
        // loss = Σ logits ⊙ r, so ∂loss/∂logits is r: any numbers, not only a cross-entropy gradient.
        var model = new Mlp(6, 5, 4, new Rng(3));
        Tensor x = Tensor.Randn(new Rng(31), 7, 6), r = Tensor.Randn(new Rng(32), 7, 4) * 3f;
        model.Forward(x);
        model.Backward(r);
        AssertGradientsMatchTheReference(model, x, r, "Backward(r) with a random upstream gradient r (7×4, std 3)");
    }

    [Test]
    public void Backward_AfterTwoForwardCalls_UsesTheSecond()
    {
        var model = new Mlp(6, 5, 4, new Rng(3));
        Tensor first = Tensor.Randn(new Rng(33), 7, 6), second = Tensor.Randn(new Rng(34), 7, 6), r = Tensor.Randn(new Rng(35), 7, 4);
        model.Forward(first);
        model.Forward(second);
        model.Backward(r);
        AssertGradientsMatchTheReference(model, second, r,
            "Forward(first), Forward(second), Backward(r): the gradients belong to the last batch, whose activations Forward saved");
    }

    [Test]
    public void StartsWithKaimingWeights_ForTheFanIn_AndZeroBiases()
    {
        // W1 is [64, 400]: 25,600 draws, so its sample std is within about 1 % of the true one.
        var model = new Mlp(400, 64, 10, new Rng(1));
        Tensor w1 = model.Parameters[0], b1 = model.Parameters[1], w2 = model.Parameters[2], b2 = model.Parameters[3];
        Assert.That(w1.Std().Item(), Is.EqualTo(Math.Sqrt(2.0 / 400)).Within(5).Percent,
            "Kaiming for a ReLU layer: std √(2 / fan_in), fan_in = 400 inputs (not the 64 hidden units)");
        Assert.That(w2.Std().Item(), Is.InRange(0.9 * Math.Sqrt(1.0 / 64), 1.1 * Math.Sqrt(2.0 / 64)),
            "the last layer's std is √(1 / fan_in) or √(2 / fan_in), fan_in = 64 hidden units (not the 10 outputs)");
        Assert.That(b1.ToArray().Concat(b2.ToArray()), Is.All.EqualTo(0f), "biases start at zero");
    }

    /// <summary>Each parameter's Grad against central differences of Σ reference-logits ⊙ r, with the ReLU pattern frozen.</summary>
    private static void AssertGradientsMatchTheReference(Mlp model, Tensor x, Tensor r, string idea)
    {
        Tensor?[] analytic = model.Parameters.Select(p => p.Grad).ToArray();
        bool[,] active = MlpReference.Active(x, model.Parameters);
        double Loss() => MlpReference.Weighted(MlpReference.Logits(x, model.Parameters, active), r);
        string[] names = ["W1", "b1", "W2", "b2"];
        for (int i = 0; i < analytic.Length; i++)
        {
            Tensor numeric = CentralDifference.Of(Loss, model.Parameters[i], step: 1e-3);
            TensorAssert.Near(analytic[i], numeric, $"{idea}: ∂loss/∂{names[i]}", rtol: 1e-3, atol: 1e-3);
        }
    }

    [TestCase(0, 5, 4, "inputs")]
    [TestCase(6, 0, 4, "hidden")]
    [TestCase(6, 5, 0, "outputs")]
    public void ASizeOfZero_ThrowsNamingIt(int inputs, int hidden, int outputs, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Mlp(inputs, hidden, outputs, new Rng(3)),
            $"Mlp({inputs}, {hidden}, {outputs}): every layer needs at least one unit");
        Assert.That(error!.ParamName, Is.EqualTo(name), $"the exception should name {name}");
    }

    [TestCase(new[] { 6 }, "(6 and 6x5)")]
    [TestCase(new[] { 2, 3, 6 }, "(2x3x6 and 6x5)")]
    public void Forward_OfAnInputThatIsNotABatchOfRows_ThrowsNamingBothShapes(int[] shape, string shapes)
    {
        var error = Assert.Throws<ArgumentException>(() => new Mlp(6, 5, 4, new Rng(3)).Forward(Tensor.Zeros(shape)),
            $"an input of shape {ShapeRules.Format(shape)} for a 6-5-4 network: the input is [batch, 6]");
        Assert.That(error!.Message, Does.Contain("mat1 and mat2 shapes cannot be multiplied " + shapes), "PyTorch's words, with both shapes");
    }

    [Test]
    public void Backward_BeforeForward_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Mlp(6, 5, 4, new Rng(3)).Backward(Tensor.Zeros(2, 4)),
            "Backward needs the activations a Forward pass saves");
        Assert.That(error!.Message, Does.Contain("Forward"), "the message should say Forward must come first");
    }
}
