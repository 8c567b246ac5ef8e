using FsCheck;
using FsCheck.Fluent;
using Foundations;
using Katas.GradientsByHand;
using KataTests.Support;
using NUnit.Framework;
using static KataTests.K09_GradientsByHand.DoubleValues;
using static KataTests.Support.CentralDifference;

namespace KataTests.K09_GradientsByHand;

/// <summary>Each backward step on its own, against central differences in double. A step's upstream gradient g stands for
/// "the rest of the network": the loss Σ output·g has ∂loss/∂output = g, so its numeric gradient is what the step must produce.</summary>
[Category("K09")]
public class GradientTests
{
    private static Arbitrary<(int Rows, int Cols, int Seed)> Shapes() =>
        (from rows in TensorGen.Size(6) from cols in TensorGen.Size(6) from seed in Gen.Choose(0, 100_000) select (rows, cols, seed)).ToArbitrary();

    [PropertyTest("The MSE gradient with respect to the output matches central differences.", MaxTest = 60)]
    public Property MseGrad_MatchesCentralDifferences()
    {
        return Prop.ForAll(Shapes(), c =>
        {
            var rng = new Rng((ulong)c.Seed);
            double[] output = Randn(rng, c.Rows), target = Randn(rng, c.Rows);
            double Loss() => output.Zip(target, (o, t) => (o - t) * (o - t)).Sum() / c.Rows;
            var o = ToTensor(output, c.Rows, 1);
            Layers.MseGrad(o, ToTensor(target, c.Rows));
            AssertMatches(o.Grad, Of(Loss, output), [c.Rows, 1], $"∂mse/∂output, batch {c.Rows}, seed {c.Seed}");
        });
    }

    [Test]
    public void MseGrad_OfABatchOfOne_KeepsTheOutputsShape()
    {
        // The gradient has the output's shape, [1, 1], whatever happened to the shape on the way (a squeeze, a reshape).
        var output = Tensor.FromArray(new float[,] { { 3 } });
        Layers.MseGrad(output, Tensor.FromArray(1f));
        TensorAssert.Near(output.Grad, Tensor.FromArray(new float[,] { { 4 } }), "∂(o − t)²/∂o = 2(o − t) with a batch of one, shaped [1, 1]");
    }

    [Test]
    public void MseGrad_PointsUphill_PositiveWhereTheOutputIsAboveItsTarget()
    {
        // Raising an output that is already above its target raises the loss: the gradient has the sign of output − target.
        var output = Tensor.FromArray(new float[,] { { 3 }, { -1 } });
        Layers.MseGrad(output, Tensor.FromArray(1f, 1f));
        int[] signs = [.. output.Grad!.ToArray().Select(g => Math.Sign(g))];
        Assert.That(signs, Is.EqualTo(new[] { 1, -1 }),
            "output [[3], [-1]] against target [1, 1]: the first output is too high (gradient > 0), the second too low (gradient < 0)");
    }

    [PropertyTest("The ReLU gradient matches central differences (away from the kink at 0).", MaxTest = 60)]
    public Property ReluGrad_MatchesCentralDifferences()
    {
        return Prop.ForAll(Shapes(), c =>
        {
            var rng = new Rng((ulong)c.Seed);
            int n = c.Rows * c.Cols;
            // Keep every input at least 0.01 from the kink at 0, where ReLU has no derivative to check.
            double[] input = Randn(rng, n).Select(v => v + Math.CopySign(0.01, v)).Select(v => (double)(float)v).ToArray();
            double[] upstream = Randn(rng, n);
            double Loss() => input.Zip(upstream, (v, g) => Math.Max(v, 0) * g).Sum();
            var x = ToTensor(input, c.Rows, c.Cols);
            var output = Layers.Relu(x);
            output.Grad = ToTensor(upstream, c.Rows, c.Cols);
            Layers.ReluGrad(x, output);
            AssertMatches(x.Grad, Of(Loss, input), [c.Rows, c.Cols], $"∂loss/∂input through ReLU, {c.Rows}×{c.Cols}, seed {c.Seed}");
        });
    }

