using FsCheck;
using FsCheck.Fluent;
using Foundations;
using Katas.Autograd;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K11_Autograd;

[Category("K11")]
public class FunctionTests
{
    private const double GradRtol = 1e-2, GradAtol = 1e-3, Step = 1e-3;

    [Test]
    public void MyRelu_Gradient_MatchesCentralDifferences()
    {
        var rng = new Rng(41);
        Tensor xs = Tensor.Randn(rng, 3, 4).Map(v => v + MathF.CopySign(0.1f, v)), r = Tensor.Randn(rng, 3, 4);
        var x = new Variable(xs, requiresGrad: true);
        Variable y = new MyRelu().Apply(x);
        TensorAssert.Equal(y.Value, xs.ClampMin(0f), "MyRelu forward is max(x, 0)");
        y.Backward(r); // as if the loss were Σ relu(x)·r
        TensorAssert.Near(x.Grad, CentralDifference.Of(() => ReferenceLoss.WeightedRelu(xs, r), xs, Step),
            "MyRelu's gradient is the output gradient where x > 0, 0 elsewhere", GradRtol, GradAtol);
    }

    [Test]
    public void MyRelu_AppliedTwice_BackwardOfTheFirstCallMasksByTheFirstInput()
    {
        // One Function object serves many calls (ReluLayer shares one): each call's tensors live in its own ctx.
        var relu = new MyRelu();
        var first = new Variable(Tensor.FromArray(1f, -2f, 3f), requiresGrad: true);
        var second = new Variable(Tensor.FromArray(-1f, 2f, -3f), requiresGrad: true);
        Variable y = relu.Apply(first);
        relu.Apply(second);
        y.Backward(Tensor.FromArray(5f, 7f, 11f));
        TensorAssert.Equal(first.Grad, Tensor.FromArray(5f, 0f, 11f),
            "relu(x1) then relu(x2) with the same MyRelu: y1.Backward([5, 7, 11]) masks by x1 = [1, -2, 3], not by x2 = [-1, 2, -3]");
    }

    [Test]
    public void LinearFunction_AppliedTwice_BackwardOfTheFirstCallUsesTheFirstInputs()
    {
        var rng = new Rng(42);
        Tensor xs = Tensor.Randn(rng, 3, 4), ws = Tensor.Randn(rng, 2, 4), bs = Tensor.Randn(rng, 2), r = Tensor.Randn(rng, 3, 2);
        var linear = new LinearFunction();
        Variable w = new(ws, true);
        Variable y = linear.Apply(new Variable(xs), w, new Variable(bs));
        linear.Apply(new Variable(Tensor.Randn(rng, 5, 4)), new Variable(Tensor.Randn(rng, 2, 4), true), new Variable(Tensor.Randn(rng, 2)));
        y.Backward(r);
        TensorAssert.Near(w.Grad, CentralDifference.Of(() => ReferenceLoss.WeightedLin(xs, ws.T(), bs, r), ws, Step),
            "∂w of the first call (x 3×4) after a second call on other tensors (x 5×4)", GradRtol, GradAtol);
    }

    [PropertyTest("The linear function's gradients for x, w and b match central differences.", MaxTest = 25)]
    public Property LinearFunction_Gradients_MatchCentralDifferences() => Prop.ForAll(TensorGen.MatmulCase(6), c =>
    {
        // N is the batch, K the inputs, M the outputs; w is M×K as in PyTorch.
        var rng = new Rng((ulong)c.Seed);
        Tensor xs = Tensor.Randn(rng, c.N, c.K), ws = Tensor.Randn(rng, c.M, c.K), bs = Tensor.Randn(rng, c.M), r = Tensor.Randn(rng, c.N, c.M);
        Variable x = new(xs, true), w = new(ws, true), b = new(bs, true);
        Variable y = new LinearFunction().Apply(x, w, b);
        y.Backward(r);
        double Loss() => ReferenceLoss.WeightedLin(xs, ws.T(), bs, r);
        string shapes = $"batch {c.N}, n_in {c.K}, n_out {c.M}, seed {c.Seed}";
        TensorAssert.Near(x.Grad, CentralDifference.Of(Loss, xs, Step), $"∂x = g @ w ({shapes})", GradRtol, GradAtol);
        TensorAssert.Near(w.Grad, CentralDifference.Of(Loss, ws, Step), $"∂w = gᵀ @ x, shaped n_out×n_in ({shapes})", GradRtol, GradAtol);
        TensorAssert.Near(b.Grad, CentralDifference.Of(Loss, bs, Step), $"∂b = g summed over the batch ({shapes})", GradRtol, GradAtol);
    });

    [TestCase(new[] { 4 }, new[] { 2, 4 }, new[] { 2 }, "[4]")]          // x is not a batch of rows
    [TestCase(new[] { 4, 10 }, new[] { 10 }, new[] { 2 }, "[10]")]       // w is not a matrix
    [TestCase(new[] { 4, 10 }, new[] { 2, 10 }, new[] { 3 }, "[3]")]     // three biases for two outputs
    [TestCase(new[] { 4, 10 }, new[] { 2, 10 }, new[] { 1, 2 }, "[1, 2]")] // b is not a vector
    public void LinearFunction_WithAnArgumentThatDoesNotFit_ThrowsNamingItsShape(int[] x, int[] w, int[] b, string wrong)
    {
        var error = Assert.Throws<ArgumentException>(() => new LinearFunction().Apply(
            new Variable(Tensor.Zeros(x)), new Variable(Tensor.Zeros(w)), new Variable(Tensor.Zeros(b))),
            $"x [batch, n_in], w [n_out, n_in], b [n_out]: x {ShapeRules.Format(x)}, w {ShapeRules.Format(w)}, b {ShapeRules.Format(b)} must be refused");
        Assert.That(error!.Message, Does.Contain(wrong), "the message names the shape that does not fit");
    }

