using Foundations;
using Katas.Einsum;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K05_Einsum;

/// <summary>
/// Step 3: binding an equation to its operands. A repeated letter becomes a diagonal (a view), "..." gets
/// labels of its own lined up at the right, a size of 1 broadcasts, and sizes that clash are reported with
/// the subscript, the operands and their shapes.
/// </summary>
[Category("K05")]
public class Step3_DiagonalsAndEllipsisTests
{
    private static BoundEquation Bind(string[] inputs, string output, params Tensor[] operands) =>
        EquationBinder.Bind(new EinsumEquation(inputs, output), operands);

    private static string Describe(string[] inputs, string output) => $"Bind(\"{string.Join(",", inputs)}->{output}\")";

    /// <summary>
    /// Operand n of the bound equation has distinct labels, the letters <paramref name="letters"/> in any order, and at
    /// every index the value <paramref name="expected"/> gives for that assignment of values to letters.
    /// </summary>
    private static void HasLabelsAndValues(BoundEquation bound, int n, string letters, Func<Func<char, int>, float> expected, string idea)
    {
        string labels = bound.Labels[n];
        Assert.That(labels.Order(), Is.EqualTo(letters.Order()), $"{idea}: the labels of operand {n} are \"{labels}\"");
        Assert.That(bound.Operands[n].Rank, Is.EqualTo(labels.Length), $"{idea}: one label per dimension of operand {n}");
        int count = ShapeRules.Product(bound.Operands[n].Shape);
        for (int flat = 0; flat < count; flat++)
        {
            var index = new int[labels.Length];
            for (int d = labels.Length - 1, rest = flat; d >= 0; d--)
            {
                index[d] = rest % bound.Operands[n].Shape[d];
                rest /= bound.Operands[n].Shape[d];
            }
            float want = expected(letter => index[labels.IndexOf(letter, StringComparison.Ordinal)]);
            Assert.That(bound.Operands[n][index], Is.EqualTo(want),
                $"{idea}: operand {n} at [{string.Join(", ", index)}] (labels \"{labels}\")");
        }
    }

    private static void Fails(string[] inputs, string output, Tensor[] operands, string why, params string[] parts)
    {
        var error = Assert.Throws<ArgumentException>(() => Bind(inputs, output, operands), $"{Describe(inputs, output)}: {why}");
        foreach (string part in parts)
            Assert.That(error!.Message, Does.Contain(part), $"{Describe(inputs, output)}: {why}; the message should name {part}");
    }

    [Test]
    public void RepeatedLetter_TakesTheDiagonal()
    {
        var m = Tensor.Arange(9).View(3, 3);
        BoundEquation bound = Bind(["ii"], "i", m);
        HasLabelsAndValues(bound, 0, "i", at => m[at('i'), at('i')], "ii->i: t[i, i]");
        Assert.That(bound.Output, Is.EqualTo("i"), "the output's letters stay as they are");
        TensorAssert.Equal(Bind(["ii"], "", m.T()).Operands[0], Tensor.FromArray(0f, 4f, 8f), "a transposed view has the same diagonal");
    }

    [Test]
    public void Diagonal_IsAView_NotACopy()
    {
        var m = Tensor.Arange(16).View(4, 4);
        Tensor diagonal = Bind(["ii"], "i", m).Operands[0];
        Assert.That(diagonal.Storage, Is.SameAs(m.Storage),
            "t[i, i] steps along both dimensions at once: one dimension whose stride is the sum of both (AsStrided), no copy");
        Assert.That(diagonal.Strides, Is.EqualTo(new[] { 5 }), "the diagonal of a contiguous 4×4 steps by 4 + 1");
    }

    [Test]
    public void RepeatedLetters_InsideLargerTerms()
    {
        Tensor t = TensorGen.Randn(1, 3, 3, 3), m = TensorGen.Randn(2, 3, 4);
        HasLabelsAndValues(Bind(["iii"], "i", t), 0, "i", at => t[at('i'), at('i'), at('i')], "iii: t[i, i, i]");
        HasLabelsAndValues(Bind(["iij"], "j", t), 0, "ij", at => t[at('i'), at('i'), at('j')], "iij: t[i, i, j]");
        HasLabelsAndValues(Bind(["iji"], "ij", t), 0, "ij", at => t[at('i'), at('j'), at('i')], "iji: t[i, j, i]");
        BoundEquation two = Bind(["ii", "ij"], "j", TensorGen.Randn(3, 3, 3), m);
        HasLabelsAndValues(two, 1, "ij", at => m[at('i'), at('j')], "ii,ij->j: the second operand keeps its letters");
    }

