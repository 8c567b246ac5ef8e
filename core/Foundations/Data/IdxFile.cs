using System.Buffers.Binary;
using System.IO.Compression;

namespace Foundations.Data;

/// <summary>
/// Reads the IDX format that MNIST and Fashion-MNIST ship in, raw or gzipped. The header is a
/// magic number — two zero bytes, a type code (0x08: unsigned bytes) and the number of
/// dimensions — then one big-endian 32-bit size per dimension; the values follow, row-major.
/// A file that does not match its own header is rejected with an error naming the file.
/// </summary>
public static class IdxFile
{
    private const byte UnsignedByteType = 0x08;
    private const int MaxHint = 1 << 30; // never pre-allocate more than 1 GB on the word of a size field

    /// <summary>Reads an IDX file from disk; gzip is recognised by its first two bytes, not by the name.</summary>
    /// <exception cref="InvalidDataException">The file is not IDX, is truncated, or has bytes its header does not account for.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static IdxData Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads an IDX file from a stream; <paramref name="name"/> is what error messages call it.</summary>
    /// <exception cref="InvalidDataException">The bytes are not IDX, are truncated, or run past what the header declares.</exception>
    public static IdxData Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        byte[] bytes = Decompress(ReadAll(stream), name);
        return Parse(bytes, name);
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static byte[] Decompress(byte[] raw, string name)
    {
        bool gzipped = raw.Length >= 2 && raw[0] == 0x1F && raw[1] == 0x8B;
        if (!gzipped) return raw;
        try
        {
            // A gzip file ends with its uncompressed size (mod 2³²): sizing the buffer from it saves
            // regrowing and copying a 47 MB array several times. It is only a hint; a wrong one costs nothing.
            int hint = raw.Length >= 18 ? BinaryPrimitives.ReadInt32LittleEndian(raw.AsSpan(raw.Length - 4)) : 0; // 18: the smallest gzip file
            using var output = new MemoryStream(hint is > 0 and <= MaxHint ? hint : 0);
            using (var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress)) gzip.CopyTo(output);
            return output.Length == output.Capacity ? output.GetBuffer() : output.ToArray();
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            throw new InvalidDataException($"'{name}' starts like a gzip file but cannot be decompressed ({e.Message}); it is probably truncated or corrupt.", e);
        }
    }

    private static IdxData Parse(byte[] bytes, string name)
    {
        if (bytes.Length < 4)
            throw new InvalidDataException($"'{name}' is not an IDX file: it has {bytes.Length} bytes, fewer than the 4 of an IDX magic number.");
        uint magic = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        if (bytes[0] != 0 || bytes[1] != 0)
            throw new InvalidDataException($"'{name}' is not an IDX file: its magic number 0x{magic:X8} should start with two zero bytes (images are 0x00000803, labels 0x00000801).");
        if (bytes[2] != UnsignedByteType)
            throw new InvalidDataException($"'{name}': IDX type code 0x{bytes[2]:X2} is not supported; only unsigned bytes (0x08) are (magic number 0x{magic:X8}).");
        int rank = bytes[3];
        if (rank == 0)
            throw new InvalidDataException($"'{name}': the magic number 0x{magic:X8} declares 0 dimensions; an IDX file has at least one.");

        int headerLength = 4 + 4 * rank;
        if (bytes.Length < headerLength)
            throw new InvalidDataException($"'{name}' is truncated: its magic number 0x{magic:X8} declares {rank} dimensions, a {headerLength}-byte header, but the file has only {bytes.Length} bytes.");
        var dimensions = new int[rank];
        long dataLength = 1;
        for (int d = 0; d < rank; d++)
        {
            uint size = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(4 + 4 * d));
            if (size > int.MaxValue)
                throw new InvalidDataException($"'{name}' is corrupt: dimension {d} has size {size}, more than any array can hold.");
            dimensions[d] = (int)size;
            dataLength = Math.Min(dataLength * size, long.MaxValue / int.MaxValue); // saturate rather than overflow
        }

        long actual = bytes.Length - headerLength;
        if (actual < dataLength)
            throw new InvalidDataException($"'{name}' is truncated: its header declares dimensions {ShapeRules.Format(dimensions)}, {dataLength:N0} bytes of data, but only {actual:N0} follow the header.");
        if (actual > dataLength)
            throw new InvalidDataException($"'{name}' is corrupt: its header declares dimensions {ShapeRules.Format(dimensions)}, {dataLength:N0} bytes of data, but {actual:N0} follow the header.");
        return new IdxData(dimensions, bytes[headerLength..]);
    }
}
