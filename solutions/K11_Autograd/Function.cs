using Foundations;

namespace Katas.Autograd;

/// <summary>
/// A differentiable operation written by hand: <see cref="Forward"/> computes the result from plain tensors
/// and saves what the gradient will need; <see cref="Backward"/> turns the output's gradient into one
/// gradient per input. <see cref="Apply"/> runs Forward on variables and records the call in the graph.
/// </summary>
public abstract class Function
{
    /// <summary>Runs <see cref="Forward"/> on the inputs' values and returns the result as a variable. If any
    /// input requires grad, the result does too and remembers this call (its <see cref="Variable.GradFn"/>).</summary>
    public Variable Apply(params Variable[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var ctx = new Context(this, [.. inputs]);
        Tensor output = Forward(ctx, [.. inputs.Select(input => input.Value)]);
        // Record the graph only where a gradient could flow: constants in, constant out.
        return inputs.Any(input => input.RequiresGrad) ? new Variable(output, ctx) : new Variable(output);
    }

    /// <summary>The computation on plain tensors. Save what Backward needs with <c>ctx.SaveForBackward</c>.</summary>
    public abstract Tensor Forward(Context ctx, params Tensor[] inputs);

    /// <summary>Given ∂L/∂output, returns ∂L/∂input for each input of Forward, in order (null where none is needed).</summary>
    public abstract Tensor?[] Backward(Context ctx, Tensor gradOutput);

    /// <summary>Throws a clear error when Forward receives the wrong number of inputs (given: not part of the kata).</summary>
    protected void ExpectInputs(Tensor[] inputs, int count)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Length != count)
            throw new ArgumentException($"{GetType().Name} takes {count} input(s) but was given {inputs.Length}.");
    }
}
