using FsCheck;
using FsCheck.Fluent;
using Foundations;
using Katas.OneNeuron;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K01_OneNeuron;

[Category("K01")]
public class DenseLayerTests
{
    [Test]
    public void Forward_ComputesOneNeuronPerColumn()
    {
        var x = Tensor.FromArray(new float[,] { { 1, 2 }, { 3, 4 } });
        var w = Tensor.FromArray(new float[,] { { 1, 0 }, { 0, 1 }, { 1, 1 } }); // 3 neurons, 2 inputs each
        var b = Tensor.FromArray(0.5f, -1f, 0f);
        var expected = Tensor.FromArray(new float[,] { { 1.5f, 1f, 3f }, { 3.5f, 3f, 7f } });
        TensorAssert.Near(DenseLayer.Forward(x, w, b), expected, "y[i, j] = Σₖ x[i, k]·w[j, k] + b[j]");
    }

    [Test]
    public void Forward_OnOneRowAndOneNeuron_GivesA1x1Result()
    {
        var y = DenseLayer.Forward(Tensor.FromArray(new float[,] { { 2, 3 } }), Tensor.FromArray(new float[,] { { 4, 5 } }), Tensor.FromArray(1f));
        TensorAssert.Near(y, Tensor.FromArray(new float[,] { { 24 } }), "a batch of one row through one neuron: 2·4 + 3·5 + 1");
    }

    [Test]
    public void Forward_WithWeightsOfTheWrongWidth_ThrowsNamingTheShapes()
    {
        var x = Tensor.Zeros(5, 784);
        var w = Tensor.Zeros(10, 783);
        var error = Assert.Throws<ArgumentException>(() => DenseLayer.Forward(x, w, Tensor.Zeros(10)),
            "w must hold one weight per input for every neuron");
        Assert.That(error!.Message, Does.Contain("784").And.Contain("783"), "the message should name the sizes that disagree");
    }

    [Test]
    public void Forward_WithMoreBiasesThanNeurons_ThrowsNamingTheShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => DenseLayer.Forward(Tensor.Zeros(2, 3), Tensor.Zeros(4, 3), Tensor.Zeros(5)),
            "4 neurons need exactly 4 biases: a fifth bias belongs to no neuron");
        Assert.That(error!.Message, Does.Contain("[5]"), "the message should name b's shape [5]");
    }

    [TestCase(new[] { 3 }, new[] { 2, 3 }, new[] { 2 })]
    [TestCase(new[] { 2, 3 }, new[] { 3 }, new[] { 1 })]
    [TestCase(new[] { 2, 3 }, new[] { 4, 3 }, new[] { 4, 1 })]
    [TestCase(new[] { 2, 3 }, new[] { 4, 3 }, new int[0])]
    public void Forward_WithAnInputOfTheWrongRank_ThrowsNamingAllThreeShapes(int[] xShape, int[] wShape, int[] bShape)
    {
        // Every other size fits, so only the rank check can refuse these: x must be 2-D, w 2-D, b 1-D.
        var error = Assert.Throws<ArgumentException>(() => DenseLayer.Forward(Tensor.Zeros(xShape), Tensor.Zeros(wShape), Tensor.Zeros(bShape)),
            $"x {ShapeRules.Format(xShape)}, w {ShapeRules.Format(wShape)}, b {ShapeRules.Format(bShape)}: x and w are matrices, b is a vector");
        Assert.That(error!.Message,
            Does.Contain(ShapeRules.Format(xShape)).And.Contain(ShapeRules.Format(wShape)).And.Contain(ShapeRules.Format(bShape)),
            "the message should name the shapes of x, w and b");
    }

    [Test]
    public void Forward_ReadsTheRowsOfViews_ThroughTheirOffsetAndStrides()
    {
        // The matrix [[1, 2], [3, 4]] twice, as views: a transpose (its rows are strided) and a narrowed tensor (its
        // rows start at storage offset 2). A layer reads rows through the view, never straight from the storage.
        Tensor transposed = Tensor.FromArray(new float[,] { { 1, 3 }, { 2, 4 } }).T();
        Tensor narrowed = Tensor.FromArray(new float[,] { { 9, 9 }, { 1, 2 }, { 3, 4 } }).Narrow(0, 1, 2);
        var w = Tensor.FromArray(new float[,] { { 1, 0 }, { 0, 1 }, { 1, 1 } });
        var b = Tensor.FromArray(0.5f, -1f, 0f);
        var expected = Tensor.FromArray(new float[,] { { 1.5f, 1f, 3f }, { 3.5f, 3f, 7f } });
        TensorAssert.Near(DenseLayer.Forward(transposed, w, b), expected,
            "x = [[1, 2], [3, 4]] as a transposed view: row i of x is not the floats i·2, i·2 + 1 of its storage", inputs: [("x", transposed)]);
        TensorAssert.Near(DenseLayer.Forward(narrowed, w, b), expected,
            "x = [[1, 2], [3, 4]] as rows 1–2 of a 3×2 matrix: the view starts at storage offset 2", inputs: [("x", narrowed)]);
    }

    [Test]
    public void Forward_WithTooFewBiases_Throws()
    {
        Assert.Throws<ArgumentException>(() => DenseLayer.Forward(Tensor.Zeros(2, 3), Tensor.Zeros(4, 3), Tensor.Zeros(3)),
            "b needs one bias per neuron (4 neurons, 3 biases)");
    }

    [PropertyTest("Every element (row, neuron) of a dense layer's output is that neuron's output for that row.", MaxTest = 50)]
    public Property Forward_EqualsOneNeuronOutputPerRowAndNeuron()
    {
        var cases = (from batch in TensorGen.Size(6) from inputs in TensorGen.Size(10) from neurons in TensorGen.Size(6)
                     from seed in Gen.Choose(0, 100_000) select (batch, inputs, neurons, seed)).ToArbitrary();
        return Prop.ForAll(cases, c =>
        {
            var rng = new Rng((ulong)c.seed);
            Tensor x = Tensor.Randn(rng, c.batch, c.inputs), w = Tensor.Randn(rng, c.neurons, c.inputs), b = Tensor.Randn(rng, c.neurons);
            var expected = Tensor.Zeros(c.batch, c.neurons);
            for (int i = 0; i < c.batch; i++)
                for (int j = 0; j < c.neurons; j++)
                {
                    double sum = b[j];
                    for (int k = 0; k < c.inputs; k++) sum += (double)x[i, k] * w[j, k];
                    expected[i, j] = (float)sum;
                }
            TensorAssert.Near(DenseLayer.Forward(x, w, b), expected,
                $"a dense layer is one neuron per (row, neuron); batch {c.batch}, {c.inputs} inputs, {c.neurons} neurons, seed {c.seed}");
        });
    }
}
