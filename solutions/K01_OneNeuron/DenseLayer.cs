using Foundations;

namespace Katas.OneNeuron;

/// <summary>A layer of neurons that all see the same inputs: PyTorch's <c>nn.Linear</c>, written by hand.</summary>
public static class DenseLayer
{
    /// <summary>
    /// y[i, j] = Σₖ x[i, k]·w[j, k] + b[j] for x of shape batch×n_inputs, w of shape n_neurons×n_inputs
    /// (PyTorch's layout: one row of weights per neuron) and b of shape n_neurons.
    /// Build it from one neuron's output per (row, neuron).
    /// </summary>
    /// <exception cref="ArgumentException">Ranks or sizes do not fit together; the message names the shapes.</exception>
    public static Tensor Forward(Tensor x, Tensor w, Tensor b)
    {
        if (x.Rank != 2 || w.Rank != 2 || b.Rank != 1)
            throw new ArgumentException(
                $"DenseLayer.Forward expects x as batch×inputs, w as neurons×inputs and b as neurons, but got shapes {Describe(x)}, {Describe(w)} and {Describe(b)}.");
        int batch = x.Shape[0], inputs = x.Shape[1], neurons = w.Shape[0];
        if (w.Shape[1] != inputs || b.Shape[0] != neurons)
            throw new ArgumentException(
                $"DenseLayer.Forward: x has {inputs} inputs per row, w has {w.Shape[1]} weights per neuron for {neurons} neurons, and b has {b.Shape[0]} biases; they must agree (shapes {Describe(x)}, {Describe(w)}, {Describe(b)}).");

        // Each row of x and each row of w is a contiguous run of floats once copied out,
        // so one neuron's output is exactly Neuron.Output over two spans.
        var y = Tensor.Zeros(batch, neurons);
        for (int j = 0; j < neurons; j++)
        {
            float[] weights = w.Row(j).ToArray();
            for (int i = 0; i < batch; i++)
                y[i, j] = Neuron.Output(x.Row(i).ToArray(), weights, b[j]);
        }
        return y;
    }

    private static string Describe(Tensor t) => ShapeRules.Format(t.Shape);
}
