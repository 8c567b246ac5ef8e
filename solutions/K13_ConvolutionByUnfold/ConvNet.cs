using Foundations;

namespace Katas.ConvolutionByUnfold;

/// <summary>
/// A small CNN built from this kata's pieces, for 28×28 grey images and 10 classes (further research 3: "then train a
/// CNN that uses it"): conv 1→8 (3×3, stride 2, padding 1: 28→14), ReLU, conv 8→16 (3×3, stride 2, padding 1: 14→7),
/// ReLU, flatten (16·7·7 = 784), linear 784→10. Trained by plain SGD on the cross-entropy loss.
/// </summary>
public sealed class ConvNet
{
    private const int Side = 28, Pixels = Side * Side, Classes = 10, Flat = 16 * 7 * 7;
    private const int Stride = 2, Padding = 1;
    private readonly Tensor[] _parameters;

    /// <summary>
    /// A network with Kaiming-normal weights (std √(2/fan_in), fan_in = in_channels·3·3 for the convolutions and 784
    /// for the linear layer) drawn from <paramref name="rng"/> in the order of <see cref="Parameters"/>, and zero biases.
    /// </summary>
    public ConvNet(Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        _parameters =
        [
            Kaiming(rng, 8, 1, 3, 3), Tensor.Zeros(8),
            Kaiming(rng, 16, 8, 3, 3), Tensor.Zeros(16),
            Kaiming(rng, Classes, Flat), Tensor.Zeros(Classes),
        ];
    }

    /// <summary>The six parameters, in this order: conv1 weight [8, 1, 3, 3] and bias [8], conv2 weight [16, 8, 3, 3]
    /// and bias [16], linear weight [10, 784] (PyTorch's [out, in]) and bias [10]. <see cref="Step"/> updates them in place.</summary>
    public IReadOnlyList<Tensor> Parameters => _parameters;

    /// <summary>The logits [N, 10] for images [N, 784] (each row a flattened 28×28 image).</summary>
    /// <exception cref="ArgumentException">images is not [N, 784].</exception>
    public Tensor Forward(Tensor images) => Run(images).Logits;

    /// <summary>
    /// The mean cross-entropy of the logits against <paramref name="labels"/>, and its gradient with respect to every
    /// parameter (in the order of <see cref="Parameters"/>), by the chain rule backwards through the network.
    /// </summary>
    /// <exception cref="ArgumentException">images is not [N, 784], or there are not N labels each in 0–9.</exception>
    public (float Loss, Tensor[] Gradients) LossAndGradients(Tensor images, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        Activations a = Run(images);
        int n = images.Shape[0];
        if (labels.Length != n)
            throw new ArgumentException($"{n} images but {labels.Length} labels: each image needs exactly one label");

        // Cross-entropy and its gradient: loss = mean(logsumexp(z) − z[label]); ∂loss/∂z = (softmax(z) − onehot) / N.
        float[] z = a.Logits.ToArray(), gradLogits = new float[z.Length];
        double loss = 0;
        for (int i = 0; i < n; i++)
        {
            int label = labels[i];
            if (label is < 0 or >= Classes)
                throw new ArgumentException($"Target {label} is out of bounds: labels must be in 0–{Classes - 1}");
            var row = z.AsSpan(i * Classes, Classes);
            float max = float.NegativeInfinity;
            foreach (float v in row) max = MathF.Max(max, v); // subtract the max so that exp cannot overflow
            double sum = 0;
            foreach (float v in row) sum += Math.Exp(v - max);
            loss += max + Math.Log(sum) - row[label];
            for (int k = 0; k < Classes; k++)
                gradLogits[i * Classes + k] = (float)((Math.Exp(row[k] - max) / sum - (k == label ? 1 : 0)) / n);
        }
        Tensor g = Tensor.FromArray(gradLogits, [n, Classes]);

        // Linear layer: z = h·Wᵀ + b.
        Tensor gradW3 = Tensor.Matmul(g.T(), a.Flat);                  // [10, 784]
        Tensor gradB3 = g.Sum(0);
        Tensor gradH2 = Tensor.Matmul(g, _parameters[4]).Reshape(n, 16, 7, 7);
        // ReLU passes the gradient where its input was positive.
        Tensor gradPre2 = gradH2 * (a.Pre2 > 0f);
        ConvGradients conv2 = Conv2d.Backward(a.H1, _parameters[2], gradPre2, Stride, Padding);
        Tensor gradPre1 = conv2.Input * (a.Pre1 > 0f);
        ConvGradients conv1 = Conv2d.Backward(a.Input, _parameters[0], gradPre1, Stride, Padding);
        return ((float)(loss / n), [conv1.Weight, conv1.Bias, conv2.Weight, conv2.Bias, gradW3, gradB3]);
    }

    /// <summary>One SGD step on a batch: each parameter moves by −learningRate × its gradient. Returns the batch's loss before the step.</summary>
    public float Step(Tensor images, int[] labels, float learningRate)
    {
        var (loss, gradients) = LossAndGradients(images, labels);
        for (int i = 0; i < _parameters.Length; i++) _parameters[i].AddInPlace(gradients[i], -learningRate);
        return loss;
    }

    /// <summary>The fraction of images whose largest logit is their label.</summary>
    public float Accuracy(Tensor images, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        float[] predicted = Forward(images).ArgMax(1).ToArray();
        if (predicted.Length != labels.Length)
            throw new ArgumentException($"{predicted.Length} images but {labels.Length} labels: each image needs exactly one label");
        int correct = 0;
        for (int i = 0; i < labels.Length; i++) if ((int)predicted[i] == labels[i]) correct++;
        return (float)correct / labels.Length;
    }

    /// <summary>Every activation the backward pass needs, kept from the forward pass.</summary>
    private sealed record Activations(Tensor Input, Tensor Pre1, Tensor H1, Tensor Pre2, Tensor Flat, Tensor Logits);

    private Activations Run(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Rank != 2 || images.Shape[1] != Pixels)
            throw new ArgumentException($"ConvNet expects images of shape [N, {Pixels}] (flattened {Side}x{Side}), but got {ShapeRules.Format(images.Shape)}");
        int n = images.Shape[0];
        Tensor input = images.Reshape(n, 1, Side, Side);
        Tensor pre1 = Conv2d.ByUnfold(input, _parameters[0], _parameters[1], Stride, Padding); // [N, 8, 14, 14]
        Tensor h1 = pre1.ClampMin(0);
        Tensor pre2 = Conv2d.ByUnfold(h1, _parameters[2], _parameters[3], Stride, Padding);     // [N, 16, 7, 7]
        Tensor flat = pre2.ClampMin(0).Reshape(n, Flat);
        Tensor logits = Tensor.Matmul(flat, _parameters[4].T()) + _parameters[5];
        return new Activations(input, pre1, h1, pre2, flat, logits);
    }

    private static Tensor Kaiming(Rng rng, params int[] shape)
    {
        int fanIn = 1;
        for (int d = 1; d < shape.Length; d++) fanIn *= shape[d];
        return Tensor.Randn(rng, shape) * MathF.Sqrt(2f / fanIn);
    }
}
