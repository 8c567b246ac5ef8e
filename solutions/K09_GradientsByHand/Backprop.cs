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
        // Forward: keep every intermediate, because each backward step needs its own input and output.
        Tensor l1 = Layers.Lin(x, w1, b1);
        Tensor l2 = Layers.Relu(l1);
        Tensor output = Layers.Lin(l2, w2, b2);
        Tensor loss = Layers.Mse(output, y);

        // Backward: the chain rule from the loss back to the inputs. Each step reads the Grad the previous one wrote.
        Layers.MseGrad(output, y);
        Layers.LinGrad(l2, output, w2, b2);
        Layers.ReluGrad(l1, l2);
        Layers.LinGrad(x, l1, w1, b1);
        return loss;
    }
}
