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
    /// Binds <paramref name="equation"/> to <paramref name="operands"/>; see <see cref="BoundEquation"/>.
    /// Name the dimensions under "..." with characters that are not letters (say 'α', 'β', …), lined up at the right.
    /// </summary>
    /// <exception cref="ArgumentException">Ranks, repeated letters or sizes do not fit; the message names the operand and the sizes.</exception>
    public static BoundEquation Bind(EinsumEquation equation, IReadOnlyList<Tensor> operands) =>
        throw new NotImplementedException("Kata 05, step 3: check the ranks, label the dimensions under '...', take diagonals, give every label one size — README, step 3.");
}
