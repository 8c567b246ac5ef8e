using Kata;
using Kata.Commands;
using NUnit.Framework;

namespace RunnerTests;

/// <summary>verify's layout rule for solutions: every stub has an implemented twin; extra helper files are allowed.</summary>
public class LayoutTests
{
    private const string Readme =
        "# K01 — One neuron\n\n## The idea\n\nx\n\n## Your task\n\nx\n\n## Hints\n\n1. Loop.\n\n## Done when\n\nx\n\n## Going further\n\nx\n";

    private string _root = "";

    [SetUp]
    public void CreateRepository()
    {
        _root = Path.Combine(Path.GetTempPath(), "kata-layout-" + Guid.NewGuid().ToString("N")[..8]);
        Write("katas/K01_OneNeuron/README.md", Readme);
        Write("katas/K01_OneNeuron/Neuron.cs", "// stub\n");
        Write("katas/K01_OneNeuron/DenseLayer.cs", "// stub\n");
        Write("tests/Katas.Tests/K01_OneNeuron/NeuronTests.cs", "// test\n");
    }

    [TearDown]
    public void DeleteRepository() => Directory.Delete(_root, recursive: true);

    [Test]
    public void A_solution_may_add_helper_files_of_its_own()
    {
        Write("solutions/K01_OneNeuron/Neuron.cs", "// solved\n");
        Write("solutions/K01_OneNeuron/DenseLayer.cs", "// solved\n");
        Write("solutions/K01_OneNeuron/DotProduct.cs", "// a helper the stubs do not have\n");

        Assert.That(VerifyCommand.Layout(new Repository(_root)), Is.Empty);
    }

    [Test]
    public void A_stub_without_an_implemented_twin_is_reported_by_name()
    {
        Write("solutions/K01_OneNeuron/Neuron.cs", "// solved\n");

        var problems = VerifyCommand.Layout(new Repository(_root)).ToList();

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.Contain("DenseLayer.cs").And.Contain("solutions/K01_OneNeuron"));
    }

    private void Write(string relative, string text)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
