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
        throw new NotImplementedException("Kata 01: one Neuron.Output per (row of x, row of w).");
    }
}
