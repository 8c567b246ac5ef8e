using Foundations;

namespace Katas.Autograd;

/// <summary>
/// A layer or a network of layers on top of the autograd engine (PyTorch's <c>nn.Module</c>). A module
/// registers its own parameters and its child modules, so <see cref="Parameters"/> finds every weight
/// of a whole network without the network listing them by hand.
/// </summary>
public abstract class Module
{
    /// <summary>Computes the module's output; calls on Functions record the graph for Backward.</summary>
    public abstract Variable Forward(Variable input);

    /// <summary>Every registered parameter of this module, then those of its children (depth first, in
    /// registration order). A module or parameter registered twice is listed once.</summary>
    public IEnumerable<Variable> Parameters()
    {
        throw new NotImplementedException("Kata 11: this module's parameters, then each child's Parameters(), without repeats.");
    }

    /// <summary>Clears the gradient of every parameter, before the next backward pass adds new ones.</summary>
    public void ZeroGrad()
    {
        throw new NotImplementedException("Kata 11: set Grad to null for every parameter.");
    }

    /// <summary>Adds <paramref name="parameter"/> to this module's parameters and returns it.</summary>
    /// <exception cref="ArgumentException">The variable does not require grad: a parameter is something to train.</exception>
    protected Variable RegisterParameter(Variable parameter)
    {
        throw new NotImplementedException("Kata 11: remember the parameter in a list and return it.");
    }

    /// <summary>
    /// Makes a new trainable parameter holding <paramref name="initial"/> and registers it, in one step: a parameter
    /// made this way cannot be forgotten, the way PyTorch's <c>nn.Module</c> registers any parameter assigned to one of
    /// its attributes. (C# chains the base constructor by itself, the way fastai's <c>Module</c> calls
    /// <c>super().__init__()</c> for you.)
    /// </summary>
    protected Variable Parameter(Tensor initial)
    {
        throw new NotImplementedException("Kata 11: wrap initial in a Variable that requires grad, register it and return it.");
    }

    /// <summary>Adds <paramref name="module"/> as a child, whose parameters become this module's too, and returns it.</summary>
    protected TModule RegisterModule<TModule>(TModule module) where TModule : Module
    {
        throw new NotImplementedException("Kata 11: remember the child module in a list and return it.");
    }
}
