using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Kata.Grading;

namespace Kata.Grading;

/// <summary>
/// The grade in three forms: <c>grade.md</c> (a table for a CI job summary), <c>grade.json</c> (per kata: passed,
/// total, points, status) and <c>junit.xml</c> (one test suite per kata, for CI test views).
/// The score is the mean of the katas' points, 0 to 100.
/// </summary>
public sealed class GradeReport(IReadOnlyList<KataGrade> katas, double? min)
{
    public const string Schema = "foundations-katas-grade/2";

    /// <summary>The reference the tests came from; null for a self-check of the repository's own tests.</summary>
    public GradedFrom? Reference { get; init; }
    public DateTimeOffset GradedAt { get; init; } = DateTimeOffset.UtcNow;
    public bool SelfCheck => Reference == null;

    /// <summary>What the terminal and grade.md say when no reference was given.</summary>
    public const string SelfCheckWarning =
        "Self-check, not a grade: these are this repository's own tests, which its owner can edit. " +
        "A grade comes from the instructor's reference: ./kata grade --reference <path-or-git-url>@<commit>.";

    public double Score => katas.Count == 0 ? 0 : Math.Round(katas.Average(k => k.Points), 1);
    public bool BelowMin => min is { } m && Score < m;

    public void WriteAll(string dir)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "grade.md"), Markdown());
        File.WriteAllText(Path.Combine(dir, "grade.json"), Json());
        File.WriteAllText(Path.Combine(dir, "junit.xml"), JUnit());
    }

    public string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"## Foundations Katas — score {Score:0.#} / 100{(SelfCheck ? " (self-check, not a grade)" : "")}");
        md.AppendLine();
        md.AppendLine(Reference is { } r
            ? $"Graded with the tests of the reference `{r.Source}` at commit `{r.Commit}`; only the kata sources (`katas/KNN_*/**/*.cs`) of the submission were used."
            : $"> **Warning** — {SelfCheckWarning}");
        md.AppendLine();
        md.AppendLine("| Kata | Tests passed | Points | Status | Hidden tests passed |");
        md.AppendLine("|---|---:|---:|---|---:|");
        foreach (var k in katas)
        {
            string tests = k.Result.Total > 0 ? $"{k.Result.Passed}/{k.Result.Total}" : "–";
            var (hiddenPassed, hiddenTotal) = Hidden(k.Result);
            string hidden = hiddenTotal > 0 ? $"{hiddenPassed}/{hiddenTotal}" : "–";
            string icon = k.Result.State switch { KataState.Done => "✅", KataState.InProgress => "🟡", KataState.NotStarted => "⚪", _ => "❌" };
            md.AppendLine(CultureInfo.InvariantCulture, $"| {k.Kata.Label} | {tests} | {k.Points:0.#} | {icon} {k.Status} | {hidden} |");
        }
        var notes = katas.Where(k => k.Result.Detail.Length > 0 && k.Result.State != KataState.Blocked).ToList();
        if (notes.Count > 0)
        {
            md.AppendLine();
            foreach (var k in notes) md.AppendLine(CultureInfo.InvariantCulture, $"- **{k.Kata.Number}**: {k.Result.Detail.Split('\n')[0]}");
        }
        md.AppendLine();
        md.AppendLine("Each kata is worth 100 points × the share of its tests that pass; the score is the mean over the katas." +
                      (min is { } m ? string.Create(CultureInfo.InvariantCulture, $" Minimum to pass: {m:0.#} — {(BelowMin ? "**not reached**" : "reached")}.") : ""));
        return md.ToString();
    }

    public string Json() => JsonSerializer.Serialize(new
    {
        schema = Schema,
        gradedAt = GradedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        reference = Reference is { } r ? new { source = r.Source, commit = r.Commit } : null,
        selfCheck = SelfCheck,
        score = Score,
        max = 100,
        min,
        passed = !BelowMin,
        katas = katas.Select(k => new
        {
            kata = k.Kata.Number,
            title = k.Kata.Title,
            passed = k.Result.Passed,
            total = k.Result.Total,
            points = k.Points,
            status = k.Status,
            detail = k.Result.Detail,
            hidden = new { passed = Hidden(k.Result).Passed, total = Hidden(k.Result).Total },
            refused = k.Result.Refused.Select(r => new { rule = r.Rule, file = r.File, line = r.Line, message = r.Message }),
            tests = k.Result.Tests.Select(t => new
            {
                name = t.Name,
                fullName = t.FullName,
                outcome = t.Outcome,
                message = t.Passed ? "" : t.Message.Split('\n')[0].Trim(),
                hidden = HiddenTests.IsHidden(t),
            }),
        }),
    }, new JsonSerializerOptions { WriteIndented = true });

    /// <summary>How many of a kata's hidden tests ran and passed.</summary>
    public static (int Passed, int Total) Hidden(KataResult result)
    {
        var hidden = result.Tests.Where(HiddenTests.IsHidden).ToList();
        return (hidden.Count(t => t.Passed), hidden.Count);
    }

    /// <summary>grade.json's outcome: Passed, Failed, TimedOut, Crashed or NotRun (skipped, inconclusive…).</summary>
    private static string Outcome(TestOutcome test) =>
        test.Result is "Passed" or "Failed" or "TimedOut" or "Crashed" ? test.Result : "NotRun";

    public string JUnit()
    {
        var suites = new XElement("testsuites", new XAttribute("name", "Foundations Katas"));
        foreach (var k in katas)
        {
            var suite = new XElement("testsuite", new XAttribute("name", k.Kata.Label));
            var cases = k.Result.Tests.Count > 0
                ? k.Result.Tests.Select(TestCase)
                : [new XElement("testcase", new XAttribute("classname", k.Kata.Number), new XAttribute("name", $"{k.Kata.Number} (all tests)"),
                    new XElement("error", new XAttribute("message", k.Status), k.Result.Detail))];
            suite.Add(cases);
            int tests = suite.Elements("testcase").Count();
            int failures = suite.Elements("testcase").Count(c => c.Element("failure") != null);
            int errors = suite.Elements("testcase").Count(c => c.Element("error") != null);
            suite.Add(new XAttribute("tests", tests), new XAttribute("failures", failures), new XAttribute("errors", errors));
            suites.Add(suite);
        }
        suites.Add(new XAttribute("tests", suites.Descendants("testcase").Count()),
                   new XAttribute("failures", suites.Descendants("failure").Count()),
                   new XAttribute("errors", suites.Descendants("error").Count()));
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), suites);
        return document.Declaration + Environment.NewLine + document;
    }

    private static XElement TestCase(TestOutcome test)
    {
        int dot = test.FullName.LastIndexOf('.', Math.Max(0, test.FullName.IndexOf('(') is var p && p > 0 ? p : test.FullName.Length - 1));
        var element = new XElement("testcase", new XAttribute("classname", dot > 0 ? test.FullName[..dot] : ""), new XAttribute("name", test.Name));
        // A test that never finished (hung, crashed, not run) is an error, not a failed assertion.
        string kind = test.Outcome is TestOutcome.TimedOut or TestOutcome.Crashed or TestOutcome.NotRun ? "error" : "failure";
        // A hidden test's stack trace would show where its code is; its message is enough to act on.
        string body = HiddenTests.IsHidden(test) ? test.Message : test.Message + "\n" + test.StackTrace;
        if (!test.Passed) element.Add(new XElement(kind, new XAttribute("message", test.Message.Split('\n')[0]), new XAttribute("type", test.Outcome), body));
        return element;
    }
}
