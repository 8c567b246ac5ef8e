using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kata.Gradebook;

/// <summary>
/// Reads a grade.json written by <c>./kata grade</c> (schema v1, or v2 with <c>"schema": "foundations-katas-grade/2"</c>)
/// and refuses anything else — broken JSON, another program's JSON, impossible counts — with a message that names the
/// file, the field and the value, so nothing doubtful reaches the gradebook.
/// </summary>
public static partial class GradeFileReader
{
    public const string SchemaV2 = "foundations-katas-grade/2";
    private static readonly string[] Outcomes = ["Passed", "Failed", "TimedOut", "Crashed", "NotRun"];

    public static GradeDocument Read(string path)
    {
        if (!File.Exists(path)) throw new RunnerException($"{path}: no such file.");
        return Parse(File.ReadAllText(path), path);
    }

    /// <param name="name">How messages call the file (its path).</param>
    public static GradeDocument Parse(string json, string name)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw Refuse(name, $"is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message.Split(" Path:")[0]}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Refuse(name, $"holds a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not a grade object");
            int version = 1;
            if (root.TryGetProperty("schema", out var schema))
            {
                if (schema.ValueKind != JsonValueKind.String || schema.GetString() != SchemaV2)
                    throw Refuse(name, $"has schema {schema.GetRawText()}; the gradebook reads \"{SchemaV2}\" (or v1 files without a schema field)");
                version = 2;
            }
            var gradedAt = Optional(root, "gradedAt", JsonValueKind.String, name) is { } at ? Timestamp(at.GetString()!, name) : (DateTimeOffset?)null;
            var (refSource, refCommit) = Reference(root, name);
            bool? selfCheck = Optional(root, "selfCheck", JsonValueKind.True, name)?.GetBoolean();

            if (root.TryGetProperty("refused", out var refused) && refused.ValueKind == JsonValueKind.True)
            {
                string reason = Optional(root, "reason", JsonValueKind.String, name)?.GetString() ?? "refused";
                var differences = Optional(root, "differences", JsonValueKind.Array, name)?.EnumerateArray().Select(d => d.ToString()).ToList() ?? [];
                return new GradeDocument(version, 0, 100, null, false, true, reason, differences, gradedAt, refSource, refCommit, selfCheck, []);
            }
            if (!root.TryGetProperty("katas", out var katas) || katas.ValueKind != JsonValueKind.Array)
                throw Refuse(name, "has no \"katas\" list: it is not a grade.json written by ./kata grade");
            double score = Number(root, "score", name, 0, 100);
            double max = root.TryGetProperty("max", out _) ? Number(root, "max", name, 1, 1000) : 100;
            double? min = root.TryGetProperty("min", out var m) && m.ValueKind != JsonValueKind.Null ? Number(root, "min", name, 0, 100) : null;
            bool passed = !root.TryGetProperty("passed", out var p) || p.ValueKind != JsonValueKind.False;
            var lines = katas.EnumerateArray().Select((k, i) => Kata(k, $"{name}: katas[{i}]")).ToList();
            var duplicate = lines.GroupBy(k => k.Kata).FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null) throw Refuse(name, $"lists kata {duplicate.Key} {duplicate.Count()} times");
            return new GradeDocument(version, score, max, min, passed, false, null, [], gradedAt, refSource, refCommit, selfCheck, lines);
        }
    }

    private static KataScore Kata(JsonElement k, string where)
    {
        if (k.ValueKind != JsonValueKind.Object) throw Refuse(where, $"is a JSON {k.ValueKind.ToString().ToLowerInvariant()}, not a kata object");
        string kata = Text(k, "kata", where);
        if (!KataPattern().IsMatch(kata)) throw Refuse(where, $"has kata \"{kata}\"; expected a kata number like K01");
        int passed = Integer(k, "passed", where), total = Integer(k, "total", where);
        if (passed > total) throw Refuse(where, $"({kata}) has passed = {passed} greater than total = {total}");
        double points = Number(k, "points", where, 0, 100);
        int? hiddenPassed = null, hiddenTotal = null;
        if (Optional(k, "hidden", JsonValueKind.Object, where) is { } hidden)
        {
            hiddenPassed = Integer(hidden, "passed", $"{where}.hidden");
            hiddenTotal = Integer(hidden, "total", $"{where}.hidden");
        }
        var refused = Optional(k, "refused", JsonValueKind.Array, where)?.EnumerateArray().Select((r, i) => new RefusedUse(
            Optional(r, "rule", JsonValueKind.String, where)?.GetString() ?? "",
            Optional(r, "file", JsonValueKind.String, where)?.GetString() ?? "",
            r.TryGetProperty("line", out var line) && line.ValueKind == JsonValueKind.Number ? line.GetInt32() : null,
            Optional(r, "message", JsonValueKind.String, where)?.GetString() ?? "")).ToList() ?? [];
        var tests = Optional(k, "tests", JsonValueKind.Array, where)?.EnumerateArray().Select((t, i) => Test(t, $"{where}.tests[{i}]")).ToList() ?? [];
        return new KataScore(kata, Optional(k, "title", JsonValueKind.String, where)?.GetString() ?? kata, passed, total, points,
            Optional(k, "status", JsonValueKind.String, where)?.GetString() ?? "", Optional(k, "detail", JsonValueKind.String, where)?.GetString() ?? "",
            hiddenPassed, hiddenTotal, refused, tests);
    }

    private static TestLine Test(JsonElement t, string where)
    {
        string outcome = Text(t, "outcome", where);
        if (!Outcomes.Contains(outcome)) throw Refuse(where, $"has outcome \"{outcome}\"; expected one of {string.Join(", ", Outcomes)}");
        string name = Text(t, "name", where);
        return new TestLine(name, Optional(t, "fullName", JsonValueKind.String, where)?.GetString() ?? name, outcome,
            Optional(t, "message", JsonValueKind.String, where)?.GetString() ?? "", Optional(t, "hidden", JsonValueKind.True, where)?.GetBoolean() ?? false);
    }

    private static (string?, string?) Reference(JsonElement root, string name)
    {
        var reference = Optional(root, "reference", JsonValueKind.Object, name);
        if (reference is not { } r) return (null, null);
        string? commit = Optional(r, "commit", JsonValueKind.String, name)?.GetString();
        if (commit != null && !CommitPattern().IsMatch(commit)) throw Refuse(name, $"has reference.commit \"{commit}\"; expected 40 hex digits");
        return (Optional(r, "source", JsonValueKind.String, name)?.GetString(), commit);
    }

    /// <summary>The property when present and not null; its kind must match (True stands for either boolean).</summary>
    private static JsonElement? Optional(JsonElement e, string property, JsonValueKind kind, string where)
    {
        if (!e.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        bool ok = kind == JsonValueKind.True ? value.ValueKind is JsonValueKind.True or JsonValueKind.False : value.ValueKind == kind;
        if (!ok) throw Refuse(where, $"has \"{property}\": {Clip(value.GetRawText())}; expected a JSON {(kind == JsonValueKind.True ? "boolean" : kind.ToString().ToLowerInvariant())}");
        return value;
    }

    private static string Text(JsonElement e, string property, string where) =>
        Optional(e, property, JsonValueKind.String, where)?.GetString() ?? throw Refuse(where, $"has no \"{property}\"");

    private static int Integer(JsonElement e, string property, string where)
    {
        var value = Optional(e, property, JsonValueKind.Number, where) ?? throw Refuse(where, $"has no \"{property}\"");
        if (!value.TryGetInt32(out int n) || n < 0) throw Refuse(where, $"has \"{property}\": {value.GetRawText()}; expected a whole number ≥ 0");
        return n;
    }

    private static double Number(JsonElement e, string property, string where, double low, double high)
    {
        var value = Optional(e, property, JsonValueKind.Number, where) ?? throw Refuse(where, $"has no \"{property}\"");
        double x = value.GetDouble();
        if (double.IsNaN(x) || x < low || x > high) throw Refuse(where, $"has \"{property}\": {value.GetRawText()}; expected a number from {low} to {high}");
        return x;
    }

    private static DateTimeOffset Timestamp(string text, string name) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t.ToUniversalTime()
            : throw Refuse(name, $"has gradedAt \"{text}\"; expected an ISO-8601 time such as 2026-03-01T09:30:00Z");

    private static string Clip(string text) => text.Length > 60 ? text[..60] + "…" : text;

    private static RunnerException Refuse(string where, string problem) =>
        new($"Not added to the gradebook: {where} {problem}. Nothing was written.");

    [GeneratedRegex(@"^K\d\d$")]
    private static partial Regex KataPattern();

    [GeneratedRegex("^[0-9a-fA-F]{40}$")]
    private static partial Regex CommitPattern();
}
