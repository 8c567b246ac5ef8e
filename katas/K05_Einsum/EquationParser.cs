namespace Katas.Einsum;

/// <summary>Step 1: reads an equation's text into an <see cref="EinsumEquation"/>, with PyTorch's error messages.</summary>
public static class EquationParser
{
    /// <summary>
    /// Splits <paramref name="equation"/> into one term per operand and the output term. Spaces are ignored;
    /// a term holds letters <c>a-zA-Z</c> and at most one <c>...</c>. Without an arrow (implicit mode) the output
    /// is <c>...</c> when any input has one, then every letter seen exactly once, sorted (uppercase first).
    /// <c>Parse(" ik , kj ", 2)</c> gives inputs <c>["ik", "kj"]</c> and output <c>"ij"</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The text is not an einsum equation for <paramref name="operandCount"/> operands
    /// (the README lists the messages).</exception>
    public static EinsumEquation Parse(string equation, int operandCount) =>
        throw new NotImplementedException("Kata 05, step 1: split the equation into one term per operand and the output term — README, step 1.");
}
