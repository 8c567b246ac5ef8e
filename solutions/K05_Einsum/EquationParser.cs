namespace Katas.Einsum;

/// <summary>Step 1: reads an equation's text into an <see cref="EinsumEquation"/>, with PyTorch's error messages.</summary>
public static class EquationParser
{
    /// <summary>
    /// Splits <paramref name="equation"/> into one term per operand and the output term. Spaces are ignored;
    /// a term holds letters <c>a-zA-Z</c> and at most one <c>...</c>. Without an arrow (implicit mode) the output
    /// is <c>...</c> when any input has one, then every letter seen exactly once, sorted (uppercase first).
    /// </summary>
    /// <exception cref="ArgumentException">The text is not an einsum equation for <paramref name="operandCount"/> operands.</exception>
    public static EinsumEquation Parse(string equation, int operandCount)
    {
        ArgumentNullException.ThrowIfNull(equation);
        if (operandCount <= 0) throw new ArgumentException("einsum(): must provide at least one operand");
        int arrowAt = equation.IndexOf("->", StringComparison.Ordinal);
        int inputsEnd = arrowAt < 0 ? equation.Length : arrowAt;

        // One pass over the left-hand side: ',' moves to the next operand, everything else belongs to the current one.
        var inputs = new List<string>();
        int termStart = 0;
        for (int i = 0; i <= inputsEnd; i++)
        {
            if (i < inputsEnd && equation[i] != ',') continue;
            if (inputs.Count == operandCount)
                throw new ArgumentException("einsum(): fewer operands were provided than specified in the equation");
            inputs.Add(ReadTerm(equation, termStart, i, operand: inputs.Count));
            termStart = i + 1;
        }
        if (inputs.Count < operandCount)
            throw new ArgumentException("einsum(): more operands were provided than specified in the equation");

        string output = arrowAt < 0 ? ImplicitOutput(inputs) : ReadOutput(equation, arrowAt + 2, inputs);
        return new EinsumEquation(inputs, output);
    }

    /// <summary>The characters [start, end) of one term without spaces; each must be a letter or part of the one "...".
    /// <paramref name="operand"/> is the input's number, or null for the output (the messages differ, as PyTorch's do).</summary>
    private static string ReadTerm(string equation, int start, int end, int? operand)
    {
        var term = new System.Text.StringBuilder();
        bool sawEllipsis = false;
        for (int i = start; i < end; i++)
        {
            char ch = equation[i];
            if (ch == ' ') continue;
            if (ch == '.')
            {
                bool isEllipsis = i + 2 < end && equation[i + 1] == '.' && equation[i + 2] == '.';
                if (sawEllipsis) throw new ArgumentException(operand is null
                    ? "einsum(): found '.' for output but an ellipsis (...) was already found"
                    : $"einsum(): found '.' for operand {operand} for which an ellipsis was already found");
                if (!isEllipsis) throw new ArgumentException(operand is null
                    ? "einsum(): found '.' for output that is not part of any ellipsis (...)"
                    : $"einsum(): found '.' for operand {operand} that is not part of any ellipsis");
                term.Append(EinsumEquation.Ellipsis);
                sawEllipsis = true;
                i += 2;
                continue;
            }
            if (!char.IsAsciiLetter(ch))
                throw new ArgumentException($"einsum(): invalid subscript given at index {i} in the equation string, subscripts must be in [a-zA-Z]");
            term.Append(ch);
        }
        return term.ToString();
    }

    /// <summary>The right-hand side: each letter once, and only letters some input has (else it would have no size).</summary>
    private static string ReadOutput(string equation, int start, List<string> inputs)
    {
        string output = ReadTerm(equation, start, equation.Length, operand: null);
        var seen = new HashSet<char>();
        foreach (char ch in output.Replace(EinsumEquation.Ellipsis, "", StringComparison.Ordinal))
        {
            if (!seen.Add(ch))
                throw new ArgumentException($"einsum(): output subscript {ch} appears more than once in the output");
            if (!inputs.Any(term => term.Contains(ch)))
                throw new ArgumentException($"einsum(): output subscript {ch} does not appear in the equation for any input operand");
        }
        return output;
    }

    /// <summary>
    /// Implicit mode, the classic convention: a letter seen once is free (kept), a letter seen more often is
    /// summed. The free letters come sorted, by character code, so 'A'–'Z' before 'a'–'z'; "..." goes first.
    /// </summary>
    private static string ImplicitOutput(List<string> inputs)
    {
        var letters = inputs.SelectMany(term => term.Replace(EinsumEquation.Ellipsis, "", StringComparison.Ordinal));
        var once = letters.GroupBy(ch => ch).Where(group => group.Count() == 1).Select(group => group.Key).Order();
        string ellipsis = inputs.Any(term => term.Contains(EinsumEquation.Ellipsis, StringComparison.Ordinal)) ? EinsumEquation.Ellipsis : "";
        return ellipsis + new string([.. once]);
    }
}
