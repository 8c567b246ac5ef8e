using Foundations;

namespace Katas.Einsum;

/// <summary>
/// Einstein summation: a product of operands indexed by letters, summed over every letter that is not
/// in the output. <c>ik,kj->ij</c> is the matrix product, <c>ii</c> the trace, <c>ij->ji</c> a transpose.
/// </summary>
public static class Einsum
{
    /// <summary>
    /// Evaluates <paramref name="equation"/> on <paramref name="operands"/>, as <c>torch.einsum</c> does.
    /// <list type="bullet">
    /// <item>Explicit mode <c>ik,kj->ij</c>: the output is the letters after the arrow, in that order.</item>
    /// <item>Implicit mode <c>ik,kj</c>: the output is every letter seen exactly once, sorted, uppercase
    /// before lowercase (after the ellipsis dimensions, if any).</item>
    /// <item>A letter repeated in one operand takes its diagonal (<c>ii->i</c>; <c>ii</c> is the trace).</item>
    /// <item><c>...</c> stands for any number of leading (or inner) dimensions; they broadcast across operands.</item>
    /// <item>Letters absent from the output are summed; spaces are ignored; any number of operands.</item>
    /// </list>
    /// Two operands are contracted by permuting and reshaping them into one call of the substrate's
    /// <see cref="Tensor.MatMul(Tensor, Tensor)"/>, so <c>ik,kj->ij</c> runs as fast as MatMul itself.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The equation does not fit the operands; the message is PyTorch's, e.g. "einsum(): the number of subscripts
    /// in the equation (2) does not match the number of dimensions (3) for operand 0 and no ellipsis was given".
    /// </exception>
    public static Tensor Compute(string equation, params Tensor[] operands) =>
        throw new NotImplementedException("Kata 05: parse the equation into labels per operand, then contract — see the README's hints, one step at a time.");
}
