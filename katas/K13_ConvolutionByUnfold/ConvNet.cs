using Foundations;

namespace Katas.ConvolutionByUnfold;

/// <summary>
/// A small CNN built from this kata's pieces, for 28×28 grey images and 10 classes (further research 3: "then train a
/// CNN that uses it"): conv 1→8 (3×3, stride 2, padding 1: 28→14), ReLU, conv 8→16 (3×3, stride 2, padding 1: 14→7),
/// ReLU, flatten (16·7·7 = 784), linear 784→10. Trained by plain SGD on the cross-entropy loss.
/// </summary>
public sealed class ConvNet
{
    /// <summary>
    /// A network with Kaiming-normal weights (std √(2/fan_in), fan_in = in_channels·3·3 for the convolutions and 784
    /// for the linear layer) drawn from <paramref name="rng"/> in the order of <see cref="Parameters"/>, and zero biases.
    /// </summary>
    public ConvNet(Rng rng) =>
        throw new NotImplementedException("Kata 13: draw conv1 [8, 1, 3, 3], conv2 [16, 8, 3, 3] and linear [10, 784] weights (Kaiming), zero biases.");

    /// <summary>The six parameters, in this order: conv1 weight [8, 1, 3, 3] and bias [8], conv2 weight [16, 8, 3, 3]
    /// and bias [16], linear weight [10, 784] (PyTorch's [out, in]) and bias [10]. <see cref="Step"/> updates them in place.</summary>
    public IReadOnlyList<Tensor> Parameters =>
        throw new NotImplementedException("Kata 13: return the six parameter tensors.");

    /// <summary>The logits [N, 10] for images [N, 784] (each row a flattened 28×28 image).</summary>
    /// <exception cref="ArgumentException">images is not [N, 784].</exception>
    public Tensor Forward(Tensor images) =>
        throw new NotImplementedException("Kata 13: reshape to [N, 1, 28, 28], Conv2d.ByUnfold, ReLU, ByUnfold, ReLU, reshape to [N, 784], x @ Wᵀ + b.");

    /// <summary>
    /// The mean cross-entropy of the logits against <paramref name="labels"/>, and its gradient with respect to every
    /// parameter (in the order of <see cref="Parameters"/>), by the chain rule backwards through the network.
    /// </summary>
    /// <exception cref="ArgumentException">images is not [N, 784], or there are not N labels each in 0–9.</exception>
    public (float Loss, Tensor[] Gradients) LossAndGradients(Tensor images, int[] labels) =>
        throw new NotImplementedException("Kata 13: forward keeping every activation; (softmax − one-hot)/N; back through the linear layer, ReLU, Conv2d.Backward, ReLU, Conv2d.Backward.");

    /// <summary>One SGD step on a batch: each parameter moves by −learningRate × its gradient. Returns the batch's loss before the step.</summary>
    public float Step(Tensor images, int[] labels, float learningRate) =>
        throw new NotImplementedException("Kata 13: LossAndGradients, then AddInPlace(gradient, −learningRate) for each parameter.");

    /// <summary>The fraction of images whose largest logit is their label.</summary>
    public float Accuracy(Tensor images, int[] labels) =>
        throw new NotImplementedException("Kata 13: Forward, ArgMax(1), count the matches.");
}
