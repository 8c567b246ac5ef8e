using Foundations;

namespace Katas.Einsum;

/// <summary>
/// Step 3: fits a parsed equation to its operands. Checks the number of subscripts against each rank, gives
/// the dimensions under <c>...</c> labels of their own, turns a repeated letter into a diagonal, and gives
/// every label one size (a size of 1 broadcasts). Afterwards each operand has distinct labels, as step 2 needs.
/// </summary>
public static class EquationBinder
{
    /// <summary>
    /// The label of the e-th dimension under "..." (counted over the widest ellipsis): not a letter, so it can
    /// never clash with one. 'α', 'β', 'γ'… read well in a debugger.
    /// </summary>
    private static char EllipsisLabel(int e) => (char)('α' + e);

    /// <summary>Binds <paramref name="equation"/> to <paramref name="operands"/>; see <see cref="BoundEquation"/>.</summary>
    /// <exception cref="ArgumentException">Ranks, repeated letters or sizes do not fit; the message names the operand and the sizes.</exception>
    public static BoundEquation Bind(EinsumEquation equation, IReadOnlyList<Tensor> operands)
    {
        ArgumentNullException.ThrowIfNull(equation);
        ArgumentNullException.ThrowIfNull(operands);
        if (operands.Count != equation.Inputs.Count)
            throw new ArgumentException($"einsum(): the equation has {equation.Inputs.Count} operand(s) but {operands.Count} were given");

        int widest = CheckRanks(equation, operands);
        string ellipsisLabels = new([.. Enumerable.Range(0, widest).Select(EllipsisLabel)]);
        var tensors = new Tensor[operands.Count];
        var labels = new string[operands.Count];
        for (int n = 0; n < operands.Count; n++)
        {
            // "..." covering fewer dimensions than the widest takes the *last* labels: ellipses line up at the right.
            int covered = operands[n].Rank - (equation.Inputs[n].Length - (HasEllipsis(equation.Inputs[n]) ? 3 : 0));
            string term = equation.Inputs[n].Replace(EinsumEquation.Ellipsis, ellipsisLabels[(widest - covered)..], StringComparison.Ordinal);
            (tensors[n], labels[n]) = TakeDiagonals(operands[n], term, n);
        }
        string output = equation.Output.Replace(EinsumEquation.Ellipsis, ellipsisLabels, StringComparison.Ordinal);

        Dictionary<char, int> sizes = LabelSizes(tensors, labels, operands, widest);
        for (int n = 0; n < tensors.Length; n++)
        {
            int[] target = labels[n].Select(label => sizes[label]).ToArray();
            if (!tensors[n].Shape.SequenceEqual(target)) tensors[n] = tensors[n].Expand(target); // stride 0, no copy
        }
        return new BoundEquation(tensors, labels, output);
    }

    /// <summary>The number of letters must equal the rank (or be at most the rank with "..."); returns the
    /// largest number of dimensions any "..." covers.</summary>
    private static int CheckRanks(EinsumEquation equation, IReadOnlyList<Tensor> operands)
    {
        int widest = 0;
        for (int n = 0; n < operands.Count; n++)
        {
            bool hasEllipsis = HasEllipsis(equation.Inputs[n]);
            int letters = equation.Inputs[n].Length - (hasEllipsis ? 3 : 0);
            int rank = operands[n].Rank;
            if (hasEllipsis ? letters > rank : letters != rank)
                throw new ArgumentException(hasEllipsis
                    ? $"einsum(): the number of subscripts in the equation ({letters}) is more than the number of dimensions ({rank}) for operand {n}"
                    : $"einsum(): the number of subscripts in the equation ({letters}) does not match the number of dimensions ({rank}) for operand {n} and no ellipsis was given");
            if (hasEllipsis) widest = Math.Max(widest, rank - letters);
        }
        return widest;
    }

    /// <summary>
    /// A label repeated in one operand walks the diagonal: t[i, i] moves along both dimensions at once, so
    /// the two dimensions merge into one whose stride is the sum of theirs. A view, no copy.
    /// </summary>
    private static (Tensor, string) TakeDiagonals(Tensor t, string labels, int operandIndex)
    {
        var sizes = new List<int>(t.Shape);
        var strides = new List<int>(t.Strides);
        var kept = new System.Text.StringBuilder();
        foreach (char label in labels)
        {
            int first = kept.ToString().IndexOf(label, StringComparison.Ordinal);
            if (first < 0) { kept.Append(label); continue; }
            int position = kept.Length; // where this dimension sits now that earlier repeats were merged away
            if (sizes[position] != sizes[first])
                throw new ArgumentException(
                    $"einsum(): subscript {label} is repeated for operand {operandIndex} but the sizes don't match, {sizes[position]} != {sizes[first]}");
            strides[first] += strides[position];
            sizes.RemoveAt(position);
            strides.RemoveAt(position);
        }
        return kept.Length == labels.Length ? (t, labels) : (t.AsStrided([.. sizes], [.. strides], t.Offset), kept.ToString());
    }

    /// <summary>One size per label: the operands must agree, except that a size of 1 stretches (broadcasts).</summary>
    private static Dictionary<char, int> LabelSizes(Tensor[] tensors, string[] labels, IReadOnlyList<Tensor> operands, int widest)
    {
        var sizes = new Dictionary<char, (int Size, int Operand)>();
        for (int n = 0; n < tensors.Length; n++)
            for (int d = 0; d < labels[n].Length; d++)
            {
                char label = labels[n][d];
                int size = tensors[n].Shape[d];
                if (!sizes.TryGetValue(label, out var known) || known.Size == 1) sizes[label] = (size, n);
                else if (size != known.Size && size != 1)
                    throw new ArgumentException(
                        $"einsum(): operands do not broadcast: {Describe(label, widest)} has size {known.Size} in operand {known.Operand} " +
                        $"(shape {ShapeRules.Format(operands[known.Operand].Shape)}) but {size} in operand {n} (shape {ShapeRules.Format(operands[n].Shape)}); " +
                        "the sizes under one subscript must be equal, or 1 to broadcast");
            }
        return sizes.ToDictionary(pair => pair.Key, pair => pair.Value.Size);
    }

    /// <summary>"subscript k", or for a dimension under "...", which one counted from the right as broadcasting aligns them.</summary>
    private static string Describe(char label, int widest) => char.IsAsciiLetter(label)
        ? $"subscript {label}"
        : $"dimension {label - 'α' - widest} under '...' (counted from the right)";

    private static bool HasEllipsis(string term) => term.Contains(EinsumEquation.Ellipsis, StringComparison.Ordinal);
}
