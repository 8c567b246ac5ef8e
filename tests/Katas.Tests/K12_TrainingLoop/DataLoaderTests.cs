using Foundations;
using Katas.TrainingLoop;
using NUnit.Framework;

namespace KataTests.K12_TrainingLoop;

[Category("K12")]
public class DataLoaderTests
{
    // Row i of x holds the value i in both columns, so a batch says which examples it took.
    private static (Tensor X, int[] Y) Numbered(int count)
    {
        var x = Tensor.Zeros(count, 2);
        for (int i = 0; i < count; i++) { x[i, 0] = i; x[i, 1] = i; }
        return (x, Enumerable.Range(0, count).Select(i => i % 7).ToArray());
    }

    [Test]
    public void ShuffledLoader_ServesEveryExampleOncePerEpoch_InBatchesWithAPartialLast()
    {
        var (x, y) = Numbered(103);
        var loader = new DataLoader(x, y, batchSize: 10, shuffle: new Rng(5));
        Assert.That(loader.BatchCount, Is.EqualTo(11), "⌈103 / 10⌉ batches");
        for (int epoch = 0; epoch < 3; epoch++)
        {
            var batches = loader.ToList();
            Assert.That(batches.Select(b => b.X.Shape[0]), Is.EqualTo(Enumerable.Repeat(10, 10).Append(3)),
                "ten full batches of 10, then the 3 left over");
            int[] seen = batches.SelectMany(b => Enumerable.Range(0, b.X.Shape[0]).Select(i => (int)b.X[i, 0])).ToArray();
            Assert.That(seen.Order(), Is.EqualTo(Enumerable.Range(0, 103)), $"epoch {epoch}: every example exactly once");
            foreach (var batch in batches)
                for (int i = 0; i < batch.Y.Length; i++)
                    Assert.That(batch.Y[i], Is.EqualTo((int)batch.X[i, 1] % 7), "each target stays with its input");
        }
    }

    [Test]
    public void Shuffling_IsSeeded_AndDiffersBetweenEpochs()
    {
        var (x, y) = Numbered(50);
        int[] Order(DataLoader loader) => loader.SelectMany(b => Enumerable.Range(0, b.X.Shape[0]).Select(i => (int)b.X[i, 0])).ToArray();
        var first = new DataLoader(x, y, 8, new Rng(11));
        var again = new DataLoader(x, y, 8, new Rng(11));
        int[] epoch1 = Order(first), epoch2 = Order(first);
        Assert.That(Order(again), Is.EqualTo(epoch1), "the same seed gives the same order");
        Assert.That(epoch2, Is.Not.EqualTo(epoch1), "a new epoch is a new order");
        Assert.That(epoch1, Is.Not.EqualTo(Enumerable.Range(0, 50)), "shuffled means not in stored order");
        Assert.That(Order(new DataLoader(x, y, 8)), Is.EqualTo(Enumerable.Range(0, 50)), "without an Rng the order is kept");
    }

    [Test]
    public void Loader_OverAViewOfTheData_ServesTheViewsRows()
    {
        // Narrow gives a view into the same storage, starting at row 10's first float: row i of the view is row 10 + i.
        var (x, y) = Numbered(30);
        Tensor view = x.Narrow(0, 10, 12);
        var loader = new DataLoader(view, y[10..22], batchSize: 5);
        int[] served = loader.SelectMany(b => Enumerable.Range(0, b.X.Shape[0]).Select(i => (int)b.X[i, 0])).ToArray();
        Assert.That(served, Is.EqualTo(Enumerable.Range(10, 12)),
            "a loader over x.Narrow(0, 10, 12) (a view whose Offset is 20 floats) serves rows 10 to 21, in order");
    }

    [Test]
    public void BadArguments_AreRejectedWithTheValues()
    {
        var (x, y) = Numbered(10);
        var size = Assert.Throws<ArgumentException>(() => new DataLoader(x, y, 0));
        Assert.That(size!.Message, Does.Contain("batch_size=0"));
        var mismatch = Assert.Throws<ArgumentException>(() => new DataLoader(x, y[..9], 4));
        Assert.That(mismatch!.Message, Does.Contain("10").And.Contain("9"));
    }

    [TestCase(4, 2, 2)]
    [TestCase(5, 2, 3)]
    [TestCase(1, 3, 1)]
    public void BatchCount_IsTheCountOverTheBatchSize_RoundedUp(int count, int batchSize, int expected)
    {
        var loader = new DataLoader(Tensor.Zeros(count, 2), new int[count], batchSize);
        Assert.That(loader.BatchCount, Is.EqualTo(expected), $"{count} examples in batches of {batchSize}: ⌈{count}/{batchSize}⌉ batches");
    }

    [Test]
    public void InputsThatAreNotRows_ThrowNamingTheShape()
    {
        var error = Assert.Throws<ArgumentException>(() => new DataLoader(Tensor.Zeros(6), new int[6], 2),
            "inputs of shape [6]: a DataLoader serves rows of [count, features]");
        Assert.That(error!.Message, Does.Contain("[6]"), "the message should name the shape [6]");
    }
}
