using Foundations;

namespace Katas.Einsum;

/// <summary>Step 4: the whole of einsum, any number of operands, as <c>torch.einsum</c> does it.</summary>
public static class EinsumOps
{
    /// <summary>
    /// Evaluates <paramref name="equation"/> on <paramref name="operands"/>: <c>Einsum("ik,kj->ij", a, b)</c> is
    /// the matrix product, <c>Einsum("ii", m)</c> the trace, <c>Einsum("bi,ij,bj->b", x, w, y)</c> one bilinear
    /// form per row. Parse (step 1), bind (step 3), then contract two operands at a time, left to right (step 2),
    /// keeping only the labels the output or a later operand still needs.
    /// </summary>
    /// <exception cref="ArgumentException">The equation does not fit the operands; the message says how.</exception>
    public static Tensor Einsum(string equation, params Tensor[] operands) =>
        throw new NotImplementedException("Kata 05, step 4: parse, bind, then contract left to right, keeping what later operands need — README, step 4.");
}
