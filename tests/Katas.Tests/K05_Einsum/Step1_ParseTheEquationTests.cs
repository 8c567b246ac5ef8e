using Katas.Einsum;
using NUnit.Framework;

namespace KataTests.K05_Einsum;

/// <summary>Step 1: the equation's text becomes one term per operand and an explicit output; bad text, PyTorch's words.</summary>
[Category("K05")]
public class Step1_ParseTheEquationTests
{
    private static void Parses(string equation, int operands, string[] inputs, string output, string why)
    {
        EinsumEquation parsed = EquationParser.Parse(equation, operands);
        Assert.That(parsed.Inputs, Is.EqualTo(inputs), $"Parse(\"{equation}\", {operands}).Inputs: {why}");
        Assert.That(parsed.Output, Is.EqualTo(output), $"Parse(\"{equation}\", {operands}).Output: {why}");
    }

    private static void Fails(string equation, int operands, string message, string why)
    {
        var error = Assert.Throws<ArgumentException>(() => EquationParser.Parse(equation, operands), $"Parse(\"{equation}\", {operands}): {why}");
        Assert.That(error!.Message, Does.Contain(message), $"Parse(\"{equation}\", {operands}): {why}");
    }

    [Test]
    public void ExplicitMode_SplitsAtTheCommasAndTheArrow()
    {
        Parses("ik,kj->ij", 2, ["ik", "kj"], "ij", "the matrix product: two terms, then the output after '->'");
        Parses("ij->ji", 1, ["ij"], "ji", "one operand");
        Parses("bi,ij,bj->b", 3, ["bi", "ij", "bj"], "b", "three operands");
        Parses("ij->", 1, ["ij"], "", "an empty output: a scalar");
        Parses("i,j->ij", 2, ["i", "j"], "ij", "an outer product");
    }

    [Test]
    public void SpacesAreIgnored()
    {
        Parses(" ik , kj -> ij ", 2, ["ik", "kj"], "ij", "spaces anywhere change nothing");
        Parses("i j->j i", 1, ["ij"], "ji", "even inside a term");
    }

    [Test]
    public void ImplicitMode_KeepsTheLettersSeenOnce_Sorted()
    {
        Parses("ik,kj", 2, ["ik", "kj"], "ij", "k is seen twice (summed); i and j once (kept)");
        Parses("ji", 1, ["ji"], "ij", "the kept letters are sorted: 'ji' means 'ji->ij', a transpose");
        Parses("ii", 1, ["ii"], "", "i is seen twice: summed, the trace");
        Parses("i,i", 2, ["i", "i"], "", "the dot product");
        Parses("i,i,i", 3, ["i", "i", "i"], "", "seen three times: still summed");
        Parses("bA", 1, ["bA"], "Ab", "uppercase sorts before lowercase");
        Parses("ba,cB", 2, ["ba", "cB"], "Babc", "uppercase first, then lowercase, each alphabetically");
    }

    [Test]
    public void Ellipses_StayInTheirTerms_AndComeFirstInAnImplicitOutput()
    {
        Parses("...ij,...jk->...ik", 2, ["...ij", "...jk"], "...ik", "'...' is kept as three dots for step 3");
        Parses("i...j->ij", 1, ["i...j"], "ij", "an ellipsis may sit in the middle");
        Parses("j...", 1, ["j..."], "...j", "implicit: the ellipsis first, then the letters seen once");
        Parses("...ii", 1, ["...ii"], "...", "implicit with only repeated letters");
        Parses("... i j , ... j k", 2, ["...ij", "...jk"], "...ik", "spaces around an ellipsis");
    }

    [Test]
    public void WrongNumberOfOperands()
    {
        Fails("ij,jk->ik", 1, "einsum(): fewer operands were provided than specified in the equation", "two terms, one operand");
        Fails("ij->ij", 2, "einsum(): more operands were provided than specified in the equation", "one term, two operands");
        Fails("i", 0, "einsum(): must provide at least one operand", "no operands at all");
    }

    [Test]
    public void InvalidSubscriptCharacters_NameTheirIndex()
    {
        Fails("i2,jk", 2, "einsum(): invalid subscript given at index 1 in the equation string, subscripts must be in [a-zA-Z]", "'2' is not a letter");
        Fails("ij->i_", 1, "einsum(): invalid subscript given at index 5 in the equation string, subscripts must be in [a-zA-Z]", "nor is '_' in the output");
        Fails("i j>i", 1, "einsum(): invalid subscript given at index 3 in the equation string, subscripts must be in [a-zA-Z]",
            "'>' without '-' is no arrow; the index counts the spaces too");
        Fails("ij->i->j", 1, "einsum(): invalid subscript given at index 5 in the equation string, subscripts must be in [a-zA-Z]", "one arrow only");
    }

    [Test]
    public void OutputSubscriptRepeatedOrUnknown()
    {
        Fails("ij->ii", 1, "einsum(): output subscript i appears more than once in the output", "an output letter is one dimension");
        Fails("ij->ik", 1, "einsum(): output subscript k does not appear in the equation for any input operand", "k has no size: no operand has it");
    }

    [Test]
    public void MalformedEllipses()
    {
        Fails("..i", 1, "einsum(): found '.' for operand 0 that is not part of any ellipsis", "two dots are not an ellipsis");
        Fails("ij,...i...", 2, "einsum(): found '.' for operand 1 for which an ellipsis was already found", "one '...' per operand");
        Fails("...i->.i", 1, "einsum(): found '.' for output that is not part of any ellipsis (...)", "in the output too");
        Fails("...i->......", 1, "einsum(): found '.' for output but an ellipsis (...) was already found", "one '...' in the output");
    }

    [Test]
    public void AnArrowAtTheVeryStart_IsStillTheArrow()
    {
        Parses("->", 1, [""], "", "torch.einsum(\"->\", scalar): one empty input term (a 0-D operand) and an empty output");
        Fails("->i", 1, "einsum(): output subscript i does not appear in the equation for any input operand",
            "an arrow at index 0 is explicit mode: the output i is checked against the (empty) input");
    }

    [Test]
    public void TwoDotsAtTheEndOfATerm_AreNotAnEllipsis()
    {
        Fails("i..", 1, "einsum(): found '.' for operand 0 that is not part of any ellipsis", "the term ends after two dots");
        Fails("..", 1, "einsum(): found '.' for operand 0 that is not part of any ellipsis", "two dots and nothing else");
    }

    [Test]
    public void ImplicitMode_StartsWithTheEllipsis_WhenAnyInputHasOne()
    {
        Parses("...ij,jk", 2, ["...ij", "jk"], "...ik", "only the first operand has '...', and the implicit output still keeps it");
    }
}
