using System.Collections;
using Foundations;

namespace Katas.TrainingLoop;

/// <summary>
/// Serves a dataset in mini-batches. Each enumeration is one epoch: with an <see cref="Rng"/> the
/// examples come in a new random order every epoch (so batches differ), without one in their
/// stored order (for validation). The last batch holds whatever is left, so it may be smaller.
/// </summary>
public sealed class DataLoader : IEnumerable<Batch>
{
    private readonly Tensor _x;
    private readonly int[] _y;
    private readonly Rng? _shuffle;

    /// <summary>A loader over rows of <paramref name="x"/> and their targets <paramref name="y"/>.</summary>
    /// <param name="x">The inputs, [count, features].</param>
    /// <param name="y">One target per row of x.</param>
    /// <param name="batchSize">Rows per batch (the last may have fewer).</param>
    /// <param name="shuffle">A seeded generator to shuffle with at the start of every epoch, or null to keep the order.</param>
    /// <exception cref="ArgumentException">X is not 2-D, x and y differ in length, or batchSize is not positive.</exception>
    public DataLoader(Tensor x, int[] y, int batchSize, Rng? shuffle = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rank != 2)
            throw new ArgumentException($"expected 2-D inputs [count, features], but got shape {ShapeRules.Format(x.Shape)}");
        if (x.Shape[0] != y.Length)
            throw new ArgumentException($"Size mismatch between tensors: {x.Shape[0]} inputs but {y.Length} targets");
        if (batchSize <= 0)
            throw new ArgumentException($"batch_size should be a positive integer value, but got batch_size={batchSize}");
        _x = x.Contiguous(); // so a row is one run of floats we can copy in one go
        _y = y;
        _shuffle = shuffle;
        BatchSize = batchSize;
    }

    /// <summary>Rows per batch.</summary>
    public int BatchSize { get; }

    /// <summary>How many examples one epoch serves.</summary>
    public int Count => _y.Length;

    /// <summary>Batches per epoch: ⌈Count / BatchSize⌉.</summary>
    public int BatchCount => (Count + BatchSize - 1) / BatchSize;

    /// <summary>The batches of one epoch, in a fresh random order when shuffling.</summary>
    public IEnumerator<Batch> GetEnumerator()
    {
        // Shuffle indices, not data: the order is decided once per epoch, here.
        int[] order = _shuffle is null ? Enumerable.Range(0, Count).ToArray() : _shuffle.Permutation(Count);
        int features = _x.Shape[1];
        for (int start = 0; start < Count; start += BatchSize)
        {
            int size = Math.Min(BatchSize, Count - start);
            var x = Tensor.Zeros(size, features);
            var y = new int[size];
            for (int i = 0; i < size; i++)
            {
                int row = order[start + i];
                _x.Storage.AsSpan(_x.Offset + row * features, features).CopyTo(x.Storage.AsSpan(i * features, features));
                y[i] = _y[row];
            }
            yield return new Batch(x, y);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
