using Foundations;
using Katas.Einsum;
using NUnit.Framework;

namespace KataTests.K05_Einsum;

/// <summary>Every way an equation can be wrong, and PyTorch's words for it.</summary>
[Category("K05")]
public class EinsumErrorTests
{
    private static void Fails(string equation, Tensor[] operands, string message, string why)
    {
        var error = Assert.Throws<ArgumentException>(() => Einsum.Compute(equation, operands), $"einsum(\"{equation}\"): {why}");
        Assert.That(error!.Message, Does.Contain(message), $"einsum(\"{equation}\"): {why}");
    }

    [Test]
    public void SubscriptsThatDoNotMatchTheRank()
    {
        Fails("ij", [Tensor.Zeros(2, 3, 4)],
            "einsum(): the number of subscripts in the equation (2) does not match the number of dimensions (3) for operand 0 and no ellipsis was given",
            "two letters for a 3-D tensor");
        Fails("ij,jkl->ik", [Tensor.Zeros(2, 3), Tensor.Zeros(3, 4)],
            "einsum(): the number of subscripts in the equation (3) does not match the number of dimensions (2) for operand 1 and no ellipsis was given",
            "the message names the operand");
        Fails("...ijk", [Tensor.Zeros(2, 3)],
            "einsum(): the number of subscripts in the equation (3) is more than the number of dimensions (2) for operand 0",
            "'...' may cover zero dimensions, not fewer");
    }

    [Test]
    public void RepeatedSubscriptWithDifferentSizes()
    {
        Fails("ii", [Tensor.Zeros(2, 3)], "einsum(): subscript i is repeated for operand 0 but the sizes don't match, 3 != 2",
            "a diagonal needs a square");
        Fails("j,kk->", [Tensor.Zeros(2), Tensor.Zeros(4, 5)], "einsum(): subscript k is repeated for operand 1 but the sizes don't match, 5 != 4",
            "the message names the letter and the operand");
    }

    [Test]
    public void WrongNumberOfOperands()
    {
        Fails("ij,jk->ik", [Tensor.Zeros(2, 3)], "einsum(): fewer operands were provided than specified in the equation",
            "two terms, one operand");
        Fails("ij->ij", [Tensor.Zeros(2, 3), Tensor.Zeros(2, 3)], "einsum(): more operands were provided than specified in the equation",
            "one term, two operands");
        Fails("i", [], "einsum(): must provide at least one operand", "no operands at all");
    }

    [Test]
    public void InvalidSubscriptCharacters_NameTheirIndex()
    {
        Fails("i2,jk", [Tensor.Zeros(2, 3), Tensor.Zeros(3, 4)],
            "einsum(): invalid subscript given at index 1 in the equation string, subscripts must be in [a-zA-Z]", "'2' is not a letter");
        Fails("ij->i_", [Tensor.Zeros(2, 3)],
            "einsum(): invalid subscript given at index 5 in the equation string, subscripts must be in [a-zA-Z]", "nor is '_' in the output");
        Fails("i j>i", [Tensor.Zeros(2, 3)],
            "einsum(): invalid subscript given at index 3 in the equation string, subscripts must be in [a-zA-Z]", "'>' without '-' is no arrow");
        Fails("ij->i->j", [Tensor.Zeros(2, 3)],
            "einsum(): invalid subscript given at index 5 in the equation string, subscripts must be in [a-zA-Z]", "one arrow only");
    }

    [Test]
    public void OutputSubscriptRepeatedOrUnknown()
    {
        Fails("ij->ii", [Tensor.Zeros(3, 3)], "einsum(): output subscript i appears more than once in the output", "an output label is one dimension");
        Fails("ij->ik", [Tensor.Zeros(2, 3)], "einsum(): output subscript k does not appear in the equation for any input operand",
            "k has no size: no operand has it");
    }

    [Test]
    public void SizesThatDoNotBroadcast_ShowTheShapes()
    {
        Fails("ij,ij->ij", [Tensor.Zeros(2, 3), Tensor.Zeros(3, 3)],
            "einsum(): operands do not broadcast with remapped shapes [original->remapped]: [2, 3]->[2, 3] [3, 3]->[3, 3]",
            "i is 2 in one operand and 3 in the other");
        Fails("ik,kj->ij", [Tensor.Zeros(5, 784), Tensor.Zeros(10, 784)],
            "einsum(): operands do not broadcast with remapped shapes [original->remapped]: [5, 784]->[5, 1, 784] [10, 784]->[1, 784, 10]",
            "the matmul case: k is 784 and 10");
        Fails("...i,...i->...", [Tensor.Zeros(2, 4), Tensor.Zeros(3, 4)], "einsum(): operands do not broadcast",
            "the dimensions under '...' broadcast too, or fail like any other");
    }

    [Test]
    public void MalformedEllipses()
    {
        Fails("..i", [Tensor.Zeros(2, 3)], "einsum(): found '.' for operand 0 that is not part of any ellipsis", "two dots are not an ellipsis");
        Fails("...i...", [Tensor.Zeros(2, 3)], "einsum(): found '.' for operand 0 for which an ellipsis was already found", "one '...' per operand");
        Fails("...i->.i", [Tensor.Zeros(2, 3)], "einsum(): found '.' for output that is not part of any ellipsis (...)", "in the output too");
        Fails("...i->......", [Tensor.Zeros(2, 3)], "einsum(): found '.' for output but an ellipsis (...) was already found", "one '...' in the output");
    }
}
