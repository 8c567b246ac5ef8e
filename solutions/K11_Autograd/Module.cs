using Foundations;

namespace Katas.Autograd;

/// <summary>
/// A layer or a network of layers on top of the autograd engine (PyTorch's <c>nn.Module</c>). A module
/// registers its own parameters and its child modules, so <see cref="Parameters"/> finds every weight
/// of a whole network without the network listing them by hand.
/// </summary>
public abstract class Module
{
    private readonly List<Variable> _parameters = [];
    private readonly List<Module> _children = [];

    /// <summary>Computes the module's output; calls on Functions record the graph for Backward.</summary>
    public abstract Variable Forward(Variable input);

    /// <summary>Every registered parameter of this module, then those of its children (depth first, in
    /// registration order). A module or parameter registered twice is listed once.</summary>
    public IEnumerable<Variable> Parameters()
    {
        var seenModules = new HashSet<Module>(ReferenceEqualityComparer.Instance);
        var seenParameters = new HashSet<Variable>(ReferenceEqualityComparer.Instance);
        var result = new List<Variable>();
        Collect(this, seenModules, seenParameters, result);
        return result;
    }

    /// <summary>Clears the gradient of every parameter, before the next backward pass adds new ones.</summary>
    public void ZeroGrad()
    {
        foreach (Variable parameter in Parameters()) parameter.Grad = null;
    }

    /// <summary>Adds <paramref name="parameter"/> to this module's parameters and returns it.</summary>
    /// <exception cref="ArgumentException">The variable does not require grad: a parameter is something to train.</exception>
    protected Variable RegisterParameter(Variable parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (!parameter.RequiresGrad)
            throw new ArgumentException($"{GetType().Name}: a parameter must require grad, or training would never change it.");
        _parameters.Add(parameter);
        return parameter;
    }

    /// <summary>
    /// Makes a new trainable parameter holding <paramref name="initial"/> and registers it, in one step: a parameter
    /// made this way cannot be forgotten, the way PyTorch's <c>nn.Module</c> registers any parameter assigned to one of
    /// its attributes. (C# chains the base constructor by itself, the way fastai's <c>Module</c> calls
    /// <c>super().__init__()</c> for you.)
    /// </summary>
    protected Variable Parameter(Tensor initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        return RegisterParameter(new Variable(initial, requiresGrad: true));
    }

    /// <summary>Adds <paramref name="module"/> as a child, whose parameters become this module's too, and returns it.</summary>
    protected TModule RegisterModule<TModule>(TModule module) where TModule : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        _children.Add(module);
        return module;
    }

    private static void Collect(Module module, HashSet<Module> seenModules, HashSet<Variable> seenParameters, List<Variable> result)
    {
        // The sets keep a shared layer (or a module that contains itself) from being listed twice or looping forever.
        if (!seenModules.Add(module)) return;
        foreach (Variable parameter in module._parameters)
            if (seenParameters.Add(parameter)) result.Add(parameter);
        foreach (Module child in module._children) Collect(child, seenModules, seenParameters, result);
    }
}
