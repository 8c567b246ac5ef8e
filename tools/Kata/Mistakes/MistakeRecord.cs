using System.Text.Json.Serialization;

namespace Kata.Mistakes;

/// <summary>
/// One catalogued mistake as <c>tests/mistakes.json</c> records it for the runner: what it is and which visible tests
/// it fails (its signature, sorted full names). No code and no patch: the file ships to learners.
/// </summary>
public sealed record MistakeRecord(
    [property: JsonPropertyName("kata")] string Kata,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("misconception")] string Misconception,
    [property: JsonPropertyName("hint")] int Hint,
    [property: JsonPropertyName("fails")] IReadOnlyList<string> Fails)
{
    [JsonIgnore] public string Label => $"{Kata} {Id}";
}
