using Foundations;

namespace Katas.Einsum;

/// <summary>
/// An equation bound to its operands, as step 3 leaves it for the contraction: every operand a view whose
/// dimensions carry distinct labels (diagonals taken, <c>...</c> replaced by labels of its own), every label
/// of one size in all operands (size-1 dimensions expanded), and an output made of those labels only.
/// Given: you do not need to change it.
/// </summary>
/// <param name="Operands">The operands as views: diagonals taken, size-1 dimensions expanded.</param>
/// <param name="Labels">One label per dimension of each operand, no label twice in one operand.</param>
/// <param name="Output">The output's labels, "..." replaced by the labels of the dimensions it stands for.</param>
public sealed record BoundEquation(IReadOnlyList<Tensor> Operands, IReadOnlyList<string> Labels, string Output);