    [Test]
    public void ReluGrad_BeforeTheOutputHasAGrad_ThrowsSayingWhatToRunFirst()
    {
        var input = Tensor.FromArray(1f, -1f);
        var error = Assert.Throws<InvalidOperationException>(() => Layers.ReluGrad(input, Layers.Relu(input)),
            "the chain rule needs the output's gradient first: backward runs in reverse order");
        Assert.That(error!.Message, Does.Contain("Grad"), "the message should say that output.Grad is missing");
    }

    [Test]
    public void ReluGrad_AtAnInputOfExactlyZero_LetsNoGradientThrough()
    {
        // ReLU has no slope at its kink; like PyTorch, the gradient there is 0 (central differences cannot check this point).
        var input = Tensor.FromArray(-1f, 0f, 2f);
        var output = Layers.Relu(input);
        output.Grad = Tensor.FromArray(5f, 7f, 11f);
        Layers.ReluGrad(input, output);
        TensorAssert.Equal(input.Grad, Tensor.FromArray(0f, 0f, 11f),
            "out.Grad passes only where input > 0, strictly: input [-1, 0, 2], out.Grad [5, 7, 11]");
    }

    [Test]
    public void MseGrad_WithATargetOfAnotherShape_ThrowsNamingBoth()
    {
        var error = Assert.Throws<ArgumentException>(() => Layers.MseGrad(Tensor.Zeros(3, 1), Tensor.Zeros(3, 1)),
            "MseGrad checks the shapes as Mse does: the squeezed output [3] and a target [3, 1] must not broadcast");
        Assert.That(error!.Message, Does.Contain("[3, 1]").And.Contain("[3]"), "the message names both sizes");
    }

    [PropertyTest("The linear layer's gradients for input, weights and bias match central differences.", MaxTest = 60)]
    public Property LinGrad_MatchesCentralDifferencesForInputWeightsAndBias()
    {
        var cases = (from batch in TensorGen.Size(5) from nIn in TensorGen.Size(5) from nOut in TensorGen.Size(5)
                     from seed in Gen.Choose(0, 100_000) select (batch, nIn, nOut, seed)).ToArbitrary();
        return Prop.ForAll(cases, c =>
        {
            var rng = new Rng((ulong)c.seed);
            double[] x = Randn(rng, c.batch * c.nIn), w = Randn(rng, c.nIn * c.nOut), b = Randn(rng, c.nOut), g = Randn(rng, c.batch * c.nOut);
            double Loss()
            {
                double total = 0;
                for (int i = 0; i < c.batch; i++)
                    for (int j = 0; j < c.nOut; j++)
                    {
                        double y = b[j];
                        for (int k = 0; k < c.nIn; k++) y += x[i * c.nIn + k] * w[k * c.nOut + j];
                        total += y * g[i * c.nOut + j];
                    }
                return total;
            }
            Tensor xt = ToTensor(x, c.batch, c.nIn), wt = ToTensor(w, c.nIn, c.nOut), bt = ToTensor(b, c.nOut);
            var output = Layers.Lin(xt, wt, bt);
            output.Grad = ToTensor(g, c.batch, c.nOut);
            Layers.LinGrad(xt, output, wt, bt);
            string shapes = $"batch {c.batch}, {c.nIn} → {c.nOut}, seed {c.seed}";
            AssertMatches(xt.Grad, Of(Loss, x), [c.batch, c.nIn], $"∂loss/∂input = out.g @ wᵀ ({shapes})");
            AssertMatches(wt.Grad, Of(Loss, w), [c.nIn, c.nOut], $"∂loss/∂w = inputᵀ @ out.g ({shapes})");
            AssertMatches(bt.Grad, Of(Loss, b), [c.nOut], $"∂loss/∂b = out.g summed over the batch ({shapes})");
        });
    }

