using Foundations;
using Katas.Broadcasting;
using NUnit.Framework;

namespace KataTests.K04_Broadcasting;

/// <summary>
/// Questions 19 and 20: indexing with None is unsqueeze (here: your <see cref="Broadcast.Unsqueeze"/>, the substrate's
/// <c>Unsqueeze</c> and <c>View</c>), and a tensor's <c>Storage</c> shows the memory behind it (PyTorch's <c>t.storage()</c>).
/// </summary>
[Category("K04")]
public class NoneIndexingTests
{
    [Test]
    public void NoneIndexing_OnAColumnView_KeepsItsStrideAndOffset_LikeTheSubstratesUnsqueeze()
    {
        Tensor m = Tensor.Arange(12).View(3, 4), column = m.Column(1); // [1, 5, 9]: stride 4, offset 1
        Tensor yours = Broadcast.Unsqueeze(column, 1), substrate = column.Unsqueeze(1); // column[:, None]
        Assert.That(yours.Shape, Is.EqualTo(substrate.Shape), "column[:, None] has shape [3, 1]");
        Assert.That(yours.Strides[0], Is.EqualTo(substrate.Strides[0]).And.EqualTo(4), "the column's elements are still 4 floats apart");
        Assert.That(yours.Offset, Is.EqualTo(1), "the view still starts at the column's first element");
        Assert.That(yours.Storage, Is.SameAs(m.Storage), "indexing with None copies nothing");
        Assert.That(new[] { yours[0, 0], yours[1, 0], yours[2, 0] }, Is.EqualTo(new float[] { 1, 5, 9 }));
    }

    [Test]
    public void NoneIndexing_OnAVector_IsTheSubstratesView_AndTheStorageShowsTheMemory()
    {
        Tensor c = Tensor.FromArray(10f, 20f, 30f);
        Tensor row = Broadcast.Unsqueeze(c, 0); // c[None]
        Assert.That(row.Shape, Is.EqualTo(c.View(1, 3).Shape), "c[None] is c.view(1, 3)");
        Tensor expanded = Broadcast.ExpandAs(row, Tensor.Zeros(3, 3));
        Assert.That(expanded.Storage, Is.EqualTo(new float[] { 10, 20, 30 }),
            "t.storage() of c expanded to 3×3 shows the three floats of c: broadcasting used no more memory");

        Tensor m = Tensor.Arange(12).View(3, 4);
        Tensor expandedColumn = Broadcast.Expand(Broadcast.Unsqueeze(m.Column(1), 1), [3, 2]);
        Assert.That(expandedColumn.Storage, Is.EqualTo(Enumerable.Range(0, 12).Select(i => (float)i)),
            "a view's storage is the whole memory it was cut from, here the matrix's 12 floats");
    }
}
