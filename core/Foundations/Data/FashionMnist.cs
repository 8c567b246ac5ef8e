using System.Reflection;

namespace Foundations.Data;

/// <summary>
/// Loads Fashion-MNIST (Zalando's 28×28 greyscale clothes, ten classes, MIT licence): the full
/// dataset where Debian's <c>dataset-fashion-mnist</c> has installed it, otherwise a subset of
/// 8,000 training and 1,000 test images embedded in this assembly. The result says which.
/// </summary>
public static class FashionMnist
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package puts the four IDX files.</summary>
    public const string InstalledDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The side of each square image.</summary>
    public const int ImageSide = 28;

    /// <summary>The ten classes, in label order.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    private static readonly string[] FileNames =
        ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"];

    /// <summary>The full dataset from <see cref="InstalledDirectory"/> when its files are there, else the embedded subset.</summary>
    public static FashionMnistData Load() => IsInstalled(InstalledDirectory) ? LoadFrom(InstalledDirectory) : LoadEmbedded();

    /// <summary>True when <paramref name="directory"/> holds the four Fashion-MNIST IDX files.</summary>
    public static bool IsInstalled(string directory) => FileNames.All(file => File.Exists(Path.Combine(directory, file)));

    /// <summary>Reads the four gzipped IDX files from a directory.</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file is not IDX, is truncated or corrupt, or images and labels disagree.</exception>
    public static FashionMnistData LoadFrom(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        IdxData Read(string file) => IdxFile.Read(Path.Combine(directory, file));
        return Assemble(Read, DatasetSource.Installed, directory);
    }

    /// <summary>Reads the subset embedded in the Foundations assembly (the first 8,000 training and 1,000 test images).</summary>
    public static FashionMnistData LoadEmbedded()
    {
        var assembly = typeof(FashionMnist).Assembly;
        IdxData Read(string file)
        {
            string resource = $"Foundations.Data.Embedded.{file}";
            using Stream stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"The embedded resource '{resource}' is missing from {assembly.GetName().Name}; rebuild core/Foundations.");
            return IdxFile.Read(stream, $"embedded {file}");
        }
        return Assemble(Read, DatasetSource.Embedded, "embedded resources");
    }

    private static FashionMnistData Assemble(Func<string, IdxData> read, DatasetSource source, string location)
    {
        var train = Pair(read(FileNames[0]), read(FileNames[1]), FileNames[0], FileNames[1]);
        var test = Pair(read(FileNames[2]), read(FileNames[3]), FileNames[2], FileNames[3]);
        return new FashionMnistData(train, test, source, location);
    }

    /// <summary>Turns an image file and a label file into flattened float images in [0, 1] and int labels.</summary>
    private static LabelledImages Pair(IdxData images, IdxData labels, string imageFile, string labelFile)
    {
        if (images.Dimensions.Count != 3 || images.Dimensions[1] != ImageSide || images.Dimensions[2] != ImageSide)
            throw new InvalidDataException($"'{imageFile}' should hold [count, 28, 28] images but has dimensions {ShapeRules.Format(images.Dimensions)}.");
        if (labels.Dimensions.Count != 1)
            throw new InvalidDataException($"'{labelFile}' should hold [count] labels but has dimensions {ShapeRules.Format(labels.Dimensions)}.");
        if (labels.Count != images.Count)
            throw new InvalidDataException($"'{imageFile}' has {images.Count} images but '{labelFile}' has {labels.Count} labels.");

        var label = new int[labels.Count];
        for (int i = 0; i < label.Length; i++)
        {
            label[i] = labels.Bytes[i];
            if (label[i] >= ClassNames.Count)
                throw new InvalidDataException($"'{labelFile}': label {i} is {label[i]}, but Fashion-MNIST has only {ClassNames.Count} classes (0–9).");
        }

        var pixels = new float[images.Bytes.Length];
        byte[] bytes = images.Bytes;
        for (int i = 0; i < pixels.Length; i++) pixels[i] = bytes[i] * (1f / 255f);
        return new LabelledImages(Tensor.FromArray(pixels, [images.Count, ImageSide * ImageSide]), label);
    }
}
