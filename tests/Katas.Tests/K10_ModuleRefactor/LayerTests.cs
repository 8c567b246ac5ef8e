using Foundations;
using Katas.ModuleRefactor;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K10_ModuleRefactor;

[Category("K10")]
public class LayerTests
{
    // Gradients from the chain rule in float32 against central differences in double: rtol 1e-2 / atol 1e-3
    // leaves room for float rounding in the analytic side and for the float-sized nudge (h = 1e-3).
    private const double GradRtol = 1e-2, GradAtol = 1e-3, Step = 1e-3;

    [Test]
    public void Relu_Forward_KeepsPositivesAndStoresInputAndOutput()
    {
        var relu = new Relu();
        var x = Tensor.FromArray(-1.5f, 0f, 2f);
        Tensor y = relu.Call(x);
        TensorAssert.Equal(y, Tensor.FromArray(0f, 0f, 2f), "relu(x) = max(x, 0)");
        Assert.That(relu.Args, Has.Count.EqualTo(1), "Call keeps its args for the backward pass");
        Assert.That(relu.Args[0], Is.SameAs(x), "Call keeps the very tensor it was given (its Grad is written later)");
        Assert.That(relu.Output, Is.SameAs(y), "Call keeps the output it returned");
    }

    [Test]
    public void Relu_Backward_MatchesCentralDifferences()
    {
        var rng = new Rng(3);
        // Keep every input at least 0.1 away from the kink at 0, where the derivative does not exist.
        Tensor x = Tensor.Randn(rng, 4, 5).Map(v => v + MathF.CopySign(0.1f, v)), r = Tensor.Randn(rng, 4, 5);
        var relu = new Relu();
        relu.Call(x).Grad = r; // as if the next layer had sent r back
        relu.Backward();
        TensorAssert.Near(x.Grad, CentralDifference.Of(() => ReferenceLoss.WeightedRelu(x, r), x, Step),
            "∂/∂x of Σ relu(x)·r is r where x > 0 and 0 elsewhere", GradRtol, GradAtol);
    }

    [Test]
    public void Relu_Backward_AtExactlyZero_LetsNothingThrough()
    {
        // relu has no slope at 0; PyTorch takes 0 there, and so does this kata.
        var relu = new Relu();
        var x = Tensor.FromArray(-1f, 0f, 2f);
        relu.Call(x).Grad = Tensor.FromArray(5f, 7f, 11f);
        relu.Backward();
        TensorAssert.Equal(x.Grad, Tensor.FromArray(0f, 0f, 11f),
            "relu([-1, 0, 2]) with out.Grad [5, 7, 11]: the gradient passes only where x > 0, so x = 0 gets 0 (as torch.relu's backward)");
    }

    [Test]
    public void Relu_CalledTwice_BackwardUsesTheSecondInput()
    {
        var relu = new Relu();
        relu.Call(Tensor.FromArray(1f, -1f, 2f));
        var second = Tensor.FromArray(-3f, 4f, 0.5f);
        relu.Call(second).Grad = Tensor.FromArray(5f, 7f, 11f);
        relu.Backward();
        TensorAssert.Equal(second.Grad, Tensor.FromArray(0f, 7f, 11f),
            "after relu([1, -1, 2]) and relu([-3, 4, 0.5]), Backward with out.Grad [5, 7, 11] masks by the second input's signs");
    }

