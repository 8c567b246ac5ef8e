namespace Kata.Model;

/// <summary>One kata as found on disk: <c>katas/K01_OneNeuron</c> gives number "K01" and folder "K01_OneNeuron".</summary>
public sealed record KataInfo(string Number, string FolderName, string Title, string Directory)
{
    /// <summary>The lesson, relative to the repository root (what the learner should open).</summary>
    public string ReadmePath => Path.Combine("katas", FolderName, "README.md");

    /// <summary>The NUnit category that selects this kata's tests.</summary>
    public string Category => Number;

    /// <summary>"K01 — One neuron", or just the number when the README has no title.</summary>
    public string Label => string.IsNullOrEmpty(Title) ? Number : $"{Number} — {Title}";
}
