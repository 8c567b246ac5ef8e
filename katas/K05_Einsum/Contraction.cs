using Foundations;

namespace Katas.Einsum;

/// <summary>
/// Step 2: einsum on one or two operands whose dimensions are named by distinct labels (one character per
/// dimension, no label twice in one operand, a shared label of the same size everywhere). A label missing
/// from the output is summed. Two operands become one call of the substrate's matrix product.
/// </summary>
public static class Contraction
{
    /// <summary>
    /// One operand: sums every label of <paramref name="labels"/> that <paramref name="output"/> lacks, then
    /// puts the dimensions in the output's order. <c>Reduce(m, "ij", "ji")</c> is a transpose,
    /// <c>Reduce(m, "ij", "i")</c> the row sums, <c>Reduce(m, "ij", "")</c> the sum of everything.
    /// </summary>
    public static Tensor Reduce(Tensor t, string labels, string output) =>
        throw new NotImplementedException("Kata 05, step 2: sum the labels the output lacks, then permute into the output's order — README, step 2.");

    /// <summary>
    /// Two operands, as one call of <see cref="Tensor.Matmul(Tensor, Tensor)"/>: <c>Contract(a, "ik", b, "kj", "ij")</c>
    /// is the matrix product, <c>Contract(a, "bij", b, "bjk", "bik")</c> the batched one, <c>Contract(u, "i", v, "j", "ij")</c>
    /// the outer product. The result's dimensions are in the order of <paramref name="output"/>.
    /// </summary>
    public static Tensor Contract(Tensor a, string aLabels, Tensor b, string bLabels, string output) =>
        throw new NotImplementedException("Kata 05, step 2: sort the labels into batch, rows, contracted and columns, then one Matmul — README, step 2.");
}
