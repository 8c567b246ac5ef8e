using Foundations;
using Katas.Autograd;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K11_Autograd;

[Category("K11")]
public class ModuleTests
{
    private const double GradRtol = 1e-2, GradAtol = 1e-3, Step = 1e-3;

    [Test]
    public void LinearLayer_10To2_HasAWeightOf2x10AndABiasOf2()
    {
        var shapes = new LinearLayer(10, 2, new Rng(1)).Parameters().Select(p => p.Value.Shape.ToArray()).ToArray();
        Assert.That(shapes, Is.EqualTo(new[] { new[] { 2, 10 }, new[] { 2 } }),
            "PyTorch's layout: one row of weights per output (n_out×n_in), then one bias per output");
    }

    [Test]
    public void LinearLayer_ParametersRequireGrad_AndTheWeightsFollowKaiming()
    {
        var layer = new LinearLayer(512, 256, new Rng(2));
        Assert.That(layer.Parameters().All(p => p.RequiresGrad), Is.True, "parameters are what training changes");
        float std = layer.Weight.Value.Std().Item(), expected = MathF.Sqrt(2f / 512);
        // 131,072 samples: the empirical std is within 1% of the formula for any seed; 3% is generous.
        Assert.That(std, Is.EqualTo(expected).Within(0.03 * expected), "Kaiming: std = √(2/n_in)");
        Assert.That(layer.Bias.Value.Abs().Max().Item(), Is.Zero, "the bias starts at 0");
    }

    [Test]
    public void LinearLayer_Forward_IsXTimesWTransposedPlusB()
    {
        var layer = new LinearLayer(3, 2, new Rng(3));
        var x = Tensor.FromArray(new float[,] { { 1, 2, 3 } });
        Variable y = layer.Forward(new Variable(x));
        TensorAssert.Near(y.Value, Tensor.Matmul(x, layer.Weight.Value.T()) + layer.Bias.Value, "x @ Wᵀ + b");
    }

    [Test]
    public void Sequential_Parameters_WalkEveryChildInOrder()
    {
        var rng = new Rng(4);
        LinearLayer first = new(3, 4, rng), last = new(4, 1, rng);
        var model = new Sequential(first, new ReluLayer(), new Sequential(last));
        Assert.That(model.Parameters(), Is.EqualTo(new[] { first.Weight, first.Bias, last.Weight, last.Bias }).AsCollection,
            "Parameters() walks child modules, nested ones too, in the order they were registered");
    }

    [Test]
    public void Sequential_Backward_MatchesCentralDifferencesForEveryParameter()
    {
        var rng = new Rng(6);
        LinearLayer first = new(4, 5, rng), last = new(5, 1, rng);
        var model = new Sequential(first, new ReluLayer(), last);
        Tensor xs = Tensor.Randn(rng, 7, 4), ys = Tensor.Randn(rng, 7);
        new MseFunction().Apply(model.Forward(new Variable(xs)), new Variable(ys)).Backward();

        Func<double> loss = ReferenceLoss.Mlp(xs, [(first.Weight.Value.T(), first.Bias.Value), (last.Weight.Value.T(), last.Bias.Value)], ys);
        foreach (var (parameter, name) in new[] { (first.Weight, "W1"), (first.Bias, "b1"), (last.Weight, "W2"), (last.Bias, "b2") })
            TensorAssert.Near(parameter.Grad, CentralDifference.Of(loss, parameter.Value, Step),
                $"{name}.Grad of Linear(4,5) → ReLU → Linear(5,1) → MSE", GradRtol, GradAtol);
    }

    [Test]
    public void SgdStep_MovesEachParameterAgainstItsGradient_AndZeroGradClears()
    {
        var p = new Variable(Tensor.FromArray(1f, 2f), requiresGrad: true) { Grad = Tensor.FromArray(10f, -20f) };
        var sgd = new Sgd([p], learningRate: 0.1f);
        sgd.Step();
        TensorAssert.Near(p.Value, Tensor.FromArray(0f, 4f), "p ← p − lr·grad, in place");
        sgd.ZeroGrad();
        Assert.That(p.Grad, Is.Null, "ZeroGrad clears the gradient before the next backward pass");
    }

