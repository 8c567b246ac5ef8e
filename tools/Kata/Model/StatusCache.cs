using System.Text.Json;

namespace Kata.Model;

/// <summary>The last results, kept in <c>.kata/status.json</c> with the fingerprint of the sources they came from.</summary>
public sealed class StatusCache(Repository repo)
{
    private string CachePath => Path.Combine(repo.StateDir, "status.json");

    public IReadOnlyDictionary<string, KataResult>? Load(string fingerprint)
    {
        try
        {
            if (!File.Exists(CachePath)) return null;
            var entry = JsonSerializer.Deserialize<Entry>(File.ReadAllText(CachePath));
            return entry?.Fingerprint == fingerprint ? entry.Results.ToDictionary(r => r.Number) : null;
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            return null; // a damaged cache is only a slower status
        }
    }

    public void Save(string fingerprint, IReadOnlyDictionary<string, KataResult> results)
    {
        Directory.CreateDirectory(repo.StateDir);
        // Failure details are kept; the per-test list is not needed to draw the status table.
        var slim = results.Values.Select(r => r with { Tests = [] }).OrderBy(r => r.Number).ToList();
        File.WriteAllText(CachePath, JsonSerializer.Serialize(new Entry(fingerprint, slim), new JsonSerializerOptions { WriteIndented = true }));
    }

    private sealed record Entry(string Fingerprint, List<KataResult> Results);
}
