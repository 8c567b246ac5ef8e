namespace Katas.Autograd;

/// <summary>Modules run one after the other, each fed the previous one's output; their parameters are its parameters.</summary>
public sealed class Sequential : Module
{
    /// <summary>A chain of <paramref name="modules"/>, run in the order given.</summary>
    public Sequential(params Module[] modules)
    {
        throw new NotImplementedException("Kata 11: register every module as a child and keep them in order.");
    }

    /// <summary>The modules, in order.</summary>
    public IReadOnlyList<Module> Modules { get; } = [];

    /// <inheritdoc/>
    public override Variable Forward(Variable input)
    {
        throw new NotImplementedException("Kata 11: feed each module the previous one's output.");
    }
}
