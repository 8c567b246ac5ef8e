namespace Foundations.Data;

/// <summary>
/// The contents of one IDX file: its dimensions (outermost first, e.g. [60000, 28, 28] for the
/// Fashion-MNIST training images) and the unsigned bytes they hold, row-major.
/// </summary>
public sealed class IdxData
{
    /// <summary>Wraps dimensions and the bytes they describe; <see cref="IdxFile"/> checks that they agree.</summary>
    public IdxData(int[] dimensions, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(bytes);
        Dimensions = dimensions.AsReadOnly();
        Bytes = bytes;
    }

    /// <summary>The size of each dimension, outermost first.</summary>
    public IReadOnlyList<int> Dimensions { get; }

    /// <summary>The values, row-major: item i of a [n, 28, 28] file starts at i·784.</summary>
    public byte[] Bytes { get; }

    /// <summary>The number of items: the first dimension.</summary>
    public int Count => Dimensions[0];

    /// <summary>The number of bytes per item: the product of every dimension but the first (1 for labels).</summary>
    public int ItemSize => Dimensions.Skip(1).Aggregate(1, (product, size) => product * size);
}
