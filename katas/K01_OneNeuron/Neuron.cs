namespace Katas.OneNeuron;

/// <summary>One artificial neuron: a weighted sum of its inputs plus a bias.</summary>
public static class Neuron
{
    /// <summary>
    /// The neuron's output before any activation: Σᵢ inputs[i]·weights[i] + bias, computed with a plain loop.
    /// </summary>
    /// <exception cref="ArgumentException">The two spans have different lengths; the message names both.</exception>
    public static float Output(ReadOnlySpan<float> inputs, ReadOnlySpan<float> weights, float bias)
    {
        throw new NotImplementedException("Kata 01: compute the weighted sum of the inputs plus the bias.");
    }

    /// <summary>The rectified linear unit: x when x is positive, 0 otherwise.</summary>
    public static float Relu(float x)
    {
        throw new NotImplementedException("Kata 01: return x if it is positive, else 0.");
    }
}
