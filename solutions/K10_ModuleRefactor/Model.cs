using Foundations;

namespace Katas.ModuleRefactor;

/// <summary>
/// A stack of layers followed by a loss. <see cref="Call"/> runs them forward and returns the loss;
/// <see cref="Backward"/> runs the loss's backward and then each layer's, last layer first.
/// </summary>
public sealed class Model
{
    /// <summary>A model of any depth: <paramref name="layers"/> in forward order, then <paramref name="loss"/>.</summary>
    public Model(IReadOnlyList<Module> layers, Module loss)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(loss);
        Layers = [.. layers];
        Loss = loss;
    }

    /// <summary>The chapter's net: Lin(w1, b1), Relu, Lin(w2, b2), then Mse.</summary>
    public static Model TwoLayer(Tensor w1, Tensor b1, Tensor w2, Tensor b2) =>
        new([new Lin(w1, b1), new Relu(), new Lin(w2, b2)], new Mse());

    /// <summary>The layers, in forward order.</summary>
    public IReadOnlyList<Module> Layers { get; }

    /// <summary>The loss module, called with the last layer's output and the target.</summary>
    public Module Loss { get; }

    /// <summary>Runs x through every layer and returns the loss against <paramref name="target"/>.</summary>
    public Tensor Call(Tensor x, Tensor target)
    {
        foreach (Module layer in Layers) x = layer.Call(x);
        return Loss.Call(x, target);
    }

    /// <summary>Fills the Grad of the input and of every layer's parameters.</summary>
    public void Backward()
    {
        // Each layer's Bwd reads the Grad of its output, which the layer after it writes: so the loss
        // goes first and the layers follow in reverse order.
        Loss.Backward();
        for (int i = Layers.Count - 1; i >= 0; i--) Layers[i].Backward();
    }
}