    [Test]
    public void Diagonal_OfAViewWithAnOffset_StartsAtTheViewsFirstElement()
    {
        // The operand may be a slice: its [0, 0] sits at its Offset in the storage, not at 0.
        var stack = Tensor.Arange(18).View(2, 3, 3);
        Tensor second = stack.Select(0, 1); // [[9, 10, 11], [12, 13, 14], [15, 16, 17]], offset 9
        HasLabelsAndValues(Bind(["ii"], "i", second), 0, "i", at => second[at('i'), at('i')],
            "ii->i on the second 3×3 matrix of Arange(18).View(2, 3, 3): the diagonal 9, 13, 17");
    }

    [Test]
    public void Diagonal_OfAStridedView_StepsByTheViewsStrides()
    {
        // Every other row and column of a 6×6, starting at [0, 1]: strides (12, 2), offset 1. Its diagonal steps 12 + 2.
        Tensor sparse = Tensor.Arange(36).View(6, 6).Slice(0, 0, 6, 2).Slice(1, 1, 6, 2);
        HasLabelsAndValues(Bind(["ii"], "i", sparse), 0, "i", at => sparse[at('i'), at('i')],
            "ii->i on Arange(36).View(6, 6)[::2, 1::2]: the diagonal 1, 15, 29");
        Tensor cube = TensorGen.Randn(10, 4, 3, 3).Narrow(0, 1, 3); // [3, 3, 3], offset 9
        HasLabelsAndValues(Bind(["iji"], "ij", cube), 0, "ij", at => cube[at('i'), at('j'), at('i')], "iji on a narrowed 4×3×3: t[i, j, i]");
    }

    [Test]
    public void RepeatedLetterWithDifferentSizes()
    {
        Fails(["ii"], "", [Tensor.Zeros(2, 3)], "a diagonal needs a square",
            "einsum(): subscript i is repeated for operand 0 but the sizes don't match, 3 != 2");
        Fails(["j", "kk"], "", [Tensor.Zeros(2), Tensor.Zeros(4, 5)], "the message names the letter and the operand",
            "einsum(): subscript k is repeated for operand 1 but the sizes don't match, 5 != 4");
    }

    [Test]
    public void SubscriptsThatDoNotMatchTheRank()
    {
        Fails(["ij"], "ij", [Tensor.Zeros(2, 3, 4)], "two letters for a 3-D tensor",
            "einsum(): the number of subscripts in the equation (2) does not match the number of dimensions (3) for operand 0 and no ellipsis was given");
        Fails(["ij", "jkl"], "ik", [Tensor.Zeros(2, 3), Tensor.Zeros(3, 4)], "the message names the operand",
            "einsum(): the number of subscripts in the equation (3) does not match the number of dimensions (2) for operand 1 and no ellipsis was given");
        Fails(["...ijk"], "...ijk", [Tensor.Zeros(2, 3)], "'...' may cover zero dimensions, not fewer",
            "einsum(): the number of subscripts in the equation (3) is more than the number of dimensions (2) for operand 0");
    }

    [Test]
    public void Ellipsis_GetsLabelsOfItsOwn_LinedUpAtTheRight()
    {
        Tensor a = TensorGen.Randn(4, 2, 1, 3, 4), b = TensorGen.Randn(5, 5, 4, 2);
        BoundEquation bound = Bind(["...ij", "...jk"], "...ik", a, b);
        string left = bound.Labels[0], right = bound.Labels[1];
        Assert.That(left, Has.Length.EqualTo(4), "a is 4-D: its '...' covers 2 dimensions");
        Assert.That(right, Has.Length.EqualTo(3), "b is 3-D: its '...' covers 1 dimension");
        Assert.That(left[2..], Is.EqualTo("ij"), "the letters keep their places after '...'");
        Assert.That(right[1..], Is.EqualTo("jk"), "the letters keep their places after '...'");
        Assert.That(char.IsAsciiLetter(left[0]) || char.IsAsciiLetter(left[1]), Is.False, "a '...' label must not be a letter: it could clash with one");
        Assert.That(left[0], Is.Not.EqualTo(left[1]), "each dimension under '...' gets its own label");
        Assert.That(right[0], Is.EqualTo(left[1]), "ellipses line up at the right, as broadcasting does: b's one dimension is a's last");
        Assert.That(bound.Output, Is.EqualTo($"{left[0]}{left[1]}ik"), "the output's '...' becomes the same labels");
        TensorAssert.HasShape(bound.Operands[0], [2, 5, 3, 4], "a's size-1 dimension is expanded to b's 5");
        TensorAssert.HasShape(bound.Operands[1], [5, 4, 2], "b keeps its shape");
        TensorAssert.Equal(bound.Operands[0].Select(1, 3), a.Select(1, 0), "an expanded dimension repeats its one slice");
    }

