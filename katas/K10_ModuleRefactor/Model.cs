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
        throw new NotImplementedException("Kata 10: keep the layers and the loss.");
    }

    /// <summary>The chapter's net: Lin(w1, b1), Relu, Lin(w2, b2), then Mse.</summary>
    public static Model TwoLayer(Tensor w1, Tensor b1, Tensor w2, Tensor b2)
    {
        throw new NotImplementedException("Kata 10: a Model of Lin, Relu, Lin and an Mse loss.");
    }

    /// <summary>The layers, in forward order.</summary>
    public IReadOnlyList<Module> Layers { get; } = [];

    /// <summary>The loss module, called with the last layer's output and the target.</summary>
    public Module Loss { get; } = null!;

    /// <summary>Runs x through every layer and returns the loss against <paramref name="target"/>.</summary>
    public Tensor Call(Tensor x, Tensor target)
    {
        throw new NotImplementedException("Kata 10: call each layer on the previous one's output, then the loss.");
    }

    /// <summary>Fills the Grad of the input and of every layer's parameters.</summary>
    public void Backward()
    {
        throw new NotImplementedException("Kata 10: the loss's Backward first, then each layer's, in reverse order.");
    }
}
