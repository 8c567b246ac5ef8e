using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kata.Gradebook;

/// <summary>
/// SYNTHETIC DATA for demos and scale checks: writes grade.json v2 files for an invented class, one per learner and
/// week, as <c>./kata grade</c> would write them. Learners are called <c>synthetic-NNN</c>, every file says
/// <c>"synthetic": true</c> and its reference source is "synthetic class". Each learner has a pace (katas per week),
/// a late start or not, and a chance to stall on the harder katas; a few runs hang, crash or are refused. Test names
/// are the repository's real ones; failure messages are invented. Seeded: the same arguments give the same files.
/// </summary>
public static partial class SyntheticClass
{
    public static readonly DateTimeOffset FirstWeek = new(2026, 9, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Commit = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes("synthetic class"))).ToLowerInvariant();
    /// <summary>Katas the invented class finds hard (learners slow down and stall there).</summary>
    private static readonly HashSet<string> Hard = ["K05", "K07", "K11", "K13"];

    /// <returns>Each learner's id and their grade files, oldest first.</returns>
    public static IReadOnlyList<(string Student, IReadOnlyList<string> Files)> Write(string dir, IReadOnlyList<(string Kata, string Title, IReadOnlyList<string> Tests)> katas,
        int learners, int weeks, int seed)
    {
        if (learners < 1 || weeks < 1) throw new RunnerException($"A synthetic class needs at least one learner and one week (got {learners} learners, {weeks} weeks).");
        var written = new List<(string, IReadOnlyList<string>)>();
        for (int l = 1; l <= learners; l++)
        {
            var random = new Random(HashCode.Combine(seed, l));
            string student = $"synthetic-{l:000}";
            double kind = random.NextDouble(), spread = random.NextDouble();   // fast, steady or slow learners (katas per week)
            double pace = kind < 0.15 ? 1.3 + 0.9 * spread : kind < 0.75 ? 0.5 + 0.6 * spread : 0.15 + 0.35 * spread;
            int startWeek = random.NextDouble() < 0.15 ? random.Next(1, Math.Max(2, weeks / 2)) : 0;
            double stallChance = random.NextDouble() * 0.6;
            var files = new List<string>();
            double progress = 0;   // katas done, with the fraction of the next one
            for (int w = startWeek; w < weeks; w++)
            {
                int current = (int)progress;
                bool hard = current < katas.Count && Hard.Contains(katas[current].Kata);
                if (!(hard && random.NextDouble() < stallChance)) progress = Math.Min(katas.Count, progress + pace * (hard ? 0.45 : 1) * (0.6 + 0.8 * random.NextDouble()));
                var when = FirstWeek.AddDays(7 * w).AddMinutes(random.Next(0, 60 * 48));
                string path = Path.Combine(dir, student, $"week-{w + 1:00}.grade.json");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, random.NextDouble() < 0.01 ? Refusal(when) : Grade(katas, progress, when, random));
                files.Add(path);
            }
            if (files.Count > 0) written.Add((student, files));
        }
        return written;
    }

    /// <summary>The kata list with real test names, from the repository's tests/Katas.Tests.</summary>
    public static IReadOnlyList<(string Kata, string Title, IReadOnlyList<string> Tests)> KatasOf(Repository repo) =>
        repo.Katas.Select(k =>
        {
            string dir = Path.Combine(repo.TestsDir, k.FolderName);
            var tests = Directory.Exists(dir)
                ? Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                    .SelectMany(f => TestPattern().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).Distinct().ToList()
                : [];
            return (k.Number, k.Title, (IReadOnlyList<string>)(tests.Count > 0 ? tests : Enumerable.Range(1, 8).Select(i => $"Check{i}").ToList()));
        }).ToList();

    private static string Grade(IReadOnlyList<(string Kata, string Title, IReadOnlyList<string> Tests)> katas, double progress, DateTimeOffset when, Random random)
    {
        var lines = katas.Select((k, i) => Kata(k, i < (int)progress ? 1.0 : i == (int)progress ? progress - i : 0.0, random)).ToList();
        double score = Math.Round(lines.Average(k => (double)k["points"]!), 1);
        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["schema"] = GradeFileReader.SchemaV2,
            ["synthetic"] = true,
            ["gradedAt"] = GradebookStore.Iso(when),
            ["reference"] = new { source = "synthetic class (./kata gradebook synthetic)", commit = Commit },
            ["selfCheck"] = false,
            ["score"] = score, ["max"] = 100, ["min"] = null, ["passed"] = true,
            ["katas"] = lines,
        });
    }

    private static Dictionary<string, object?> Kata((string Kata, string Title, IReadOnlyList<string> Tests) kata, double fraction, Random random)
    {
        string status = fraction >= 1 ? "done" : fraction <= 0 ? "not started" : "in progress";
        var tests = kata.Tests;
        // The kata's tests in the order learners tend to make them pass: a fixed, kata-specific shuffle, so the same
        // few tests are the last to pass across the class (and top the most-failed list).
        var order = tests.OrderBy(t => Stable(kata.Kata + t)).ToList();
        int passing = fraction >= 1 ? tests.Count : (int)Math.Round(fraction * tests.Count * 0.95);
        if (fraction >= 1 && random.NextDouble() < 0.04) { passing = tests.Count - 1; status = "in progress"; }   // a regression
        if (fraction is > 0 and < 1 && random.NextDouble() < 0.04) status = random.NextDouble() < 0.6 ? "timed out" : "crashed";
        var outcomes = order.Select((t, i) => new Dictionary<string, object?>
        {
            ["name"] = t,
            ["fullName"] = $"KataTests.{kata.Kata}.{t}",
            ["outcome"] = status is "timed out" or "crashed" ? (i == passing ? (status == "timed out" ? "TimedOut" : "Crashed") : i < passing ? "Passed" : "NotRun")
                          : i < passing ? "Passed" : "Failed",
            ["message"] = i < passing ? "" : status == "not started" ? $"System.NotImplementedException : Kata {kata.Kata[1..]}: not implemented yet"
                          : Message(kata.Kata, t, random),
            ["hidden"] = false,
        }).ToList();
        int passed = outcomes.Count(o => (string)o["outcome"]! == "Passed");
        double points = status is "timed out" or "crashed" ? 0 : Math.Round(100.0 * passed / tests.Count, 1);
        return new Dictionary<string, object?>
        {
            ["kata"] = kata.Kata, ["title"] = kata.Title, ["passed"] = status is "timed out" or "crashed" ? 0 : passed, ["total"] = tests.Count,
            ["points"] = points, ["status"] = status, ["detail"] = status switch { "timed out" => "the tests did not finish within 120 s", "crashed" => "the test process died: stack overflow", _ => "" },
            ["hidden"] = new { passed = fraction >= 1 ? 1 : 0, total = 1 }, ["refused"] = Array.Empty<object>(), ["tests"] = outcomes,
        };
    }

    /// <summary>An invented failure message; each test has a usual one and, now and then, another.</summary>
    private static string Message(string kata, string test, Random random)
    {
        string[] usual =
        [
            "Expected: [2, 3] But was: [3, 2] (shape: the result has a's rows and b's columns)",
            "Expected: 0.7310586f ± 1E-05 But was: 0.5f (element [0, 1])",
            "Expected: 14.0f ± 0.001 But was: 0.0f (element [1, 1]: the sum over k was never accumulated)",
            "System.IndexOutOfRangeException : Index was outside the bounds of the array.",
            "Expected: gradient 0.25f ± 1E-03 But was: 0.0f (chain rule: multiply by the upstream gradient)",
            "Expected: no exception But was: <System.ArgumentException: shapes [4, 1] and [3] cannot be broadcast>",
        ];
        int pick = (int)(Stable(kata + test) % (uint)usual.Length);
        return usual[random.NextDouble() < 0.8 ? pick : (pick + 1 + random.Next(usual.Length - 1)) % usual.Length];
    }

    private static string Refusal(DateTimeOffset when) => JsonSerializer.Serialize(new
    {
        schema = GradeFileReader.SchemaV2, synthetic = true, refused = true, reason = "tests differ from the manifest",
        differences = new[] { "changed: tests/Katas.Tests/K02_ThreeLoopMatmul/MatmulTests.cs" }, gradedAt = GradebookStore.Iso(when),
        reference = new { source = "synthetic class (./kata gradebook synthetic)", commit = Commit }, selfCheck = false,
    });

    private static uint Stable(string text) => BitConverter.ToUInt32(SHA1.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex(@"\[(?:Test|Property|TestCase|TestCaseSource|FsCheck\.NUnit\.Property|(?:Support\.)?PropertyTest)\b[^\]]*\]\s*(?:\[[^\]]*\]\s*)*public\s+(?:async\s+Task|void|Property|bool)\s+(\w+)")]
    private static partial Regex TestPattern();
}
