namespace Katas.Einsum;

/// <summary>
/// An einsum equation as step 1 reads it: one term per operand and the output term, spaces removed, each
/// term a string of subscript letters in which <c>"..."</c> may appear once. The output is always explicit:
/// in implicit mode (no arrow) it has been worked out from the inputs. Given: you do not need to change it.
/// </summary>
/// <param name="Inputs">One term per operand, e.g. <c>["ik", "kj"]</c> or <c>["...ij", "...jk"]</c>.</param>
/// <param name="Output">The output term, e.g. <c>"ij"</c>, <c>"...ik"</c>, or <c>""</c> for a scalar.</param>
public sealed record EinsumEquation(IReadOnlyList<string> Inputs, string Output)
{
    /// <summary>The three characters that stand for "the remaining dimensions".</summary>
    public const string Ellipsis = "...";

    /// <summary>"ik,kj->ij": the equation written back, handy in messages.</summary>
    public override string ToString() => string.Join(",", Inputs) + "->" + Output;
}
