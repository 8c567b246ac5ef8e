using Foundations;

namespace Katas.Einsum;

/// <summary>Step 4: the whole of einsum, any number of operands, as <c>torch.einsum</c> does it.</summary>
public static class EinsumOps
{
    /// <summary>
    /// Evaluates <paramref name="equation"/> on <paramref name="operands"/>: <c>Einsum("ik,kj->ij", a, b)</c> is
    /// the matrix product, <c>Einsum("ii", m)</c> the trace, <c>Einsum("bi,ij,bj->b", x, w, y)</c> one bilinear
    /// form per row. Parses (step 1), binds the equation to the operands (step 3), then contracts the operands
    /// two at a time, left to right (step 2), summing each label as soon as nothing later needs it.
    /// The result may be a view of an operand (a transpose or a diagonal), as in PyTorch.
    /// </summary>
    /// <exception cref="ArgumentException">The equation does not fit the operands; the message says how.</exception>
    public static Tensor Einsum(string equation, params Tensor[] operands)
    {
        ArgumentNullException.ThrowIfNull(equation);
        ArgumentNullException.ThrowIfNull(operands);
        foreach (Tensor operand in operands) ArgumentNullException.ThrowIfNull(operand, nameof(operands));

        if (IsPlainMatmul(equation, operands)) return Tensor.Matmul(operands[0], operands[1]);

        BoundEquation bound = EquationBinder.Bind(EquationParser.Parse(equation, operands.Length), operands);
        if (bound.Operands.Count == 1) return Contraction.Reduce(bound.Operands[0], bound.Labels[0], bound.Output);

        Tensor result = bound.Operands[0];
        string labels = bound.Labels[0];
        for (int n = 1; n < bound.Operands.Count; n++)
        {
            // What the output or a later operand still needs; everything else is summed in this contraction.
            string needed = bound.Output + string.Concat(bound.Labels.Skip(n + 1));
            string keep = n == bound.Operands.Count - 1
                ? bound.Output
                : new string([.. (labels + bound.Labels[n]).Distinct().Where(l => needed.Contains(l))]);
            result = Contraction.Contract(result, labels, bound.Operands[n], bound.Labels[n], keep);
            labels = keep;
        }
        return result;
    }

    /// <summary>
    /// "ik,kj->ij" (any three distinct letters) on two matrices whose inner sizes agree: exactly the matrix product,
    /// so it goes straight to <see cref="Tensor.Matmul(Tensor, Tensor)"/>. Parsing and planning cost about as much as
    /// the chapter's whole 5×784 @ 784×10 product; anything else, including every mistake, takes the general path
    /// and its messages.
    /// </summary>
    private static bool IsPlainMatmul(string equation, Tensor[] operands)
    {
        if (equation.Length != 9 || operands.Length != 2 || equation[2] != ',' || equation[5] != '-' || equation[6] != '>') return false;
        char i = equation[0], k = equation[1], j = equation[4];
        bool shapedLikeAProduct = equation[3] == k && equation[7] == i && equation[8] == j
            && char.IsAsciiLetter(i) && char.IsAsciiLetter(k) && char.IsAsciiLetter(j) && i != k && k != j && i != j;
        Tensor a = operands[0], b = operands[1];
        return shapedLikeAProduct && a.Rank == 2 && b.Rank == 2 && a.Shape[1] == b.Shape[0];
    }
}
