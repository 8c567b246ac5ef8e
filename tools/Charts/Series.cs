namespace Charts;

/// <summary>One named line of a chart: y against x. A NaN or infinite y (a training that diverged, an
/// activation that exploded) is left out of the line, and <see cref="Note"/> can say so in the legend.</summary>
public sealed record Series(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, string? Note = null)
{
    /// <summary>The points that can be drawn.</summary>
    public (double[] X, double[] Y) Finite(bool positiveOnly = false)
    {
        if (X.Count != Y.Count)
            throw new ArgumentException($"Series '{Name}' has {X.Count} x values but {Y.Count} y values.");
        var keep = Enumerable.Range(0, X.Count).Where(i => double.IsFinite(Y[i]) && (!positiveOnly || Y[i] > 0)).ToArray();
        return (keep.Select(i => X[i]).ToArray(), keep.Select(i => Y[i]).ToArray());
    }

    /// <summary>The legend's label: the name, and the note if there is one.</summary>
    public string Label => Note is null ? Name : $"{Name} ({Note})";
}
