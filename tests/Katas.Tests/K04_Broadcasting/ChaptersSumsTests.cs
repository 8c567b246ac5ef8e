using Foundations;
using Katas.Broadcasting;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K04_Broadcasting;

/// <summary>Questions 13 and 14: what <c>tensor([1,2]) + tensor([1])</c> and <c>tensor([1,2]) + tensor([1,2,3])</c> return, and why.</summary>
[Category("K04")]
public class ChaptersSumsTests
{
    [Test]
    public void OneTwo_PlusOne_IsTwoThree_BecauseASizeOneDimensionStretches()
    {
        TensorAssert.Equal(Broadcast.Add(Tensor.FromArray(1f, 2f), Tensor.FromArray(1f)), Tensor.FromArray(2f, 3f),
            "tensor([1,2]) + tensor([1]): the size-1 tensor is broadcast to size 2");
        Assert.That(Broadcast.Shape([2], [1]), Is.EqualTo(new[] { 2 }));
    }

    [Test]
    public void OneTwo_PlusOneTwoThree_Throws_BecauseTwoAndThreeDifferAndNeitherIsOne()
    {
        var error = Assert.Throws<ArgumentException>(() => Broadcast.Add(Tensor.FromArray(1f, 2f), Tensor.FromArray(1f, 2f, 3f)),
            "sizes 2 and 3 differ and neither is 1: there is no rule to stretch one into the other");
        Assert.That(error!.Message, Does.Contain("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0"));
    }
}
