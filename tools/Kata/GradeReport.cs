using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace Kata;

/// <summary>
/// The grade in three forms: <c>grade.md</c> (a table for a CI job summary), <c>grade.json</c> (per kata: passed,
/// total, points, status) and <c>junit.xml</c> (one test suite per kata, for CI test views).
/// The score is the mean of the katas' points, 0 to 100.
/// </summary>
public sealed class GradeReport(IReadOnlyList<KataGrade> katas, double? min)
{
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
        md.AppendLine(CultureInfo.InvariantCulture, $"## Foundations Katas — score {Score:0.#} / 100");
        md.AppendLine();
        md.AppendLine("| Kata | Tests passed | Points | Status |");
        md.AppendLine("|---|---:|---:|---|");
        foreach (var k in katas)
        {
            string tests = k.Result.Total > 0 ? $"{k.Result.Passed}/{k.Result.Total}" : "–";
            string icon = k.Result.State switch { KataState.Done => "✅", KataState.InProgress => "🟡", KataState.NotStarted => "⚪", _ => "❌" };
            md.AppendLine(CultureInfo.InvariantCulture, $"| {k.Kata.Label} | {tests} | {k.Points:0.#} | {icon} {k.Status} |");
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
            refused = k.Result.Refused.Select(r => new { rule = r.Rule, file = r.File, line = r.Line, message = r.Message }),
        }),
    }, new JsonSerializerOptions { WriteIndented = true });

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
        if (!test.Passed) element.Add(new XElement(kind, new XAttribute("message", test.Message.Split('\n')[0]), new XAttribute("type", test.Outcome), test.Message + "\n" + test.StackTrace));
        return element;
    }
}
