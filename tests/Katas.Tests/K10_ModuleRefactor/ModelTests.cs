using Foundations;
using Katas.ModuleRefactor;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K10_ModuleRefactor;

[Category("K10")]
public class ModelTests
{
    private const double GradRtol = 1e-2, GradAtol = 1e-3, Step = 1e-3;

    /// <summary>An identity layer that writes its name in a log when its backward runs. It passes on whatever gradient
    /// its output has, even none, so a backward pass in the wrong order ends in a log to compare, not an exception.</summary>
    private sealed class Recorder(string name, List<string> log) : Module(inputCount: 1)
    {
        protected override Tensor Forward(Tensor[] args) => args[0] * 1f;

        protected override void Bwd(Tensor output, Tensor[] args)
        {
            log.Add(name);
            args[0].Grad = output.Grad;
        }
    }

    [TestCase(1, 31)]
    [TestCase(2, 32)]
    [TestCase(3, 33)]
    [TestCase(5, 34)]
    public void Backward_MatchesCentralDifferences_AtAnyDepth(int depth, int seed)
    {
        var rng = new Rng((ulong)seed);
        const int batch = 6;
        int[] widths = [.. Enumerable.Range(0, depth).Select(l => l == 0 ? 4 : 5), 1]; // 4 inputs, hidden 5, one output
        var parameters = new List<(Tensor W, Tensor B)>();
        var layers = new List<Module>();
        for (int l = 0; l < depth; l++)
        {
            // Scaled like Kaiming (K08) so deep stacks neither vanish nor explode.
            Tensor w = Tensor.Randn(rng, widths[l], widths[l + 1]) * MathF.Sqrt(2f / widths[l]), b = Tensor.Randn(rng, widths[l + 1]) * 0.1f;
            parameters.Add((w, b));
            layers.Add(new Lin(w, b));
            if (l < depth - 1) layers.Add(new Relu());
        }
        Tensor x = Tensor.Randn(rng, batch, widths[0]), y = Tensor.Randn(rng, batch);
        var model = new Model(layers, new Mse());

        Tensor loss = model.Call(x, y);
        model.Backward();

        Func<double> Loss = ReferenceLoss.Mlp(x, parameters, y);
        Assert.That(loss.Item(), Is.EqualTo(Loss()).Within(1e-4 + 1e-4 * Loss()), $"the forward loss of a {depth}-layer model");
        TensorAssert.Near(x.Grad, CentralDifference.Of(Loss, x, Step), $"x.Grad through {depth} Lin layers", GradRtol, GradAtol);
        for (int l = 0; l < depth; l++)
        {
            var lin = (Lin)layers[2 * l];
            TensorAssert.Near(lin.Weight.Grad, CentralDifference.Of(Loss, parameters[l].W, Step), $"w{l + 1}.Grad in a {depth}-layer model", GradRtol, GradAtol);
            TensorAssert.Near(lin.Bias.Grad, CentralDifference.Of(Loss, parameters[l].B, Step), $"b{l + 1}.Grad in a {depth}-layer model", GradRtol, GradAtol);
        }
    }

    [Test]
    public void ChaptersNet_200x100_Hidden50_GivesGradientsOfEveryShapeAndTheRightValues()
    {
        // The chapter's synthetic regression: x 200×100, one hidden layer of 50, one output.
        var rng = new Rng(2019);
        Tensor x = Tensor.Randn(rng, 200, 100), y = Tensor.Randn(rng, 200);
        Tensor w1 = Tensor.Randn(rng, 100, 50) * MathF.Sqrt(2f / 100), b1 = Tensor.Zeros(50);
        Tensor w2 = Tensor.Randn(rng, 50, 1) * MathF.Sqrt(1f / 50), b2 = Tensor.Zeros(1);
        var model = Model.TwoLayer(w1, b1, w2, b2);

        model.Call(x, y);
        model.Backward();

        TensorAssert.HasShape(x.Grad!, [200, 100], "x.Grad is shaped like x");
        TensorAssert.HasShape(w1.Grad!, [100, 50], "w1.Grad is shaped like w1");
        Func<double> Loss = ReferenceLoss.Mlp(x, [(w1, b1), (w2, b2)], y);
        // Central differences on the small parameters (the 5,000 weights of w1 would take too long).
        TensorAssert.Near(b1.Grad, CentralDifference.Of(Loss, b1, Step), "b1.Grad of the chapter's net", GradRtol, GradAtol);
        TensorAssert.Near(w2.Grad, CentralDifference.Of(Loss, w2, Step), "w2.Grad of the chapter's net", GradRtol, GradAtol);
        TensorAssert.Near(b2.Grad, CentralDifference.Of(Loss, b2, Step), "b2.Grad of the chapter's net", GradRtol, GradAtol);
    }

