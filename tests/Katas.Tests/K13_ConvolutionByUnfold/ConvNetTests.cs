using Foundations;
using Foundations.Data;
using Katas.ConvolutionByUnfold;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K13_ConvolutionByUnfold;

/// <summary>Further research 3, second half: a CNN made of your unfold convolution, its gradients, and training it.</summary>
[Category("K13")]
public class ConvNetTests
{
    [Test]
    public void Accuracy_IsTheShareOfImagesWhoseLargestLogitIsTheirLabel()
    {
        var net = new ConvNet(new Rng(3));
        var images = Tensor.Randn(new Rng(4), 4, 784);
        float[] predicted = net.Forward(images).ArgMax(1).ToArray();
        // Three labels agree with the net's prediction, the fourth does not: 3 of 4 right.
        int[] labels = [(int)predicted[0], (int)predicted[1], ((int)predicted[2] + 1) % 10, (int)predicted[3]];
        Assert.That(net.Accuracy(images, labels), Is.EqualTo(0.75f),
            $"predictions [{string.Join(", ", predicted)}], labels [{string.Join(", ", labels)}]: 3 of 4 agree");
    }

    [Test]
    public void Parameters_HaveTheLayersShapes()
    {
        var shapes = new ConvNet(new Rng(1)).Parameters.Select(p => p.Shape.ToArray()).ToArray();
        Assert.That(shapes, Is.EqualTo(new[]
        {
            new[] { 8, 1, 3, 3 }, new[] { 8 }, new[] { 16, 8, 3, 3 }, new[] { 16 }, new[] { 10, 784 }, new[] { 10 },
        }), "conv 1→8, conv 8→16, linear 784→10, each with its bias");
    }

    [Test]
    public void StartsWithKaimingWeights_ForTheFanIn_AndZeroBiases()
    {
        IReadOnlyList<Tensor> p = new ConvNet(new Rng(1)).Parameters;
        // fan_in = in_channels · 3 · 3 for a convolution (9 and 72), 784 for the linear layer.
        Assert.That(p[0].Std().Item(), Is.EqualTo(Math.Sqrt(2.0 / 9)).Within(30).Percent, "conv1 [8, 1, 3, 3]: std √(2 / (1·3·3)), from only 72 draws");
        Assert.That(p[2].Std().Item(), Is.EqualTo(Math.Sqrt(2.0 / 72)).Within(10).Percent, "conv2 [16, 8, 3, 3]: std √(2 / (8·3·3))");
        Assert.That(p[4].Std().Item(), Is.EqualTo(Math.Sqrt(2.0 / 784)).Within(5).Percent, "linear [10, 784]: std √(2 / 784)");
        Assert.That(p[1].ToArray().Concat(p[3].ToArray()).Concat(p[5].ToArray()), Is.All.EqualTo(0f), "biases start at zero");
    }

    [Test]
    public void Forward_IsConvReluConvReluLinear()
    {
        Tensor images = Rows(FashionMnist.LoadEmbedded().Normalize().Train.Images, 0, 3);
        var net = new ConvNet(new Rng(3));
        IReadOnlyList<Tensor> p = net.Parameters;
        // The README's network, from the test's own convolution: conv(2, 1), ReLU, conv(2, 1), ReLU, flatten, linear.
        Tensor h1 = ConvReference.Conv(images.Reshape(3, 1, 28, 28), p[0], p[1], 2, 1).ClampMin(0);
        Tensor flat = ConvReference.Conv(h1, p[2], p[3], 2, 1).ClampMin(0).Reshape(3, 784);
        Tensor expected = flat.Matmul(p[4].T()) + p[5];
        TensorAssert.Near(net.Forward(images), expected,
            "logits of 3 images: conv 1→8 (3×3, stride 2, padding 1), ReLU, conv 8→16 (same), ReLU, flatten to 784, linear 784→10",
            rtol: 1e-3, atol: 1e-4);
    }

