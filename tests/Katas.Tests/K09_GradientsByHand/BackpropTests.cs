using FsCheck;
using FsCheck.Fluent;
using Foundations;
using Katas.GradientsByHand;
using KataTests.Support;
using NUnit.Framework;
using static KataTests.K09_GradientsByHand.DoubleValues;
using static KataTests.Support.CentralDifference;

namespace KataTests.K09_GradientsByHand;

/// <summary>The whole backward pass of the chapter's net against central differences of its loss, computed in double.</summary>
[Category("K09")]
public class BackpropTests
{
    [PropertyTest("Every gradient of the two-layer net's backward pass matches central differences of its loss.", MaxTest = 40)]
    public Property ForwardAndBackward_EveryGradientMatchesCentralDifferences()
    {
        var cases = (from batch in TensorGen.Size(6) from inputs in TensorGen.Size(6) from hidden in TensorGen.Size(6)
                     from seed in Gen.Choose(0, 100_000) select (batch, inputs, hidden, seed)).ToArbitrary();
        return Prop.ForAll(cases, c => CheckAll(NetCase.Random(c.batch, c.inputs, c.hidden, c.seed)));
    }

    [Test]
    public void ForwardAndBackward_WithABatchOfOne_GivesEveryGradientItsShape()
    {
        CheckAll(NetCase.Random(batch: 1, inputs: 4, hidden: 3, seed: 11));
    }

    [Test]
    public void ForwardAndBackward_ReturnsTheLoss()
    {
        var net = NetCase.Random(batch: 5, inputs: 4, hidden: 3, seed: 12);
        var (loss, _) = Run(net);
        Assert.That(loss.Item(), Is.EqualTo(net.Loss()).Within(1e-5 + 1e-4 * net.Loss()), $"mse of the two-layer net ({net})");
    }

    [Test]
    public void ForwardAndBackward_OnTheChaptersNet_MatchesCentralDifferences()
    {
        // x 200×100, hidden 50, output 1. Every element of b1, w2 and b2 is checked, and 40 seeded elements each of w1 and x
        // (checking all 25 000 would take minutes of double-precision forward passes).
        var net = NetCase.Random(batch: 200, inputs: 100, hidden: 50, seed: 2019);
        var (_, t) = Run(net);
        var pick = new Rng(7);
        int[] SomeOf(int count) => Enumerable.Range(0, 40).Select(_ => pick.NextInt(count)).ToArray();
        AssertMatches(t.W1.Grad, Of(net.Loss, net.W1, SomeOf(net.W1.Length)), [100, 50], "∂loss/∂w1 on 200×100 → 50 → 1");
        AssertMatches(t.X.Grad, Of(net.Loss, net.X, SomeOf(net.X.Length)), [200, 100], "∂loss/∂x on 200×100 → 50 → 1");
        AssertMatches(t.B1.Grad, Of(net.Loss, net.B1), [50], "∂loss/∂b1 on 200×100 → 50 → 1");
        AssertMatches(t.W2.Grad, Of(net.Loss, net.W2), [50, 1], "∂loss/∂w2 on 200×100 → 50 → 1");
        AssertMatches(t.B2.Grad, Of(net.Loss, net.B2), [1], "∂loss/∂b2 on 200×100 → 50 → 1");
    }

    [Test]
    public void ForwardAndBackward_RunTwiceOnTheSameTensors_SetsTheSameGradientsAgain()
    {
        // A second training step starts from the same kind of call: its gradients must not include the first step's.
        var net = NetCase.Random(batch: 4, inputs: 3, hidden: 5, seed: 13);
        var t = new Tensors(ToTensor(net.X, net.Batch, net.Inputs), ToTensor(net.W1, net.Inputs, net.Hidden), ToTensor(net.B1, net.Hidden),
                            ToTensor(net.W2, net.Hidden, 1), ToTensor(net.B2, 1));
        Tensor y = ToTensor(net.Y, net.Batch);
        Backprop.ForwardAndBackward(t.X, y, t.W1, t.B1, t.W2, t.B2);
        Backprop.ForwardAndBackward(t.X, y, t.W1, t.B1, t.W2, t.B2);
        AssertMatches(t.W1.Grad, Of(net.Loss, net.W1), [net.Inputs, net.Hidden], $"∂loss/∂w1 after ForwardAndBackward ran twice on the same tensors ({net})");
        AssertMatches(t.B1.Grad, Of(net.Loss, net.B1), [net.Hidden], $"∂loss/∂b1 after ForwardAndBackward ran twice on the same tensors ({net})");
        AssertMatches(t.W2.Grad, Of(net.Loss, net.W2), [net.Hidden, 1], $"∂loss/∂w2 after ForwardAndBackward ran twice on the same tensors ({net})");
        AssertMatches(t.B2.Grad, Of(net.Loss, net.B2), [1], $"∂loss/∂b2 after ForwardAndBackward ran twice on the same tensors ({net})");
    }

    private static void CheckAll(NetCase net)
    {
        var (_, t) = Run(net);
        AssertMatches(t.B2.Grad, Of(net.Loss, net.B2), [1], $"∂loss/∂b2 ({net})");
        AssertMatches(t.W2.Grad, Of(net.Loss, net.W2), [net.Hidden, 1], $"∂loss/∂w2 ({net})");
        AssertMatches(t.B1.Grad, Of(net.Loss, net.B1), [net.Hidden], $"∂loss/∂b1 ({net})");
        AssertMatches(t.W1.Grad, Of(net.Loss, net.W1), [net.Inputs, net.Hidden], $"∂loss/∂w1 ({net})");
        AssertMatches(t.X.Grad, Of(net.Loss, net.X), [net.Batch, net.Inputs], $"∂loss/∂x ({net})");
    }

    private sealed record Tensors(Tensor X, Tensor W1, Tensor B1, Tensor W2, Tensor B2);

    private static (Tensor Loss, Tensors Tensors) Run(NetCase net)
    {
        var t = new Tensors(ToTensor(net.X, net.Batch, net.Inputs), ToTensor(net.W1, net.Inputs, net.Hidden), ToTensor(net.B1, net.Hidden),
                            ToTensor(net.W2, net.Hidden, 1), ToTensor(net.B2, 1));
        var loss = Backprop.ForwardAndBackward(t.X, ToTensor(net.Y, net.Batch), t.W1, t.B1, t.W2, t.B2);
        return (loss, t);
    }
}
