using System.Text.RegularExpressions;
using Kata;
using Kata.Commands;
using Kata.Gradebook;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace RunnerTests.Gradebook;

/// <summary>
/// The class report opened in a real browser (headless Chromium): the heatmap's cells, a learner's row, the
/// most-failed test with its message and the hung test are on the rendered page; the screenshot is kept for CI at
/// out/ci/gradebook/class-report.png.
/// </summary>
public partial class ReportInBrowserTests
{
    [Test]
    public void TheReport_ShowsTheClassInChromium()
    {
        string chromium = Chromium.Require();
        string dir = Directory.CreateTempSubdirectory("gradebook-report-").FullName;
        try
        {
            string db = Path.Combine(dir, "class.db");
            var console = ManifestAndResetTests.Quiet();
            GradebookCommand.Add(console, db, "ada", [GradeFiles.Write(dir, "ada-1.json", GradeFiles.V1)], "2026-09-28T10:00:00Z");
            GradebookCommand.Add(console, db, "ada", [GradeFiles.Write(dir, "ada-2.json", GradeFiles.V2())], null);
            GradebookCommand.Add(console, db, "grace", [GradeFiles.Write(dir, "grace.json", GradeFiles.V2("2026-10-06T10:00:00Z"))], null);
            GradebookCommand.Add(console, db, "linus", [GradeFiles.Write(dir, "linus.json", GradeFiles.Refused)], "2026-10-06T11:00:00Z");
            string page = Path.Combine(dir, "class.html");
            Assert.That(GradebookCommand.Report(console, db, page, null), Is.Zero);
            SqliteConnection.ClearAllPools();

            string dom = Chromium.Run(chromium, page, "--dump-dom");
            string screenshot = Path.Combine(Artifacts(), "class-report.png");
            Chromium.Run(chromium, page, "--screenshot=" + screenshot);

            string grid = Section(dom, "heatmap");
            Assert.Multiple(() =>
            {
                Assert.That(Row(grid, "ada"), Does.StartWith("ada | 50 | ✓ | 50 | – |"), "ada's latest grade: K01 done, K02 half, K03 not started");
                Assert.That(Row(grid, "linus"), Does.StartWith("linus | R |").And.EndWith("all refused"), "a refused grade shows as R, with no score to plot");
                Assert.That(Regex.Matches(grid, "<tr>").Count, Is.EqualTo(1 + 3), "a header row and one row per learner");
                Assert.That(Section(dom, "katas"), Does.Contain("K01").And.Contain("One neuron"));
                Assert.That(Text(Section(dom, "failed")), Does.Contain("Matmul_ShapeRule — fails for 2 learners").And.Contain("Expected: [2, 3] But was: [3, 2]"));
                Assert.That(Text(Section(dom, "incidents")), Does.Contain("K02 Large timed out").And.Contain("linus").And.Contain("tests differ from the manifest"));
                Assert.That(dom, Does.Match("ready in [0-9]+ ms"), "the page's script ran");
                Assert.That(new FileInfo(screenshot).Length, Is.GreaterThan(10_000), "the screenshot has content");
            });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>out/ci/gradebook/ in the repository (CI keeps out/ci as artifacts).</summary>
    private static string Artifacts() => Directory.CreateDirectory(Path.Combine(Repository.Find(AppContext.BaseDirectory).Root, "out", "ci", "gradebook")).FullName;

    private static string Section(string dom, string id)
    {
        int start = dom.IndexOf($"<section id=\"{id}\">", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"the page has a section '{id}'");
        return dom[start..(dom.IndexOf("</section>", start, StringComparison.Ordinal) + 10)];
    }

    /// <summary>A heatmap row's cells as text, joined by " | ".</summary>
    private static string Row(string grid, string learner)
    {
        var row = RowPattern().Matches(grid).Select(m => m.Value).FirstOrDefault(r => r.StartsWith($"<tr><th>{learner}</th>", StringComparison.Ordinal));
        Assert.That(row, Is.Not.Null, $"a heatmap row for {learner}");
        return string.Join(" | ", CellPattern().Matches(row!).Select(c => Text(c.Groups[1].Value).Trim()));
    }

    private static string Text(string html) => System.Net.WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, "<title>.*?</title>", ""), "<[^>]+>", " ")).Replace("  ", " ");

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();
}
