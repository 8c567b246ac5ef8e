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
    public void MseFunction_WithShapesThatWouldBroadcast_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new MseFunction().Apply(new Variable(Tensor.Zeros(3)), new Variable(Tensor.Zeros(3, 1))),
            "[3] − [3, 1] would broadcast to 3×3 and give a wrong loss silently");
        Assert.That(error!.Message, Does.Contain("[3]").And.Contain("[3, 1]"));
    }
}