    [Test]
    public void Call_OnASecondBatch_BackwardGivesThatBatchsGradients()
    {
        var (model, parameters, rng) = SmallTwoLayerModel(seed: 35);
        model.Call(Tensor.Randn(rng, 3, 4), Tensor.Randn(rng, 3));
        Tensor x = Tensor.Randn(rng, 6, 4), y = Tensor.Randn(rng, 6);
        model.Call(x, y);
        model.Backward();
        Func<double> Loss = ReferenceLoss.Mlp(x, parameters, y);
        TensorAssert.Near(parameters[0].W.Grad, CentralDifference.Of(Loss, parameters[0].W, Step),
            "w1.Grad of the second batch (6 rows after a first call on 3)", GradRtol, GradAtol);
        TensorAssert.Near(parameters[1].B.Grad, CentralDifference.Of(Loss, parameters[1].B, Step),
            "b2.Grad of the second batch (6 rows after a first call on 3)", GradRtol, GradAtol);
    }

    [Test]
    public void Backward_RunTwice_SetsTheSameGradientsNotTheirSum()
    {
        var (model, parameters, rng) = SmallTwoLayerModel(seed: 36);
        Tensor x = Tensor.Randn(rng, 6, 4), y = Tensor.Randn(rng, 6);
        model.Call(x, y);
        model.Backward();
        model.Call(x, y);
        model.Backward();
        Func<double> Loss = ReferenceLoss.Mlp(x, parameters, y);
        for (int l = 0; l < parameters.Count; l++)
        {
            TensorAssert.Near(parameters[l].W.Grad, CentralDifference.Of(Loss, parameters[l].W, Step),
                $"w{l + 1}.Grad after Call and Backward ran twice on the same batch", GradRtol, GradAtol);
            TensorAssert.Near(parameters[l].B.Grad, CentralDifference.Of(Loss, parameters[l].B, Step),
                $"b{l + 1}.Grad after Call and Backward ran twice on the same batch", GradRtol, GradAtol);
        }
    }

    /// <summary>Lin(4 → 5), Relu, Lin(5 → 1), Mse, with Kaiming-scaled weights and small random biases.</summary>
    private static (Model Model, List<(Tensor W, Tensor B)> Parameters, Rng Rng) SmallTwoLayerModel(int seed)
    {
        var rng = new Rng((ulong)seed);
        Tensor w1 = Tensor.Randn(rng, 4, 5) * MathF.Sqrt(2f / 4), b1 = Tensor.Randn(rng, 5) * 0.1f;
        Tensor w2 = Tensor.Randn(rng, 5, 1) * MathF.Sqrt(2f / 5), b2 = Tensor.Randn(rng, 1) * 0.1f;
        return (Model.TwoLayer(w1, b1, w2, b2), [(w1, b1), (w2, b2)], rng);
    }

    [Test]
    public void Backward_RunsTheLossFirstThenTheLayersInReverseOrder()
    {
        var log = new List<string>();
        var model = new Model([new Recorder("first", log), new Recorder("second", log), new Recorder("third", log)], new Mse());
        model.Call(Tensor.Ones(2, 1), Tensor.Zeros(2));
        model.Backward();
        Assert.That(log, Is.EqualTo(new[] { "third", "second", "first" }),
            "layers [first, second, third]: Backward runs the loss, then the layers last to first, because each layer needs the gradient of its output, which only the layer after it can provide");
    }
}