    [Test]
    public void Ellipsis_InTheMiddle_OrCoveringNothing()
    {
        Tensor t = TensorGen.Randn(6, 2, 3, 4, 5);
        BoundEquation middle = Bind(["i...j"], "ij", t);
        string labels = middle.Labels[0];
        Assert.That(labels, Has.Length.EqualTo(4), "'i...j' on a 4-D tensor: '...' covers the 2 middle dimensions");
        Assert.That((labels[0], labels[3]), Is.EqualTo(('i', 'j')), "i and j keep their places");
        TensorAssert.Equal(middle.Operands[0], t, "no repeated letter, no broadcasting: the operand is unchanged");
        Assert.That(middle.Output, Is.EqualTo("ij"), "an output without '...' sums the dimensions under it (in step 2)");
        var m = TensorGen.Randn(7, 2, 3);
        BoundEquation none = Bind(["...ij"], "...ji", m);
        Assert.That((none.Labels[0], none.Output), Is.EqualTo(("ij", "ji")), "'...' may stand for no dimension at all");
    }

    [Test]
    public void SizeOne_Broadcasts_AsAView()
    {
        Tensor row = TensorGen.Randn(8, 1, 3), m = TensorGen.Randn(9, 2, 3);
        BoundEquation bound = Bind(["ij", "ij"], "ij", row, m);
        TensorAssert.HasShape(bound.Operands[0], [2, 3], "a size-1 i stretches to the other operand's 2");
        HasLabelsAndValues(bound, 0, "ij", at => row[0, at('j')], "every row of the stretched operand is the one row");
        Assert.That(bound.Operands[0].Storage, Is.SameAs(row.Storage), "stretching is Expand: a stride of 0, no copy");
    }

    [Test]
    public void SizesThatClash_NameTheSubscriptTheOperandsAndTheirShapes()
    {
        Fails(["ik", "kj"], "ij", [Tensor.Zeros(5, 784), Tensor.Zeros(10, 784)], "the matmul case: k is 784 in a and 10 in b",
            "do not broadcast", "subscript k", "784", "10", "operand 0", "operand 1", "[5, 784]", "[10, 784]");
        Fails(["ij", "ij"], "ij", [Tensor.Zeros(2, 3), Tensor.Zeros(3, 3)], "i is 2 in one operand and 3 in the other",
            "do not broadcast", "subscript i", "[2, 3]", "[3, 3]");
        Fails(["i", "i", "i"], "", [Tensor.Zeros(3), Tensor.Zeros(3), Tensor.Zeros(4)], "the third operand is the odd one",
            "do not broadcast", "subscript i", "operand 2", "[4]");
        Fails(["j", "i", "i"], "", [Tensor.Zeros(2), Tensor.Zeros(3), Tensor.Zeros(4)], "operand 0 has no i: the clash is between operands 1 and 2",
            "do not broadcast", "subscript i", "operand 1", "operand 2", "[3]", "[4]");
        Fails(["...i", "...i"], "...", [Tensor.Zeros(2, 4), Tensor.Zeros(3, 4)], "the dimensions under '...' broadcast too, or fail like any other",
            "do not broadcast", "'...'", "[2, 4]", "[3, 4]");
    }

    [Test]
    public void TheWrongNumberOfOperands_ThrowsNamingBothCounts()
    {
        var error = Assert.Throws<ArgumentException>(() => Bind(["ij", "jk"], "ik", Tensor.Zeros(2, 3)),
            "Bind(\"ij,jk->ik\") with one operand: the equation has two terms");
        Assert.That(error!.Message, Does.Contain("2").And.Contain("1"), "the message should name the 2 terms and the 1 operand");
    }

    [Test]
    public void SizesThatClashUnderTheEllipsis_NameTheDimensionCountedFromTheRight()
    {
        Fails(["...i", "...i"], "...", [Tensor.Zeros(2, 3, 4), Tensor.Zeros(5, 4)], "under '...' the shapes are [2, 3] and [5]: 3 and 5 clash",
            "dimension -1 under '...'");
        Fails(["...i", "...i"], "...", [Tensor.Zeros(2, 3, 4), Tensor.Zeros(5, 1, 4)], "under '...' the shapes are [2, 3] and [5, 1]: 2 and 5 clash",
            "dimension -2 under '...'");
    }
}