    [Test]
    public void LinearFunction_WithWeightsOfTheWrongWidth_ThrowsNamingTheShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => new LinearFunction().Apply(
            new Variable(Tensor.Zeros(4, 10)), new Variable(Tensor.Zeros(2, 9)), new Variable(Tensor.Zeros(2))),
            "w is n_out×n_in: 9 weights per output cannot meet 10 inputs");
        Assert.That(error!.Message, Does.Contain("[4, 10]").And.Contain("[2, 9]"));
    }

    [TestCase(5, 51)]
    [TestCase(1, 52)] // batch size 1
    public void MseFunction_ValueAndGradients_MatchCentralDifferences(int batch, int seed)
    {
        var rng = new Rng((ulong)seed);
        Tensor ps = Tensor.Randn(rng, batch, 1), ts = Tensor.Randn(rng, batch);
        Variable prediction = new(ps, true), target = new(ts, true);
        Variable loss = new MseFunction().Apply(prediction, target);
        double Loss() => ReferenceLoss.Mse(ps.Reshape(batch), ts);
        Assert.That(loss.Value.Item(), Is.EqualTo(Loss()).Within(1e-5), "mean((prediction − target)²) with the prediction's last dim squeezed");
        loss.Backward();
        TensorAssert.Near(prediction.Grad, CentralDifference.Of(Loss, ps, Step), $"∂/∂prediction, shaped [{batch}, 1]", GradRtol, GradAtol);
        TensorAssert.Near(target.Grad, CentralDifference.Of(Loss, ts, Step), $"∂/∂target, shaped [{batch}]", GradRtol, GradAtol);
    }

    [Test]
    public void MseFunction_BackwardFromAGradientOtherThanOne_ScalesBothGradients()
    {
        // Backward may start anywhere above the loss (a weighted sum of losses, say): ∂(g·mse)/∂p = g·∂mse/∂p.
        var rng = new Rng(54);
        Tensor ps = Tensor.Randn(rng, 4, 1), ts = Tensor.Randn(rng, 4);
        float g = 0.5f + Tensor.Rand(rng, 1).Item(); // a seeded number in [0.5, 1.5), never 1 by design
        Variable prediction = new(ps, true), target = new(ts, true);
        new MseFunction().Apply(prediction, target).Backward(Tensor.Scalar(g));
        double Loss() => g * ReferenceLoss.Mse(ps.Reshape(4), ts);
        TensorAssert.Near(prediction.Grad, CentralDifference.Of(Loss, ps, Step), $"∂({g}·mse)/∂prediction: gradOutput multiplies it", GradRtol, GradAtol);
        TensorAssert.Near(target.Grad, CentralDifference.Of(Loss, ts, Step), $"∂({g}·mse)/∂target: gradOutput multiplies it", GradRtol, GradAtol);
    }

    [Test]
    public void MseFunction_OnATargetWithSeveralColumns_AveragesOverEveryElement()
    {
        var rng = new Rng(55);
        Tensor ps = Tensor.Randn(rng, 2, 3), ts = Tensor.Randn(rng, 2, 3);
        Variable prediction = new(ps, true), target = new(ts, true);
        Variable loss = new MseFunction().Apply(prediction, target);
        double Loss() => ReferenceLoss.Mse(ps, ts);
        Assert.That(loss.Value.Item(), Is.EqualTo(Loss()).Within(1e-5), "mean over all 6 elements of a [2, 3] prediction and target");
        loss.Backward();
        TensorAssert.Near(prediction.Grad, CentralDifference.Of(Loss, ps, Step),
            "∂/∂prediction = 2·difference/6 for [2, 3]: n counts elements, not the batch of 2", GradRtol, GradAtol);
    }

    [TestCase(new[] { 3, 2 }, new[] { 3 })] // two predictions per row, one target
    [TestCase(new[] { 4, 1 }, new[] { 3 })] // four predictions, three targets
    public void MseFunction_WithAPredictionThatDoesNotFitTheTarget_Throws(int[] prediction, int[] target)
    {
        var error = Assert.Throws<ArgumentException>(() => new MseFunction().Apply(new Variable(Tensor.Zeros(prediction)), new Variable(Tensor.Zeros(target))),
            $"a prediction {ShapeRules.Format(prediction)} and a target {ShapeRules.Format(target)} do not pair up");
        Assert.That(error!.Message, Does.Contain(ShapeRules.Format(prediction)).And.Contain(ShapeRules.Format(target)),
            "the message names both shapes");
    }

    [Test]
    public void MseFunction_WithShapesThatWouldBroadcast_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new MseFunction().Apply(new Variable(Tensor.Zeros(3)), new Variable(Tensor.Zeros(3, 1))),
            "[3] − [3, 1] would broadcast to 3×3 and give a wrong loss silently");
        Assert.That(error!.Message, Does.Contain("[3]").And.Contain("[3, 1]"));
    }

    [Test]
    public void MyRelu_GradientAtExactlyZero_IsZero()
    {
        // relu has no slope at 0; PyTorch takes 0 there, and so does this kata.
        var x = new Variable(Tensor.FromArray(-1f, 0f, 2f), requiresGrad: true);
        new MyRelu().Apply(x).Backward(Tensor.FromArray(5f, 7f, 11f));
        Assert.That(x.Grad?.ToArray(), Is.EqualTo(new[] { 0f, 0f, 11f }),
            "MyRelu on [-1, 0, 2] with output gradient [5, 7, 11]: the gradient passes only where x > 0 (as torch.relu's backward)");
    }
}
