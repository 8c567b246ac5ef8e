using System.Runtime.Intrinsics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kata.Mistakes;

/// <summary>
/// <c>tests/mistakes.json</c>: each catalogued mistake's failing-test signature, written by
/// <c>./kata verify --update-mistakes</c> in the reference and shipped in releases, where the runner recognises a
/// learner's failures by it. It also says the vector width of the machine that recorded it, because a kata whose
/// tests force every width can still fail differently where the CPU has other vectors.
/// </summary>
public sealed record MistakeSignatures(
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("vectorBits")] int VectorBits,
    [property: JsonPropertyName("mistakes")] IReadOnlyList<MistakeRecord> Mistakes)
{
    public const string SchemaName = "foundations-katas-mistakes/1";
    public const string RelativePath = "tests/mistakes.json";

    public static string PathIn(Repository repo) => Path.Combine(repo.Root, "tests", "mistakes.json");

    /// <summary>The recorded file, or null when there is none; a damaged file is a <see cref="RunnerException"/> naming it.</summary>
    public static MistakeSignatures? Load(Repository repo)
    {
        string path = PathIn(repo);
        if (!File.Exists(path)) return null;
        try
        {
            var read = JsonSerializer.Deserialize<MistakeSignatures>(File.ReadAllText(path));
            if (read?.Mistakes == null || read.Schema != SchemaName) throw new JsonException($"expected \"schema\": \"{SchemaName}\" and a \"mistakes\" list");
            return read;
        }
        catch (JsonException e)
        {
            throw new RunnerException($"{RelativePath} cannot be read ({e.Message}); record it again with ./kata verify --update-mistakes", 1);
        }
    }

    /// <summary>
    /// The widest vector this machine accelerates, which is the width the katas' fast paths pick (HardwareWidth), not
    /// <c>Vector&lt;T&gt;</c>'s size: .NET keeps that at 256 bits on AVX-512 machines unless told otherwise.
    /// </summary>
    public static int AcceleratedVectorBits =>
        Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : 128;

    /// <summary>The file for these records, sorted by kata and id, so a re-recording diffs line by line.</summary>
    public static void Save(Repository repo, IEnumerable<MistakeRecord> records)
    {
        var sorted = records.OrderBy(r => r.Kata, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var file = new MistakeSignatures(SchemaName, AcceleratedVectorBits, sorted);
        Directory.CreateDirectory(Path.GetDirectoryName(PathIn(repo))!);
        File.WriteAllText(PathIn(repo), JsonSerializer.Serialize(file, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
    }
}
