using System.Text;
using Kata;
using Kata.Commands;
using NUnit.Framework;
using Spectre.Console;

namespace RunnerTests;

/// <summary>The manifest of shipped files, and reset: stubs come back, the learner's work is kept in a backup.</summary>
public class ManifestAndResetTests
{
    private string _root = "";
    private Repository _repo = null!;
    private const string Stub = "namespace Katas.X;\npublic static class Neuron { public static float Output() => throw new NotImplementedException(\"Kata 01\"); }\n";

    [SetUp]
    public void CreateRepository()
    {
        _root = Path.Combine(Path.GetTempPath(), "kata-manifest-" + Guid.NewGuid().ToString("N")[..8]);
        Write("katas/K01_OneNeuron/README.md", "# K01 — One neuron\n\n## Hints\n\n1. Loop.\n");
        Write("katas/K01_OneNeuron/Neuron.cs", Stub);
        Write("katas/Katas.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        Write("tests/Katas.Tests/Katas.Tests.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        Write("tests/Katas.Tests/K01_OneNeuron/NeuronTests.cs", "// the shipped test\n");
        Write("Directory.Build.props", "<Project />\n");
        _repo = new Repository(_root);
        Manifest.Write(_repo);
        Git.CommitAll(_root);
    }

    [TearDown]
    public void DeleteRepository()
    {
        foreach (var file in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)) File.SetAttributes(file, FileAttributes.Normal);
        Directory.Delete(_root, recursive: true);
    }

    private void Write(string relative, string text)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Test]
    public void GitBlobId_IsWhatGitNamesTheContent() =>
        Assert.That(Manifest.GitBlobId(Encoding.UTF8.GetBytes("hello\n")), Is.EqualTo("ce013625030ba8dba906f756967f9e9ca394464a"));

    [Test]
    public void AFreshManifest_HasNoDifferences_AndIgnoresLineEndings()
    {
        Write("tests/Katas.Tests/K01_OneNeuron/NeuronTests.cs", "// the shipped test\r\n");
        Assert.That(Manifest.Differences(_repo, ManifestEntry.Test), Is.Empty);
        Assert.That(Manifest.Differences(_repo, ManifestEntry.Stub), Is.Empty);
    }

    [Test]
    public void Differences_NameChangedAddedAndMissingGuardedFiles_ButNotTheLearnersCode()
    {
        Write("tests/Katas.Tests/K01_OneNeuron/NeuronTests.cs", "// Assert.Pass();\n");
        Write("tests/Katas.Tests/K01_OneNeuron/Extra.cs", "// a new file in the tests\n");
        Write("katas/Directory.Build.targets", "<Project />\n");
        File.Delete(Path.Combine(_root, "Directory.Build.props"));
        Write("katas/K01_OneNeuron/Neuron.cs", "// the learner's solution\n");
        Assert.That(Manifest.Differences(_repo, ManifestEntry.Test), Is.EqualTo(new[]
        {
            "added: katas/Directory.Build.targets",
            "added: tests/Katas.Tests/K01_OneNeuron/Extra.cs",
            "changed: tests/Katas.Tests/K01_OneNeuron/NeuronTests.cs",
            "missing: Directory.Build.props",
        }));
        Assert.That(Manifest.Differences(_repo, ManifestEntry.Stub), Is.EqualTo(new[] { "changed: katas/K01_OneNeuron/Neuron.cs" }));
    }

    [Test]
    public void Reset_RestoresTheStubs_AfterBackingUpEveryFileOfTheLearner()
    {
        Write("katas/K01_OneNeuron/Neuron.cs", "// my work\n");
        Write("katas/K01_OneNeuron/Helper.cs", "// a file I added\n");
        int exit = ResetCommand.Run(_repo, Quiet(), "K01");
        Assert.That(exit, Is.Zero);
        Assert.That(File.ReadAllText(Path.Combine(_root, "katas/K01_OneNeuron/Neuron.cs")), Is.EqualTo(Stub));
        Assert.That(File.Exists(Path.Combine(_root, "katas/K01_OneNeuron/Helper.cs")), Is.False, "reset gives the folder exactly as shipped");
        var backups = Directory.GetDirectories(Path.Combine(_root, ".kata", "backup"));
        Assert.That(backups, Has.Length.EqualTo(1));
        string kept = Path.Combine(backups[0], "K01_OneNeuron");
        Assert.That(File.ReadAllText(Path.Combine(kept, "Neuron.cs")), Is.EqualTo("// my work\n"));
        Assert.That(File.ReadAllText(Path.Combine(kept, "Helper.cs")), Is.EqualTo("// a file I added\n"));
        Assert.That(File.Exists(Path.Combine(kept, "README.md")), Is.True);
    }

    [Test]
    public void Reset_WithoutAnyWayToFindTheStubs_ChangesNothing()
    {
        Directory.Delete(Path.Combine(_root, ".git"), recursive: true);
        Write("katas/K01_OneNeuron/Neuron.cs", "// my work\n");
        Assert.Throws<RunnerException>(() => ResetCommand.Run(_repo, Quiet(), "K01"));
        Assert.That(File.ReadAllText(Path.Combine(_root, "katas/K01_OneNeuron/Neuron.cs")), Is.EqualTo("// my work\n"));
    }

    internal static IAnsiConsole Quiet(StringWriter? writer = null) =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer ?? new StringWriter()), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
}
