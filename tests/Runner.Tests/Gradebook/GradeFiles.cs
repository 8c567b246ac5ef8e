using System.Text.Json;

namespace RunnerTests.Gradebook;

/// <summary>grade.json texts for the gradebook tests, in the two formats ./kata grade writes (v1 and v2).</summary>
internal static class GradeFiles
{
    public const string Commit = "0123456789abcdef0123456789abcdef01234567";

    /// <summary>A v2 grade: K01 done (3/3), K02 half done with one failing and one hung test, K03 not started.</summary>
    public static string V2(string gradedAt = "2026-10-05T10:00:00Z", string failMessage = "Expected: [2, 3] But was: [3, 2]") => JsonSerializer.Serialize(new
    {
        schema = "foundations-katas-grade/2",
        gradedAt,
        reference = new { source = "https://example.invalid/instructor/katas.git", commit = Commit },
        selfCheck = false,
        score = 50.0, max = 100, min = (double?)null, passed = true,
        katas = new object[]
        {
            Kata("K01", "One neuron", 3, 3, 100, "done", ("Forward", "Passed", ""), ("Relu", "Passed", ""), ("Sigmoid", "Passed", "")),
            Kata("K02", "Three-loop matmul", 2, 4, 50, "in progress", ("Square", "Passed", ""), ("Vector", "Passed", ""),
                ("Matmul_ShapeRule", "Failed", failMessage), ("Large", "TimedOut", "did not finish within 10 s")),
            Kata("K03", "Elementwise", 0, 2, 0, "not started", ("Add", "Failed", "System.NotImplementedException : Kata 03"), ("Mul", "Failed", "System.NotImplementedException : Kata 03")),
        },
    });

    /// <summary>A grade.json as the first runner wrote it: no schema field, no tests, no reference.</summary>
    public const string V1 = """
        {
          "score": 33.3, "max": 100, "min": null, "passed": true,
          "katas": [
            { "kata": "K01", "title": "One neuron", "passed": 3, "total": 3, "points": 100, "status": "done", "detail": "" },
            { "kata": "K02", "title": "Three-loop matmul", "passed": 0, "total": 4, "points": 0, "status": "not started", "detail": "" },
            { "kata": "K03", "title": "Elementwise", "passed": 0, "total": 2, "points": 0, "status": "not started", "detail": "" }
          ]
        }
        """;

    public const string Refused = """{ "refused": true, "reason": "tests differ from the manifest", "differences": ["changed: tests/Katas.Tests/K02/MatmulTests.cs"] }""";

    private static object Kata(string kata, string title, int passed, int total, double points, string status, params (string Name, string Outcome, string Message)[] tests) => new
    {
        kata, title, passed, total, points, status, detail = "",
        hidden = new { passed = 0, total = 0 },
        refused = Array.Empty<object>(),
        tests = tests.Select(t => new { name = t.Name, fullName = $"KataTests.{kata}.{t.Name}", outcome = t.Outcome, message = t.Message, hidden = false }),
    };

    public static string Write(string dir, string name, string text)
    {
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
