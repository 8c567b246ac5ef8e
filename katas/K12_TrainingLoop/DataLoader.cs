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
    /// <summary>A loader over rows of <paramref name="x"/> and their targets <paramref name="y"/>.</summary>
    /// <param name="x">The inputs, [count, features].</param>
    /// <param name="y">One target per row of x.</param>
    /// <param name="batchSize">Rows per batch (the last may have fewer).</param>
    /// <param name="shuffle">A seeded generator to shuffle with at the start of every epoch, or null to keep the order.</param>
    /// <exception cref="ArgumentException">X is not 2-D, x and y differ in length, or batchSize is not positive
    /// ("batch_size should be a positive integer value, but got batch_size=0").</exception>
    public DataLoader(Tensor x, int[] y, int batchSize, Rng? shuffle = null)
    {
        throw new NotImplementedException("Kata 12: check the arguments and keep them.");
    }

    /// <summary>Rows per batch.</summary>
    public int BatchSize => throw new NotImplementedException("Kata 12: the batch size given to the constructor.");

    /// <summary>How many examples one epoch serves.</summary>
    public int Count => throw new NotImplementedException("Kata 12: the number of rows.");

    /// <summary>Batches per epoch: ⌈Count / BatchSize⌉.</summary>
    public int BatchCount => throw new NotImplementedException("Kata 12: round the division up.");

    /// <summary>The batches of one epoch, in a fresh random order when shuffling.</summary>
    public IEnumerator<Batch> GetEnumerator()
    {
        throw new NotImplementedException("Kata 12: an order of the indices (Rng.Permutation), then yield return one Batch per slice of it.");
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
