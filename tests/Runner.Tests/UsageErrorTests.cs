using Kata;
using Kata.Grading;
using NUnit.Framework;

namespace RunnerTests;

/// <summary>Bad grade options stop with a usage error (exit 2, not 1 "below the minimum") before anything is built.</summary>
public class UsageErrorTests
{
    [TestCase("--min", "abc", "--min 'abc' is not a number")]
    [TestCase("--min", "150", "--min 150 is out of range")]
    [TestCase("--min", "-1", "--min -1 is out of range")]
    [TestCase("--timeout", "-5", "--timeout -5 is not a time limit")]
    [TestCase("--timeout", "0", "--timeout 0 is not a time limit")]
    [TestCase("--timeout", "x", "--timeout 'x' is not a whole number")]
    [TestCase("--reference", "../reference", "names no commit")]
    [TestCase("--reference", "git@github.com:org/reference.git", "names no commit")]
    [TestCase("--reference", "/no/such/reference@abc123", "neither a folder nor a git URL")]
    [TestCase("--submission", "/no/such/learner", "there is no folder /no/such/learner/katas")]
    public void GradeRejectsABadValue_WithExitCode2(string option, string value, string message)
    {
        string reports = Path.Combine(Path.GetTempPath(), "kata-usage-" + Guid.NewGuid().ToString("N")[..8]);
        var (exit, output) = Run(["grade", "--report", reports, option, value]);
        Assert.That(exit, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain(message));
        Assert.That(Directory.Exists(reports), Is.False, "nothing was graded or written");
    }

    [Test]
    public void AReferenceCommitThatDoesNotExist_IsAUsageError()
    {
        string root = Path.Combine(Path.GetTempPath(), "kata-usage-ref-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        try
        {
            File.WriteAllText(Path.Combine(root, "README.md"), "reference\n");
            GitCommand.CommitAll(root, "reference");
            var error = Assert.Throws<RunnerException>(() => ReferenceSource.Parse(root + "@0123456789abcdef0123456789abcdef01234567").Resolve(Path.GetTempPath()));
            Assert.That(error!.ExitCode, Is.EqualTo(2));
            Assert.That(error.Message, Does.Contain("has no commit '0123456789abcdef0123456789abcdef01234567'"));
            Assert.That(ReferenceSource.Parse(root + "@HEAD").Resolve(Path.GetTempPath()).Commit, Has.Length.EqualTo(40), "HEAD or a branch resolves to its commit");
        }
        finally
        {
            ReferenceFixture.Delete(root);
        }
    }

    [Test]
    public void AMalformedOptionOfAnyVerb_IsAUsageError() =>
        Assert.That(Run(["status", "--no-such-option"]).Exit, Is.EqualTo(2));

    [TestCase("https://github.com/org/reference.git@main", true)]
    [TestCase("git@github.com:org/reference.git@3f2c1e0", true)]
    public void GitUrls_AreRecognised(string text, bool isUrl)
    {
        var reference = ReferenceSource.Parse(text);
        Assert.That(reference.IsUrl, Is.EqualTo(isUrl));
        Assert.That(text, Does.StartWith(reference.Source).And.EndWith("@" + reference.Revision));
    }

    /// <summary>A console into a writer, wide enough that no message wraps.</summary>
    internal static Spectre.Console.IAnsiConsole Wide(StringWriter output)
    {
        var console = ManifestAndResetTests.Quiet(output);
        console.Profile.Width = 1000;
        return console;
    }

    [Test]
    public void AToken_InAReferenceUrl_IsNotShownInReports() =>
        Assert.That(ReferenceSource.Parse("https://x-access-token:ghp_secret@github.com/org/reference.git@abc123").Display,
            Is.EqualTo("https://github.com/org/reference.git"));

    /// <summary>Runs the command line with its output and its errors (where usage errors go) in one text.</summary>
    private static (int Exit, string Output) Run(string[] args)
    {
        var output = new StringWriter();
        return (Cli.Run(args, output, output, isTerminal: false), output.ToString());
    }
}
