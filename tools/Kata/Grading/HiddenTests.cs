namespace Kata.Grading;

/// <summary>
/// Hidden tests (nbgrader's idea): kept in the instructor's reference under <c>tests/Katas.Tests/Hidden/KNN_*/</c>, in a
/// namespace <c>KataTests.Hidden.KNN_*</c> with <c>[Category("KNN")]</c> and <c>[Category("Hidden")]</c>. A release leaves
/// them out; a grade from the reference runs them and counts them per kata without showing their code.
/// </summary>
public static class HiddenTests
{
    public const string Folder = "Hidden";

    public static bool IsHidden(TestOutcome test) => test.FullName.Contains("." + Folder + ".", StringComparison.Ordinal);

    /// <summary>The folder, relative to the repository root, that a release leaves out.</summary>
    public static string RelativeFolder => $"tests/Katas.Tests/{Folder}";
}
