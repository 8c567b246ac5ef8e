using FsCheck;
using FsCheck.Fluent;
using Foundations;
using Katas.OneNeuron;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K01_OneNeuron;

[Category("K01")]
public class NeuronTests
{
    [Test]
    public void Output_IsTheWeightedSumPlusBias()
    {
        // 1·0.5 + 2·(−1) + 3·2 + 0.25 = 4.75
        float output = Neuron.Output([1f, 2f, 3f], [0.5f, -1f, 2f], 0.25f);
        Assert.That(output, Is.EqualTo(4.75f).Within(1e-6f), "a neuron computes Σ inputs[i]·weights[i] + bias");
    }

    [Test]
    public void Output_WithOneInput_IsTheLineWeightTimesInputPlusBias()
    {
        // The smallest neuron is a straight line: y = w·x + b.
        float output = Neuron.Output([2f], [3f], 0.5f);
        Assert.That(output, Is.EqualTo(6.5f), "one input x = 2, weight w = 3, bias b = 0.5: w·x + b = 6.5");
    }

    [Test]
    public void Output_WithNoInputs_IsTheBias()
    {
        float output = Neuron.Output([], [], 1.5f);
        Assert.That(output, Is.EqualTo(1.5f), "with nothing to weigh, only the bias is left");
    }

    [Test]
    public void Output_WithMoreInputsThanWeights_ThrowsNamingBothLengths()
    {
        var error = Assert.Throws<ArgumentException>(() => Neuron.Output([1f, 2f, 3f], [1f, 2f], 0f),
            "one weight per input: lengths that differ are an error, not something to skip over");
        Assert.That(error!.Message, Does.Contain("3").And.Contain("2"), "the message should name both lengths");
    }

    [Test]
    public void Output_WithMoreWeightsThanInputs_ThrowsNamingBothLengths()
    {
        var error = Assert.Throws<ArgumentException>(() => Neuron.Output([1f, 2f], [1f, 2f, 3f, 4f, 5f], 0f),
            "2 inputs and 5 weights: a weight with no input is a mismatch too, not something to ignore");
        Assert.That(error!.Message, Does.Contain("2").And.Contain("5"), "the message should name both lengths");
    }

    [TestCase(-2f, 0f)]
    [TestCase(0f, 0f)]
    [TestCase(3.5f, 3.5f)]
    public void Relu_KeepsPositivesAndZeroesTheRest(float x, float expected)
    {
        Assert.That(Neuron.Relu(x), Is.EqualTo(expected), $"ReLU({x}) = max(x, 0)");
    }

    [PropertyTest("A neuron's output is the sum of x·w plus the bias, computed in double precision.", MaxTest = 100)]
    public Property Output_EqualsADoublePrecisionSum()
    {
        var cases = (from length in Gen.Choose(0, 64) from seed in Gen.Choose(0, 100_000) select (length, seed)).ToArbitrary();
        return Prop.ForAll(cases, c =>
        {
            var rng = new Rng((ulong)c.seed);
            float[] x = Tensor.Randn(rng, c.length).ToArray(), w = Tensor.Randn(rng, c.length).ToArray();
            float bias = rng.NextNormal();
            double expected = bias;
            for (int i = 0; i < c.length; i++) expected += (double)x[i] * w[i];
            Assert.That(Neuron.Output(x, w, bias), Is.EqualTo(expected).Within(1e-4 + 1e-4 * Math.Abs(expected)),
                $"the weighted sum of {c.length} inputs (seed {c.seed})");
        });
    }
}
