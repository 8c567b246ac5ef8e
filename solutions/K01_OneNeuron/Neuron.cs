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
        // A silent mismatch would read past one span or ignore part of the other: refuse it.
        if (inputs.Length != weights.Length)
            throw new ArgumentException(
                $"A neuron needs one weight per input, but got {inputs.Length} inputs and {weights.Length} weights.");

        float sum = bias;
        for (int i = 0; i < inputs.Length; i++)
            sum += inputs[i] * weights[i];
        return sum;
    }

    /// <summary>The rectified linear unit: x when x is positive, 0 otherwise.</summary>
    public static float Relu(float x) => x > 0 ? x : 0f;
}