    [Test]
    public void SgdStep_LeavesAParameterWithoutAGradientAsItIs()
    {
        // A parameter that took no part in this backward pass has no gradient, and nothing to move by.
        var used = new Variable(Tensor.FromArray(1f, 2f), requiresGrad: true) { Grad = Tensor.FromArray(10f, -20f) };
        var unused = new Variable(Tensor.FromArray(3f, 4f), requiresGrad: true);
        var sgd = new Sgd([used, unused], learningRate: 0.1f);
        Assert.DoesNotThrow(() => sgd.Step(), "Step skips a parameter whose Grad is null");
        TensorAssert.Equal(unused.Value, Tensor.FromArray(3f, 4f), "a parameter without a gradient stays where it is");
        TensorAssert.Near(used.Value, Tensor.FromArray(0f, 4f), "while the one beside it moves: p ← p − lr·grad");
    }

    [TestCase(0f)]
    [TestCase(-0.1f)]
    [TestCase(float.NaN)]
    public void Sgd_WithALearningRateThatIsNotPositive_Throws(float learningRate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd([new Variable(Tensor.Ones(1), true)], learningRate),
            $"a learning rate of {learningRate} would not descend");
    }

    [TestCase(0, 2)]
    [TestCase(2, 0)]
    public void LinearLayer_WithNoInputsOrNoOutputs_Throws(int nIn, int nOut)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearLayer(nIn, nOut, new Rng(9)),
            $"LinearLayer({nIn}, {nOut}): a layer needs at least one input and one output feature");
    }

    [Test]
    public void ModuleZeroGrad_ClearsEveryParameter()
    {
        var model = new Sequential(new LinearLayer(2, 3, new Rng(7)), new ReluLayer(), new LinearLayer(3, 1, new Rng(8)));
        new MseFunction().Apply(model.Forward(new Variable(Tensor.Ones(4, 2))), new Variable(Tensor.Zeros(4))).Backward();
        Assert.That(model.Parameters().All(p => p.Grad is not null), Is.True, "after Backward every parameter has a gradient");
        model.ZeroGrad();
        Assert.That(model.Parameters().All(p => p.Grad is null), Is.True, "after ZeroGrad none has");
    }

    [Test]
    public void TrainingASmallRegressionWithMyRelu_CutsTheLossAtLeastInHalf()
    {
        // y = |x| on [−2, 2]: a straight line cannot fit it, a ReLU network can.
        var rng = new Rng(2024);
        Tensor xs = Tensor.Uniform(rng, -2f, 2f, 64, 1), ys = xs.Abs().Reshape(64);
        var model = new Sequential(new LinearLayer(1, 16, rng), new ReluLayer(), new LinearLayer(16, 1, rng));
        var sgd = new Sgd(model.Parameters(), learningRate: 0.05f);
        var mse = new MseFunction();
        float Loss() => mse.Apply(model.Forward(new Variable(xs)), new Variable(ys)).Value.Item();

        float before = Loss();
        for (int step = 0; step < 200; step++)
        {
            sgd.ZeroGrad();
            mse.Apply(model.Forward(new Variable(xs)), new Variable(ys)).Backward();
            sgd.Step();
        }
        float after = Loss();
        Assert.That(after, Is.LessThanOrEqualTo(before / 2), $"200 SGD steps should at least halve the loss: {before} → {after}");
    }

    [Test]
    public void LinearLayer_TheSameSeed_GivesTheSameWeights()
    {
        float[] first = new LinearLayer(3, 2, new Rng(5)).Weight.Value.ToArray();
        float[] second = new LinearLayer(3, 2, new Rng(5)).Weight.Value.ToArray();
        Assert.That(second, Is.EqualTo(first), "two LinearLayer(3, 2) drawn from new Rng(5) each: the weights come from the rng you pass");
    }

    [TestCase(0, 3)]
    [TestCase(3, 0)]
    public void LinearLayer_WithASizeBelowOne_ThrowsNamingBothSizes(int nIn, int nOut)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new LinearLayer(nIn, nOut, new Rng(9)),
            $"LinearLayer({nIn}, {nOut}): a layer needs at least one input and one output feature");
        Assert.That(error!.Message, Does.Contain(nIn.ToString()).And.Contain(nOut.ToString()), $"the message should name nIn = {nIn} and nOut = {nOut}");
    }
}
