using System.Text.Json;
using System.Xml.Linq;
using Kata;
using Kata.Grading;
using NUnit.Framework;

namespace RunnerTests;

/// <summary>grade.json v2, grade.md and junit.xml from results in memory: hidden tests are counted and named, never shown.</summary>
public class GradeReportV2Tests
{
    private static readonly KataInfo K01 = new("K01", "K01_OneNeuron", "One neuron", "/nowhere");

    private static GradeReport Report(GradedFrom? reference)
    {
        var tests = new List<TestOutcome>
        {
            new("Adds", "KataTests.K01_OneNeuron.NeuronTests.Adds", "Passed"),
            new("Skipped", "KataTests.K01_OneNeuron.NeuronTests.Skipped", "Skipped", "no OpenCL"),
            new("Secret", "KataTests.Hidden.K01_OneNeuron.NeuronHiddenTests.Secret", "Failed", "Expected: 3\n  But was: 2", "at KataTests.Hidden.K01_OneNeuron.NeuronHiddenTests.Secret() in /ref/tests/Katas.Tests/Hidden/K01_OneNeuron/NeuronHiddenTests.cs:line 12"),
        };
        return new GradeReport([new KataGrade(K01, KataResult.FromTests("K01", tests))], min: null) { Reference = reference, GradedAt = new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.Zero) };
    }

    [Test]
    public void Json_HasTheV2Fields_AndCountsTheHiddenTests()
    {
        using var json = JsonDocument.Parse(Report(new GradedFrom("/ref", new string('a', 40))).Json());
        var root = json.RootElement;
        var kata = root.GetProperty("katas")[0];
        var tests = kata.GetProperty("tests").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("schema").GetString(), Is.EqualTo("foundations-katas-grade/2"));
            Assert.That(root.GetProperty("gradedAt").GetString(), Is.EqualTo("2026-12-01T23:00:00Z"));
            Assert.That(root.GetProperty("reference").GetProperty("commit").GetString(), Is.EqualTo(new string('a', 40)));
            Assert.That(root.GetProperty("selfCheck").GetBoolean(), Is.False);
            Assert.That(kata.GetProperty("hidden").GetProperty("passed").GetInt32(), Is.Zero);
            Assert.That(kata.GetProperty("hidden").GetProperty("total").GetInt32(), Is.EqualTo(1));
            Assert.That(kata.GetProperty("refused").GetArrayLength(), Is.Zero);
            Assert.That(tests.Select(t => t.GetProperty("outcome").GetString()), Is.EqualTo(new[] { "Passed", "NotRun", "Failed" }));
            Assert.That(tests.Select(t => t.GetProperty("hidden").GetBoolean()), Is.EqualTo(new[] { false, false, true }));
            Assert.That(tests[2].GetProperty("message").GetString(), Is.EqualTo("Expected: 3"), "the first line of the failure");
        });
    }

    [Test]
    public void SelfCheck_SaysItIsNotAGrade_InJsonAndMarkdown()
    {
        var report = Report(reference: null);
        using var json = JsonDocument.Parse(report.Json());
        Assert.That(json.RootElement.GetProperty("selfCheck").GetBoolean(), Is.True);
        Assert.That(json.RootElement.GetProperty("reference").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(report.Markdown(), Does.Contain("self-check, not a grade").And.Contain("Self-check, not a grade"));
    }

    [Test]
    public void Markdown_CountsHiddenTests_AndJUnitShowsNoStackTraceOfOne()
    {
        var report = Report(new GradedFrom("/ref", new string('b', 40)));
        Assert.That(report.Markdown(), Does.Contain("| 0/1 |").And.Contain(new string('b', 40)));
        var hidden = XDocument.Parse(report.JUnit()).Descendants("testcase").Single(c => (string?)c.Attribute("name") == "Secret");
        Assert.That(hidden.Element("failure")!.Value, Does.Contain("Expected: 3").And.Not.Contain("NeuronHiddenTests.cs"));
    }
}
