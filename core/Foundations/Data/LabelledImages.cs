namespace Foundations.Data;

/// <summary>
/// A set of images, one per row of <see cref="Images"/> (flattened: 28×28 pixels → 784 columns),
/// and the class of each in <see cref="Labels"/>.
/// </summary>
public sealed class LabelledImages
{
    /// <summary>Pairs images (shape [n, pixels]) with n labels.</summary>
    /// <exception cref="ArgumentException">The image rows and the labels differ in number, or images is not 2-D.</exception>
    public LabelledImages(Tensor images, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (images.Rank != 2)
            throw new ArgumentException($"images should be 2-D [count, pixels], but have shape {ShapeRules.Format(images.Shape)}");
        if (images.Shape[0] != labels.Length)
            throw new ArgumentException($"{images.Shape[0]} images but {labels.Length} labels: each image needs exactly one label");
        Images = images;
        Labels = labels;
    }

    /// <summary>The pixels, one image per row.</summary>
    public Tensor Images { get; }

    /// <summary>The class index of each image.</summary>
    public int[] Labels { get; }

    /// <summary>How many images.</summary>
    public int Count => Labels.Length;
}
