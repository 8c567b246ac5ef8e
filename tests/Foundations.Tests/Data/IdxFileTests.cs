using System.IO.Compression;
using Foundations.Data;
using NUnit.Framework;

namespace Foundations.Tests.Data;

/// <summary>The IDX reader on well-formed bytes, raw and gzipped, and on every way a file can be broken.</summary>
[Category("Foundations")]
public class IdxFileTests
{
    // A 2×2×3 unsigned-byte file: magic 0x00000803, sizes 2, 2, 3, then twelve values.
    private static readonly byte[] GoodImages =
        [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 255];

    [Test]
    public void RawBytes_GiveTheHeadersDimensionsAndTheValues()
    {
        IdxData data = Read(GoodImages);
        Assert.That(data.Dimensions, Is.EqualTo(new[] { 2, 2, 3 }));
        Assert.That(data.Count, Is.EqualTo(2));
        Assert.That(data.ItemSize, Is.EqualTo(6));
        Assert.That(data.Bytes, Is.EqualTo(GoodImages[16..]));
    }

    [Test]
    public void GzippedBytes_AreRecognisedByTheirMagicAndDecompressed()
    {
        IdxData data = Read(Gzip(GoodImages));
        Assert.That(data.Dimensions, Is.EqualTo(new[] { 2, 2, 3 }));
        Assert.That(data.Bytes, Is.EqualTo(GoodImages[16..]));
    }

    [Test]
    public void LabelFile_WithOneDimension_Reads()
    {
        IdxData data = Read([0, 0, 8, 1, 0, 0, 0, 3, 7, 0, 9]);
        Assert.That(data.Dimensions, Is.EqualTo(new[] { 3 }));
        Assert.That(data.ItemSize, Is.EqualTo(1));
        Assert.That(data.Bytes, Is.EqualTo(new byte[] { 7, 0, 9 }));
    }

    [TestCase(new byte[] { 0, 0, 8 }, "fewer than the 4 of an IDX magic number")]
    [TestCase(new byte[] { 0x50, 0x4B, 3, 4, 0, 0, 0, 1, 0 }, "magic number 0x504B0304 should start with two zero bytes")]
    [TestCase(new byte[] { 0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0 }, "type code 0x0D is not supported")]
    [TestCase(new byte[] { 0, 0, 8, 0 }, "declares 0 dimensions")]
    [TestCase(new byte[] { 0, 0, 8, 3, 0, 0, 0, 2, 0, 0 }, "is truncated: its magic number 0x00000803 declares 3 dimensions, a 16-byte header, but the file has only 10 bytes")]
    [TestCase(new byte[] { 0, 0, 8, 1, 0, 0, 0, 5, 1, 2 }, "is truncated: its header declares dimensions [5], 5 bytes of data, but only 2 follow the header")]
    [TestCase(new byte[] { 0, 0, 8, 1, 0, 0, 0, 1, 1, 2 }, "is corrupt: its header declares dimensions [1], 1 bytes of data, but 2 follow the header")]
    [TestCase(new byte[] { 0, 0, 8, 1, 0xFF, 0xFF, 0xFF, 0xFF }, "dimension 0 has size 4294967295")]
    public void BrokenBytes_AreRejectedNamingTheFileAndTheProblem(byte[] bytes, string problem)
    {
        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(new MemoryStream(bytes), "broken.idx"));
        Assert.That(error!.Message, Does.Contain("'broken.idx'"), "the message names the file");
        Assert.That(error.Message, Does.Contain(problem));
    }

    [Test]
    public void TruncatedGzip_IsRejectedNamingTheFile()
    {
        byte[] gzipped = Gzip(GoodImages);
        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(new MemoryStream(gzipped[..(gzipped.Length / 2)]), "half.gz"));
        Assert.That(error!.Message, Does.Contain("'half.gz'"));
        Assert.That(error.Message, Does.Contain("truncated"));
    }

    [Test]
    public void CorruptGzip_IsRejectedNamingTheFile()
    {
        byte[] gzipped = Gzip(GoodImages);
        for (int i = 10; i < gzipped.Length - 8; i++) gzipped[i] ^= 0x5A; // scramble the deflate stream
        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(new MemoryStream(gzipped), "scrambled.gz"));
        Assert.That(error!.Message, Does.Contain("'scrambled.gz'"));
    }

    [Test]
    public void FileOnDisk_ErrorsNameItsPath()
    {
        string path = Path.Combine(Path.GetTempPath(), $"idx-test-{Guid.NewGuid():N}.gz");
        try
        {
            File.WriteAllBytes(path, Gzip(GoodImages[..20]));
            var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
            Assert.That(error!.Message, Does.Contain(path));
            Assert.That(error.Message, Does.Contain("12 bytes of data, but only 4 follow"));
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void MissingFile_ThrowsFileNotFound() =>
        Assert.Throws<FileNotFoundException>(() => IdxFile.Read(Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.idx")));

    private static IdxData Read(byte[] bytes) => IdxFile.Read(new MemoryStream(bytes), "test.idx");

    internal static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
        return output.ToArray();
    }
}
