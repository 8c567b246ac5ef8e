using Foundations;

namespace Katas.GradientsByHand;

/// <summary>The chapter's whole two-layer net, forward then backward, with every gradient filled in by hand.</summary>
public static class Backprop
{
    /// <summary>
    /// Runs out = lin(relu(lin(x, w1, b1)), w2, b2) and loss = mse(out, y), then the backward pass, which sets
    /// <see cref="Tensor.Grad"/> on <paramref name="x"/>, <paramref name="w1"/>, <paramref name="b1"/>, <paramref name="w2"/>
    /// and <paramref name="b2"/>. Shapes (the chapter's): x [batch, n_in], y [batch], w1 [n_in, hidden], b1 [hidden],
    /// w2 [hidden, 1], b2 [1]. Returns the loss.
    /// </summary>
    public static Tensor ForwardAndBackward(Tensor x, Tensor y, Tensor w1, Tensor b1, Tensor w2, Tensor b2)
    {
        throw new NotImplementedException("Kata 09: the forward pass keeping every intermediate, then the *Grad steps in reverse order.");
    }
}
