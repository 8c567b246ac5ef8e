namespace Katas.Autograd;

/// <summary>Modules run one after the other, each fed the previous one's output; their parameters are its parameters.</summary>
public sealed class Sequential : Module
{
    private readonly Module[] _modules;

    /// <summary>A chain of <paramref name="modules"/>, run in the order given.</summary>
    public Sequential(params Module[] modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        _modules = [.. modules.Select(RegisterModule)];
    }

    /// <summary>The modules, in order.</summary>
    public IReadOnlyList<Module> Modules => _modules;

    /// <inheritdoc/>
    public override Variable Forward(Variable input)
    {
        foreach (Module module in _modules) input = module.Forward(input);
        return input;
    }
}
