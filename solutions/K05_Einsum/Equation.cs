namespace Katas.Einsum;

/// <summary>
/// An einsum equation read into numbers: each subscript letter becomes a label id, 'A'–'Z' → 0–25 and
/// 'a'–'z' → 26–51, so sorting ids sorts uppercase before lowercase, as PyTorch's implicit output does.
/// "..." is kept as <see cref="Ellipsis"/> until the operands' ranks say how many dimensions it covers.
/// </summary>
internal sealed class Equation
{
    /// <summary>Stands for "..." in a term.</summary>
    public const int Ellipsis = -1;

    /// <summary>How many letter labels there are; ids from here on name the dimensions an ellipsis covers.</summary>
    public const int LetterCount = 52;

    private Equation(List<int>[] inputs, List<int>? output, int arrowAt)
    {
        Inputs = inputs;
        Output = output;
        ArrowAt = arrowAt;
    }

    /// <summary>One term per operand: label ids, with <see cref="Ellipsis"/> where "..." was.</summary>
    public IReadOnlyList<List<int>> Inputs { get; }

    /// <summary>The term after "->", or null in implicit mode (no arrow).</summary>
    public List<int>? Output { get; }

    /// <summary>Where "->" starts in the equation string (for error positions), or -1.</summary>
    public int ArrowAt { get; }

    /// <summary>Reads the left-hand side. Spaces are ignored; every error uses PyTorch's words.</summary>
    public static Equation ParseInputs(string equation, int operandCount)
    {
        int arrowAt = equation.IndexOf("->", StringComparison.Ordinal);
        int end = arrowAt < 0 ? equation.Length : arrowAt;
        var inputs = new List<int>[operandCount];
        for (int k = 0; k < operandCount; k++) inputs[k] = [];
        int current = 0;
        bool sawEllipsis = false;
        for (int i = 0; i < end; i++)
        {
            char ch = equation[i];
            if (ch == ' ') continue;
            if (ch == '.')
            {
                if (sawEllipsis)
                    throw new ArgumentException($"einsum(): found '.' for operand {current} for which an ellipsis was already found");
                if (!IsEllipsisAt(equation, i, end))
                    throw new ArgumentException($"einsum(): found '.' for operand {current} that is not part of any ellipsis");
                inputs[current].Add(Ellipsis);
                sawEllipsis = true;
                i += 2;
            }
            else if (ch == ',')
            {
                if (++current >= operandCount)
                    throw new ArgumentException("einsum(): fewer operands were provided than specified in the equation");
                sawEllipsis = false;
            }
            else inputs[current].Add(LabelAt(equation, i));
        }
        if (current != operandCount - 1)
            throw new ArgumentException("einsum(): more operands were provided than specified in the equation");
        return new Equation(inputs, null, arrowAt);
    }

    /// <summary>Reads the right-hand side, once the inputs are known (an output label must appear in some input).</summary>
    public Equation WithOutput(string equation)
    {
        if (ArrowAt < 0) return this;
        var seenInInputs = Inputs.SelectMany(term => term).ToHashSet();
        var output = new List<int>();
        bool sawEllipsis = false;
        for (int i = ArrowAt + 2; i < equation.Length; i++)
        {
            char ch = equation[i];
            if (ch == ' ') continue;
            if (ch == '.')
            {
                if (sawEllipsis)
                    throw new ArgumentException("einsum(): found '.' for output but an ellipsis (...) was already found");
                if (!IsEllipsisAt(equation, i, equation.Length))
                    throw new ArgumentException("einsum(): found '.' for output that is not part of any ellipsis (...)");
                output.Add(Ellipsis);
                sawEllipsis = true;
                i += 2;
                continue;
            }
            int label = LabelAt(equation, i);
            if (output.Contains(label))
                throw new ArgumentException($"einsum(): output subscript {ch} appears more than once in the output");
            if (!seenInInputs.Contains(label))
                throw new ArgumentException($"einsum(): output subscript {ch} does not appear in the equation for any input operand");
            output.Add(label);
        }
        return new Equation([.. Inputs], output, ArrowAt);
    }

    /// <summary>The letter a label id stands for (ids past the letters are ellipsis dimensions).</summary>
    public static string Name(int label) =>
        label < 26 ? ((char)('A' + label)).ToString() : label < LetterCount ? ((char)('a' + label - 26)).ToString() : "...";

    private static bool IsEllipsisAt(string equation, int i, int end) =>
        i + 2 < end && equation[i + 1] == '.' && equation[i + 2] == '.';

    private static int LabelAt(string equation, int i)
    {
        char ch = equation[i];
        if (ch is >= 'A' and <= 'Z') return ch - 'A';
        if (ch is >= 'a' and <= 'z') return 26 + ch - 'a';
        throw new ArgumentException($"einsum(): invalid subscript given at index {i} in the equation string, subscripts must be in [a-zA-Z]");
    }
}
