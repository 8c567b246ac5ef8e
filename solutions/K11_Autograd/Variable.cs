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
    /// <exception cref="InvalidOperationException">The variable has more than one element, or does not require grad.</exception>
    public void Backward()
    {
        if (Value.Numel != 1)
            throw new InvalidOperationException(
                $"grad can be implicitly created only for scalar outputs, but this variable has shape {ShapeRules.Format(Value.Shape)}; pass the output's gradient to Backward(gradient).");
        Backward(Tensor.Ones([.. Value.Shape]));
    }

    /// <summary>Back-propagates <paramref name="gradient"/> (∂something/∂this, shaped like <see cref="Value"/>)
    /// to every leaf that requires grad, adding to their <see cref="Grad"/>.</summary>
    /// <exception cref="InvalidOperationException">The variable does not require grad, or a Function's Backward
    /// returned the wrong number of gradients or a gradient of the wrong shape.</exception>
    /// <exception cref="ArgumentException"><paramref name="gradient"/> is not shaped like <see cref="Value"/>.</exception>
    public void Backward(Tensor gradient)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        if (!RequiresGrad)
            throw new InvalidOperationException("element 0 of tensors does not require grad and does not have a grad_fn");
        if (!gradient.Shape.SequenceEqual(Value.Shape))
            throw new ArgumentException(
                $"Mismatch in shape: grad_output[0] has a shape of {ShapeRules.Format(gradient.Shape)} and output[0] has a shape of {ShapeRules.Format(Value.Shape)}.");

        // Gradients waiting to be passed on, per variable. A variable used twice (a diamond) collects one
        // gradient from each use here before it passes the sum on; reverse topological order guarantees
        // every use has been processed by the time we reach it.
        var pending = new Dictionary<Variable, Tensor>(ReferenceEqualityComparer.Instance) { [this] = gradient };
        List<Variable> order = TopologicalOrder();
        for (int i = order.Count - 1; i >= 0; i--)
        {
            Variable variable = order[i];
            if (!pending.Remove(variable, out Tensor? grad)) continue;
            if (variable.GradFn is null)
            {
                // Leaves keep their gradient, adding to what earlier passes left (hence ZeroGrad).
                variable.Grad = variable.Grad is null ? grad.Clone() : variable.Grad + grad;
                continue;
            }
            Context ctx = variable.GradFn;
            Tensor?[] inputGrads = ctx.Function.Backward(ctx, grad);
            CheckGradients(ctx, inputGrads);
            for (int j = 0; j < inputGrads.Length; j++)
            {
                Variable input = ctx.Inputs[j];
                Tensor? inputGrad = inputGrads[j];
                if (!input.RequiresGrad || inputGrad is null) continue; // nothing to do for constants
                pending[input] = pending.TryGetValue(input, out Tensor? sum) ? sum + inputGrad : inputGrad;
            }
        }
    }

    /// <summary>Every variable this one depends on (through inputs that require grad), each listed after all of
    /// its own inputs; this variable comes last. Iterative, so a long chain cannot overflow the stack.</summary>
    private List<Variable> TopologicalOrder()
    {
        var order = new List<Variable>();
        var visited = new HashSet<Variable>(ReferenceEqualityComparer.Instance) { this };
        var stack = new Stack<(Variable Node, int NextInput)>();
        stack.Push((this, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            IReadOnlyList<Variable> inputs = node.GradFn?.Inputs ?? [];
            if (next < inputs.Count)
            {
                stack.Push((node, next + 1)); // come back for the remaining inputs
                Variable input = inputs[next];
                if (input.RequiresGrad && visited.Add(input)) stack.Push((input, 0));
            }
            else
            {
                order.Add(node); // all of its inputs are already in the list
            }
        }
        return order;
    }

    private static void CheckGradients(Context ctx, Tensor?[] inputGrads)
    {
        string name = ctx.Function.GetType().Name;
        if (inputGrads is null || inputGrads.Length != ctx.Inputs.Count)
            throw new InvalidOperationException(
                $"function {name}.Backward returned an incorrect number of gradients (expected {ctx.Inputs.Count}, got {inputGrads?.Length ?? 0}): return one per input of Forward, null for inputs that need none.");
        for (int j = 0; j < inputGrads.Length; j++)
        {
            Tensor? grad = inputGrads[j];
            IReadOnlyList<int> expected = ctx.Inputs[j].Value.Shape;
            if (grad is not null && ctx.Inputs[j].RequiresGrad && !grad.Shape.SequenceEqual(expected))
                throw new InvalidOperationException(
                    $"function {name}.Backward returned an invalid gradient at index {j} - got {ShapeRules.Format(grad.Shape)} but expected shape compatible with {ShapeRules.Format(expected)}");
        }
    }
}