    [Test]
    public void Step_MovesEveryParameterByMinusTheLearningRateTimesItsGradient()
    {
        Tensor images = Rows(FashionMnist.LoadEmbedded().Normalize().Train.Images, 0, 4);
        int[] labels = [3, 1, 4, 1];
        var net = new ConvNet(new Rng(5));
        var (loss, gradients) = net.LossAndGradients(images, labels);
        Tensor[] before = net.Parameters.Select(p => p.Clone()).ToArray();
        float returned = net.Step(images, labels, 0.5f);
        Assert.That(returned, Is.EqualTo(loss).Within(1e-6), "Step returns the batch's loss before the step");
        for (int i = 0; i < before.Length; i++)
            TensorAssert.Near(net.Parameters[i], before[i] - gradients[i] * 0.5f, $"parameter {i} after Step(lr 0.5): p − 0.5·∂loss/∂p, in place",
                rtol: 1e-5, atol: 1e-6);
    }

    [TestCase(2UL)] // checked on seeds 2 and 5–10 with the reference solution
    public void Gradients_MatchCentralDifferences_OnSampledEntriesOfEveryParameter(ulong seed)
    {
        FashionMnistData data = FashionMnist.LoadEmbedded().Normalize();
        Tensor images = Rows(data.Train.Images, 0, 3);
        int[] labels = data.Train.Labels[..3];
        var net = new ConvNet(new Rng(seed));
        var (_, gradients) = net.LossAndGradients(images, labels);
        var pick = new Rng(seed + 1);
        // A small step: a nudge of h moves many ReLU inputs at once (a bias shifts a whole channel), and each that
        // crosses 0 bends the loss; 1e-3 keeps those crossings rare while the float loss (≈ 2.3) still resolves it.
        const float h = 1e-3f;
        for (int p = 0; p < net.Parameters.Count; p++)
        {
            float[] storage = net.Parameters[p].Storage, gradient = gradients[p].ToArray();
            for (int sample = 0; sample < 6; sample++)
            {
                int i = (int)(pick.NextDouble() * storage.Length);
                float saved = storage[i];
                storage[i] = saved + h;
                double plus = net.LossAndGradients(images, labels).Loss;
                storage[i] = saved - h;
                double minus = net.LossAndGradients(images, labels).Loss;
                storage[i] = saved;
                double numeric = (plus - minus) / (2 * h);
                Assert.That(gradient[i], Is.EqualTo(numeric).Within(3e-3 + 5e-2 * Math.Abs(numeric)),
                    $"parameter {p} (shape [{string.Join(", ", net.Parameters[p].Shape)}]), element {i}: the chain rule gives {gradient[i]}, central differences {numeric}");
            }
        }
    }

    [TestCase(4UL)]
    public void AFewHundredSgdSteps_ClearlyImproveTheValidationAccuracy(ulong seed)
    {
        // The embedded 8,000/1,000 Fashion-MNIST subset, so the test is the same on every machine. Measured with the
        // reference solution on seeds 1–4: 7.7–14.0 % before, 77.7–79.3 % after 120 steps at lr 0.1; the bounds leave
        // about 13 points of margin. Few steps keep the test well inside the runner's per-test time limit.
        FashionMnistData data = FashionMnist.LoadEmbedded().Normalize();
        var net = new ConvNet(new Rng(seed));
        float before = net.Accuracy(data.Test.Images, data.Test.Labels);
        const int batch = 32, steps = 120;
        for (int step = 0; step < steps; step++)
        {
            int start = step * batch % (data.Train.Count - batch);
            net.Step(Rows(data.Train.Images, start, batch), data.Train.Labels[start..(start + batch)], 0.1f);
        }
        float after = net.Accuracy(data.Test.Images, data.Test.Labels);
        TestContext.Out.WriteLine($"validation accuracy: {before:P1} before, {after:P1} after {steps} steps of {batch}");
        Assert.That(after, Is.GreaterThan(0.65f), $"after {steps} steps the CNN should be well above chance: {before:P1} → {after:P1}");
        Assert.That(after - before, Is.GreaterThan(0.3f), $"training should clearly improve the accuracy: {before:P1} → {after:P1}");
    }

    private static Tensor Rows(Tensor images, int start, int count) => images.Narrow(0, start, count);
}