    [Test]
    public void LinGrad_WeightGradient_IsInputTransposedTimesOutGrad()
    {
        var (input, output, w, b) = SmallLinWithGrad();
        Layers.LinGrad(input, output, w, b);
        // Σᵢ inp[i, k]·out.g[i, j]: n_in × n_out (3 × 4), like w.
        TensorAssert.Equal(w.Grad, Tensor.FromArray(new float[,] { { 1, 0, 2, -1 }, { 5, 1, 4, -1 }, { -3, -1, 0, -1 } }),
            "w.Grad = inputᵀ @ out.Grad: inp [[1, 2, 0], [0, 1, -1]], out.Grad [[1, 0, 2, -1], [3, 1, 0, 1]]");
    }

    [Test]
    public void LinGrad_BiasGradient_IsOutGradSummedOverTheBatch()
    {
        var (input, output, w, b) = SmallLinWithGrad();
        Layers.LinGrad(input, output, w, b);
        TensorAssert.Equal(b.Grad, Tensor.FromArray(4f, 1f, 2f, 0f),
            "b.Grad = out.Grad summed over the batch, one number per output: out.Grad [[1, 0, 2, -1], [3, 1, 0, 1]]");
    }

    /// <summary>A batch of 2 through Lin(3 → 4) with small integers, and out.Grad set as the layer after it would.</summary>
    private static (Tensor Input, Tensor Output, Tensor W, Tensor B) SmallLinWithGrad()
    {
        Tensor input = Tensor.FromArray(new float[,] { { 1, 2, 0 }, { 0, 1, -1 } }), w = Tensor.Ones(3, 4), b = Tensor.Zeros(4);
        var output = Layers.Lin(input, w, b);
        output.Grad = Tensor.FromArray(new float[,] { { 1, 0, 2, -1 }, { 3, 1, 0, 1 } });
        return (input, output, w, b);
    }

    [Test]
    public void LinGrad_BeforeTheOutputHasAGrad_Throws()
    {
        Tensor x = Tensor.Ones(1, 2), w = Tensor.Ones(2, 3), b = Tensor.Zeros(3);
        Assert.Throws<InvalidOperationException>(() => Layers.LinGrad(x, Layers.Lin(x, w, b), w, b),
            "LinGrad reads output.Grad, which nothing has set yet");
    }

    [Test]
    public void LinGrad_CalledAgain_ReplacesTheGradientsInsteadOfAddingToThem()
    {
        Tensor w = Tensor.FromArray(new float[,] { { 1 }, { 1 } }), b = Tensor.FromArray(0f);
        Tensor first = Tensor.FromArray(new float[,] { { 1, 2 } }), second = Tensor.FromArray(new float[,] { { -1, 4 } });
        var output = Layers.Lin(first, w, b);
        output.Grad = Tensor.FromArray(new float[,] { { 3 } });
        Layers.LinGrad(first, output, w, b);
        output = Layers.Lin(second, w, b);
        output.Grad = Tensor.FromArray(new float[,] { { 0.5f } });
        Layers.LinGrad(second, output, w, b);
        // The second pass alone: w.Grad = [-1, 4]ᵀ · 0.5, b.Grad = 0.5. Adding the first pass's [1, 2]ᵀ · 3 would give [[2.5], [8]].
        TensorAssert.Near(w.Grad, Tensor.FromArray(new float[,] { { -0.5f }, { 2 } }),
            "each backward pass sets w.Grad (the chapter assigns .g): inp [[-1, 4]], out.Grad [[0.5]] after a pass with inp [[1, 2]], out.Grad [[3]]");
        TensorAssert.Near(b.Grad, Tensor.FromArray(0.5f), "each backward pass sets b.Grad: the second pass's out.Grad summed, not 3 + 0.5");
    }
}
