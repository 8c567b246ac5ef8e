using Foundations;

namespace Katas.ModuleRefactor;

/// <summary>
/// The base every layer shares (the chapter's <c>Module</c>): <see cref="Call"/> runs the layer and keeps
/// what it saw and what it produced, so <see cref="Backward"/> can later hand both to <see cref="Bwd"/>.
/// Gradients live in each tensor's <see cref="Tensor.Grad"/>, as <c>.g</c> does in the chapter.
/// </summary>
public abstract class Module
{
    private Tensor[] _args = [];

    /// <summary>A module that takes <paramref name="inputCount"/> tensors (1 for a layer, 2 for a loss).</summary>
    protected Module(int inputCount) => InputCount = inputCount;

    /// <summary>How many tensors <see cref="Call"/> takes.</summary>
    protected int InputCount { get; }

    /// <summary>The inputs of the last <see cref="Call"/>; empty before the first one.</summary>
    public IReadOnlyList<Tensor> Args => _args;

    /// <summary>The result of the last <see cref="Call"/>; null before the first one.</summary>
    public Tensor? Output { get; private set; }

    /// <summary>Runs <see cref="Forward"/> on <paramref name="args"/>, keeping the args and the output for the backward pass.</summary>
    /// <exception cref="ArgumentException">The number of tensors is not <see cref="InputCount"/>; the message names the module and both counts.</exception>
    public Tensor Call(params Tensor[] args)
    {
        throw new NotImplementedException("Kata 10: check the number of args, keep them, run Forward, keep and return its output.");
    }

    /// <summary>Fills the Grad of every arg (and of the module's own parameters) from <see cref="Output"/>'s Grad.</summary>
    /// <exception cref="InvalidOperationException">Called before <see cref="Call"/>: there is nothing to differentiate yet.</exception>
    public void Backward()
    {
        throw new NotImplementedException("Kata 10: refuse to run before Call, then hand the kept output and args to Bwd.");
    }

    /// <summary>The layer's computation, given exactly as many args as it takes.</summary>
    protected abstract Tensor Forward(Tensor[] args);

    /// <summary>The chain rule for this layer: from <c>output.Grad</c>, set the Grad of each arg (and parameter).</summary>
    protected abstract void Bwd(Tensor output, Tensor[] args);

    /// <summary>The gradient that arrived at <paramref name="output"/>, or a clear error when the module after
    /// this one has not run its backward pass yet (given: not part of the kata).</summary>
    protected Tensor GradOf(Tensor output) => output.Grad
        ?? throw new InvalidOperationException(
            $"{GetType().Name}.Backward(): its output has no Grad yet; run the backward pass of the module after it (or of the loss) first.");
}