    [Test]
    public void Lin_Forward_IsInputTimesWeightsPlusBias()
    {
        var lin = new Lin(Tensor.FromArray(new float[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } }), Tensor.FromArray(0.5f, -1f));
        Tensor y = lin.Call(Tensor.FromArray(new float[,] { { 1, 0, -1 }, { 2, 1, 0 } }));
        TensorAssert.Near(y, Tensor.FromArray(new float[,] { { -3.5f, -5f }, { 5.5f, 7f } }),
            "out = inp @ w + b with w of shape n_in×n_out (the chapter's layout)");
    }

    [TestCase(5, 4, 3, 11)]
    [TestCase(1, 7, 2, 12)] // a batch of one row
    [TestCase(6, 1, 1, 13)]
    public void Lin_Backward_MatchesCentralDifferencesForInputWeightsAndBias(int batch, int nIn, int nOut, int seed)
    {
        var rng = new Rng((ulong)seed);
        Tensor x = Tensor.Randn(rng, batch, nIn), w = Tensor.Randn(rng, nIn, nOut), b = Tensor.Randn(rng, nOut), r = Tensor.Randn(rng, batch, nOut);
        var lin = new Lin(w, b);
        lin.Call(x).Grad = r;
        lin.Backward();
        double Loss() => ReferenceLoss.WeightedLin(x, w, b, r);
        string shapes = $"batch {batch}, n_in {nIn}, n_out {nOut}";
        TensorAssert.Near(x.Grad, CentralDifference.Of(Loss, x, Step), $"inp.Grad = out.Grad @ wᵀ ({shapes})", GradRtol, GradAtol);
        TensorAssert.Near(lin.Weight.Grad, CentralDifference.Of(Loss, w, Step), $"w.Grad = inpᵀ @ out.Grad ({shapes})", GradRtol, GradAtol);
        TensorAssert.Near(lin.Bias.Grad, CentralDifference.Of(Loss, b, Step), $"b.Grad = out.Grad summed over the batch ({shapes})", GradRtol, GradAtol);
    }

    [Test]
    public void Lin_CalledTwice_BackwardUsesTheSecondInput()
    {
        var rng = new Rng(14);
        Tensor w = Tensor.Randn(rng, 3, 2), b = Tensor.Randn(rng, 2), first = Tensor.Randn(rng, 4, 3), second = Tensor.Randn(rng, 5, 3);
        Tensor r = Tensor.Randn(rng, 5, 2);
        var lin = new Lin(w, b);
        lin.Call(first);
        lin.Call(second).Grad = r;
        lin.Backward();
        double Loss() => ReferenceLoss.WeightedLin(second, w, b, r);
        TensorAssert.Near(second.Grad, CentralDifference.Of(Loss, second, Step), "inp.Grad of the second call (a batch of 5 after a batch of 4)", GradRtol, GradAtol);
        TensorAssert.Near(lin.Weight.Grad, CentralDifference.Of(Loss, w, Step), "w.Grad = inpᵀ @ out.Grad of the second call, not the first", GradRtol, GradAtol);
    }

    [TestCase(new[] { 3 }, new[] { 3 }, "[3]")]           // a weight vector: n_in and n_out cannot be told apart
    [TestCase(new[] { 3, 5 }, new[] { 5, 1 }, "[5, 1]")]  // five numbers, but [n, 5] + [5, 1] broadcasts to the wrong shape
    [TestCase(new[] { 3, 5 }, new[] { 1, 5 }, "[1, 5]")]
    public void Lin_WithWeightsOrBiasOfTheWrongRank_ThrowsNamingTheShapes(int[] w, int[] b, string wrong)
    {
        var error = Assert.Throws<ArgumentException>(() => new Lin(Tensor.Zeros(w), Tensor.Zeros(b)),
            $"Lin needs w [n_in, n_out] and b [n_out]: w {ShapeRules.Format(w)} with b {ShapeRules.Format(b)} must be refused");
        Assert.That(error!.Message, Does.Contain(wrong), "the message names the shape that does not fit");
    }

    [Test]
    public void Lin_WithABiasThatDoesNotFitTheWeights_ThrowsNamingTheShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => new Lin(Tensor.Zeros(784, 50), Tensor.Zeros(10)),
            "w [784, 50] has 50 outputs, so b needs 50 entries");
        Assert.That(error!.Message, Does.Contain("[784, 50]").And.Contain("[10]"));
    }

    [Test]
    public void Mse_OfAOneDimensionalPrediction_SqueezesNothing()
    {
        var loss = new Mse().Call(Tensor.FromArray(1f, 2f, 4f), Tensor.FromArray(1f, 0f, 1f));
        Assert.That(loss.Item(), Is.EqualTo(13f / 3).Within(1e-5f),
            "a prediction [1, 2, 4] of shape [batch] against targets [1, 0, 1]: Squeeze(-1) leaves a last dimension of 3 alone; (0² + 2² + 3²) / 3");
    }

    [Test]
    public void Mse_Forward_IsTheMeanOfSquaredDifferences()
    {
        var loss = new Mse().Call(Tensor.FromArray(new float[,] { { 1 }, { 2 }, { 4 } }), Tensor.FromArray(1f, 0f, 1f));
        // ((1−1)² + (2−0)² + (4−1)²) / 3 = 13/3
        Assert.That(loss.Rank, Is.EqualTo(0), "the loss is a scalar tensor");
        Assert.That(loss.Item(), Is.EqualTo(13f / 3).Within(1e-5f), "mean((pred.Squeeze(-1) − target)²)");
    }

    [Test]
    public void Mse_OfABatchOfOne_KeepsItsBatchDimension()
    {
        // Squeeze() would turn the [1, 1] prediction into a scalar, whose shape [] is not the target's [1].
        var mse = new Mse();
        Tensor prediction = Tensor.FromArray(new float[,] { { 3 } });
        Tensor? loss = null;
        Assert.DoesNotThrow(() => loss = mse.Call(prediction, Tensor.FromArray(1f)),
            "a prediction [1, 1] against a target [1] is a batch of one: squeeze only the last dimension, Squeeze(-1)");
        Assert.That(loss!.Item(), Is.EqualTo(4f).Within(1e-6), "(3 − 1)² for a batch of one");
    }

    [TestCase(6, 21)]
    [TestCase(1, 22)] // batch size 1: squeezing every dimension would lose the batch
    public void Mse_Backward_MatchesCentralDifferences(int batch, int seed)
    {
        var rng = new Rng((ulong)seed);
        Tensor prediction = Tensor.Randn(rng, batch, 1), target = Tensor.Randn(rng, batch);
        var mse = new Mse();
        Tensor loss = mse.Call(prediction, target);
        mse.Backward();
        Assert.That(loss.Item(), Is.EqualTo(ReferenceLoss.Mse(prediction.Reshape(batch), target)).Within(1e-5), "the loss value");
        TensorAssert.Near(prediction.Grad, CentralDifference.Of(() => ReferenceLoss.Mse(prediction.Reshape(batch), target), prediction, Step),
            $"∂mse/∂pred = 2·(pred − target)/n, shaped like pred [{batch}, 1]", GradRtol, GradAtol);
    }

    [Test]
    public void Mse_Backward_GivesAGradientShapedLikeThePrediction()
    {
        // The difference is squeezed to [batch]; its gradient goes back to a prediction of shape [batch, 1].
        var mse = new Mse();
        var prediction = Tensor.FromArray(new float[,] { { 3 }, { -1 } });
        mse.Call(prediction, Tensor.FromArray(1f, 1f));
        mse.Backward();
        TensorAssert.HasShape(prediction.Grad!, [2, 1], "prediction.Grad for a prediction [[3], [-1]] and a target [1, 1] (Reshape it back)");
    }

    [Test]
    public void Mse_CalledTwice_BackwardUsesTheSecondPrediction()
    {
        var mse = new Mse();
        mse.Call(Tensor.FromArray(new float[,] { { 1 }, { 2 } }), Tensor.FromArray(0f, 0f));
        var second = Tensor.FromArray(new float[,] { { 3 }, { -1 }, { 0 } });
        mse.Call(second, Tensor.FromArray(1f, 1f, 1f));
        mse.Backward();
        // 2·(pred − target)/3 for pred [3, -1, 0] and target [1, 1, 1].
        TensorAssert.Near(second.Grad, Tensor.FromArray(new float[,] { { 4f / 3 }, { -4f / 3 }, { -2f / 3 } }),
            "Backward differentiates the last call: pred [[3], [-1], [0]], target [1, 1, 1]");
    }

    [TestCase(new[] { 3, 2 }, new[] { 2 })] // [3, 2] − [2] broadcasts: a loss over the wrong pairs
    [TestCase(new[] { 2, 1 }, new[] { 1 })] // [2] − [1] broadcasts: two predictions against one target
    public void Mse_WithAPredictionThatDoesNotMatchTheTarget_ThrowsNamingTheShapes(int[] prediction, int[] target)
    {
        var error = Assert.Throws<ArgumentException>(() => new Mse().Call(Tensor.Zeros(prediction), Tensor.Zeros(target)),
            $"a prediction {ShapeRules.Format(prediction)} (last dimension squeezed) does not match a target {ShapeRules.Format(target)}");
        Assert.That(error!.Message, Does.Contain(ShapeRules.Format(prediction)).And.Contain(ShapeRules.Format(target)),
            "the message names both shapes");
    }

    [Test]
    public void Mse_WithATargetThatWouldBroadcast_ThrowsNamingTheShapes()
    {
        // [3] − [3, 1] would broadcast to a 3×3 matrix: the classic silent bug of a missing squeeze.
        var error = Assert.Throws<ArgumentException>(() => new Mse().Call(Tensor.Zeros(3, 1), Tensor.Zeros(3, 1)),
            "a target of shape [3, 1] against a squeezed prediction [3] must be refused, not broadcast");
        Assert.That(error!.Message, Does.Contain("[3, 1]"));
    }
}
