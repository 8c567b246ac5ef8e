namespace Kata.Building;

/// <summary>The outcome of a build: success, the compiler errors by kata, and errors no kata owns.</summary>
public sealed record BuildResult(bool Succeeded, IReadOnlyDictionary<string, IReadOnlyList<string>> ErrorsByKata, IReadOnlyList<string> OtherErrors, string Output)
{
    /// <summary>Compiler warnings in the learner's kata files, by kata: listed for the learner, never failing the build.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> WarningsByKata { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The first few lines worth showing when the build failed for a reason no kata owns.</summary>
    public string Summary => OtherErrors.Count > 0 ? string.Join('\n', OtherErrors.Take(5))
        : string.Join('\n', Output.Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(5));
}
