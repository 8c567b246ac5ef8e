using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Kata.Workers;

/// <summary>Turns NUnit's result XML into <see cref="TestOutcome"/>s: message, expected/actual and the file to open.</summary>
public static partial class NUnitResults
{
    public static IReadOnlyList<TestOutcome> Parse(string xml, Repository repo)
    {
        var doc = XDocument.Parse(xml);
        return doc.Descendants("test-case").Select(tc => Outcome(tc, repo)).ToList();
    }

    /// <summary>One &lt;test-case&gt; element as the worker forwards it, test by test.</summary>
    public static TestOutcome ParseTestCase(string xml, Repository repo) => Outcome(XElement.Parse(xml), repo);

    private static TestOutcome Outcome(XElement testCase, Repository repo)
    {
        string name = (string?)testCase.Attribute("name") ?? "?";
        string fullName = (string?)testCase.Attribute("fullname") ?? name;
        string result = (string?)testCase.Attribute("result") ?? "Failed";
        var failure = testCase.Element("failure") ?? testCase.Element("reason");
        string message = failure?.Element("message")?.Value.Trim() ?? "";
        string stack = failure?.Element("stack-trace")?.Value.Trim() ?? "";
        if (result == "Passed") return new TestOutcome(name, fullName, result);
        var (expected, actual) = ExpectedAndActual(message);
        string className = (string?)testCase.Attribute("classname") ?? "";
        string method = (string?)testCase.Attribute("methodname") ?? name;
        // The message may hold the stack of an exception the learner's code threw inside Assert.Throws.
        var (file, note) = WhereToLook(message + "\n" + stack, className, repo, method);
        return new TestOutcome(name, fullName, result, message, stack, expected, actual, file) { Inputs = InputsOf(message), OpenNote = note };
    }

    /// <summary>The operands TensorAssert prints under "inputs:" (up to "expected:"), with its hanging indent removed.</summary>
    public static string? InputsOf(string message)
    {
        var match = InputsPattern().Match(message);
        if (!match.Success) return null;
        var lines = match.Groups[1].Value.TrimEnd().Split('\n');
        const int hanging = 10; // "inputs:   " is as wide as "expected: "
        return string.Join('\n', lines.Select((l, i) => i == 0 ? l.Trim() : l.Length - l.TrimStart(' ').Length >= hanging ? l[hanging..].TrimEnd() : l.Trim()));
    }

    /// <summary>
    /// Where the learner should look, and why when it is not obvious: the learner's line the failure came from (a kata
    /// frame in the stack), else the declaration of the kata method the failing test line calls (a wrong answer never
    /// passes through the learner's code on its way to the assertion), else the file named after the test class.
    /// </summary>
    public static (string? File, string? Note) WhereToLook(string stackTrace, string className, Repository repo, string? testMethod = null)
    {
        foreach (Match frame in KataFramePattern().Matches(stackTrace))
        {
            string relative = "katas/" + frame.Groups[1].Value.Replace('\\', '/');
            if (File.Exists(Path.Combine(repo.Root, relative))) return ($"{relative}:{frame.Groups[2].Value}", null);
        }
        foreach (Match frame in TestFramePattern().Matches(stackTrace))
        {
            string kataFolder = frame.Groups[1].Value;
            string testFile = Path.Combine(repo.TestsDir, kataFolder, frame.Groups[2].Value);
            var found = MethodUnderTest.Find(repo, kataFolder, testFile, int.Parse(frame.Groups[3].Value));
            if (found != null) return ($"{found.File}:{found.Line}", $"{MethodUnderTest.Display(found)}, which this test calls");
        }
        // No test frame (a property test fails inside FsCheck): the kata method the whole test method calls.
        if (testMethod != null && TestClassPattern().Match(className) is { Success: true } testClass
            && MethodUnderTest.FindInTestMethod(repo, testClass.Groups[1].Value, testMethod) is { } called)
            return ($"{called.File}:{called.Line}", $"{MethodUnderTest.Display(called)}, which this test calls");
        return (FileToOpen("", className, repo), null);
    }

    /// <summary>
    /// NUnit writes "Expected: x / But was: y"; the katas' TensorAssert writes "expected: … / actual: …".
    /// Each value runs to the next label, so a multi-line tensor stays whole.
    /// </summary>
    public static (string? Expected, string? Actual) ExpectedAndActual(string message)
    {
        var expected = ExpectedPattern().Match(message);
        var actual = ActualPattern().Match(message);
        return (expected.Success ? Clean(expected.Groups[1].Value) : null, actual.Success ? Clean(actual.Groups[1].Value) : null);
    }

    /// <summary>
    /// Where the learner should look: the first frame of the stack in a kata file (katas/KNN_…/File.cs:line),
    /// else the kata file named after the test class (NeuronTests → Neuron.cs), else null.
    /// </summary>
    public static string? FileToOpen(string stackTrace, string className, Repository repo)
    {
        foreach (Match frame in KataFramePattern().Matches(stackTrace))
        {
            string relative = "katas/" + frame.Groups[1].Value.Replace('\\', '/');
            if (File.Exists(Path.Combine(repo.Root, relative))) return $"{relative}:{frame.Groups[2].Value}";
        }
        var testClass = TestClassPattern().Match(className);
        if (!testClass.Success) return null;
        string folder = testClass.Groups[1].Value, type = testClass.Groups[2].Value;
        string candidate = Path.Combine("katas", folder, type + ".cs");
        return File.Exists(Path.Combine(repo.Root, candidate)) ? candidate.Replace('\\', '/') : null;
    }

    /// <summary>Trims the value and drops a stack trace NUnit prints inside "&lt;System.SomeException: … at …&gt;".</summary>
    private static string Clean(string value)
    {
        value = value.Trim();
        int stack = value.IndexOf("\n   at ", StringComparison.Ordinal);
        if (stack < 0) stack = value.IndexOf("\n  at ", StringComparison.Ordinal);
        if (stack > 0) value = value[..stack].TrimEnd() + (value.StartsWith('<') ? ">" : "");
        return value.TrimEnd('.').Trim();
    }

    [GeneratedRegex(@"^\s*Expected:\s*(.*?)(?=^\s*(?:But was|actual):)", RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ExpectedPattern();

    [GeneratedRegex(@"^\s*(?:But was|actual):\s*(.*?)(?=\n\s*\n|\n\s*[A-Z][\w ]*:\s|\z)", RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ActualPattern();

    [GeneratedRegex(@"[/\\]katas[/\\](K\d\d_\w+[/\\][^:\n]+?\.cs):line (\d+)")]
    private static partial Regex KataFramePattern();

    [GeneratedRegex(@"[/\\]tests[/\\]Katas\.Tests[/\\](K\d\d_\w+)[/\\]([^:\n]+?\.cs):line (\d+)")]
    private static partial Regex TestFramePattern();

    [GeneratedRegex(@"^\s*inputs:\s*(.*?)(?=^\s*(?:Expected|actual):)", RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InputsPattern();

    [GeneratedRegex(@"\.(K\d\d_\w+)\.(\w+?)Tests$")]
    private static partial Regex TestClassPattern();
}
