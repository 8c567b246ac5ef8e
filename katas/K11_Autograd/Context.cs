using Foundations;

namespace Katas.Autograd;

/// <summary>
/// One recorded call of a <see cref="Function"/>: which function, on which inputs, and whatever its
/// Forward saved for its Backward (PyTorch's <c>ctx</c>, which is also the output's <c>grad_fn</c>).
/// </summary>
public sealed class Context
{
    private Tensor[] _saved = [];

    /// <summary>A context for one call of <paramref name="function"/> on <paramref name="inputs"/>.</summary>
    public Context(Function function, IReadOnlyList<Variable> inputs)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(inputs);
        Function = function;
        Inputs = inputs;
    }

    /// <summary>The function that was called.</summary>
    public Function Function { get; }

    /// <summary>The variables it was called on: the edges of the graph, followed by Backward.</summary>
    public IReadOnlyList<Variable> Inputs { get; }

    /// <summary>Keeps tensors Forward computed or received for Backward to use (replacing any saved before).</summary>
    public void SaveForBackward(params Tensor[] tensors)
    {
        throw new NotImplementedException("Kata 11: keep a copy of the array of tensors (not of the numbers).");
    }

    /// <summary>What <see cref="SaveForBackward"/> kept, in the same order; empty if nothing was saved.</summary>
    public IReadOnlyList<Tensor> SavedTensors => _saved;
}
