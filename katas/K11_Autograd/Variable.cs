using Foundations;

namespace Katas.Autograd;

/// <summary>
/// A tensor that remembers where it came from. A leaf (made by you) has no <see cref="GradFn"/>; a
/// variable made by <see cref="Function.Apply"/> points at the <see cref="Context"/> of the call that
/// produced it, and through its inputs at the whole graph. <see cref="Backward()"/> walks that graph.
/// </summary>
public sealed class Variable
{
    /// <summary>A leaf variable. Set <paramref name="requiresGrad"/> for the tensors you want gradients of (parameters).</summary>
    public Variable(Tensor value, bool requiresGrad = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
        RequiresGrad = requiresGrad;
    }

    /// <summary>The output of a recorded function call: it requires grad because one of its inputs does.</summary>
    internal Variable(Tensor value, Context gradFn) : this(value, requiresGrad: true) => GradFn = gradFn;

    /// <summary>The numbers.</summary>
    public Tensor Value { get; }

    /// <summary>∂(the variable Backward was called on)/∂(this), summed over every backward pass since it was
    /// last cleared. Only leaves that require grad receive one, as in PyTorch.</summary>
    public Tensor? Grad { get; set; }

    /// <summary>Whether gradients flow to (or through) this variable.</summary>
    public bool RequiresGrad { get; }

    /// <summary>The recorded call that produced this variable, or null for a leaf.</summary>
    public Context? GradFn { get; }

    /// <summary>True for a variable you made yourself rather than one a Function produced.</summary>
    public bool IsLeaf => GradFn is null;

    /// <summary>Back-propagates from a one-element variable (a loss), as if its gradient were 1.</summary>
    /// <exception cref="InvalidOperationException">The variable has more than one element ("grad can be implicitly
    /// created only for scalar outputs"), or does not require grad.</exception>
    public void Backward()
    {
        throw new NotImplementedException("Kata 11: refuse non-scalars, then Backward(a tensor of ones).");
    }

    /// <summary>Back-propagates <paramref name="gradient"/> (∂something/∂this, shaped like <see cref="Value"/>)
    /// to every leaf that requires grad, adding to their <see cref="Grad"/>.</summary>
    /// <exception cref="InvalidOperationException">The variable does not require grad, or a Function's Backward
    /// returned the wrong number of gradients (the message names the Function and both counts) or a gradient of the wrong shape.</exception>
    /// <exception cref="ArgumentException"><paramref name="gradient"/> is not shaped like <see cref="Value"/>.</exception>
    public void Backward(Tensor gradient)
    {
        throw new NotImplementedException("Kata 11: order the graph topologically, then walk it backwards, summing the gradients each variable receives.");
    }
}
