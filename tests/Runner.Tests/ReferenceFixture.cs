using Kata;
using Kata.Grading;

namespace RunnerTests;

/// <summary>
/// A small instructor's reference (a git repository with core/, katas/ stubs, solutions/, tests with one hidden test
/// and a manifest) and a learner's submission made from its release, with one honest kata and three attacks:
/// K01 solved honestly; K02 off by one, with core/ edited so the tests' helper hides it; K03 reads the reference's
/// answer from solutions/ at run time; K04 left as a stub, its test weakened and the manifest re-recorded.
/// </summary>
internal static class ReferenceFixture
{
    public static (Repository Reference, string Commit) CreateReference()
    {
        string root = NewFolder("kata-reference");
        Write(root, "Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <Against Condition="'$(Against)' == ''">katas</Against>
              </PropertyGroup>
            </Project>
            """);
        Write(root, ".gitignore", "bin/\nobj/\n.kata/\n");
        Write(root, "core/Foundations/Foundations.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><AssemblyName>Foundations</AssemblyName></PropertyGroup></Project>""");
        // The given helper the tests read results through (the real substrate's ToArray plays this part).
        Write(root, "core/Foundations/Values.cs", "namespace Foundations;\n\npublic static class Values\n{\n    public static int Copy(int x) => x;\n}\n");
        foreach (string project in new[] { "katas/Katas.csproj", "solutions/Solutions.csproj" })
            Write(root, project, """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><AssemblyName>Katas</AssemblyName></PropertyGroup><ItemGroup><ProjectReference Include="../core/Foundations/Foundations.csproj" /></ItemGroup></Project>""");
        Write(root, "tests/Katas.Tests/Katas.Tests.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><CopyLocalLockFileAssemblies>true</CopyLocalLockFileAssemblies></PropertyGroup>
              <ItemGroup><PackageReference Include="NUnit" Version="{FixtureRepository.NUnitVersion()}" /></ItemGroup>
              <ItemGroup>
                <ProjectReference Include="../../core/Foundations/Foundations.csproj" />
                <ProjectReference Include="../../katas/Katas.csproj" Condition="'$(Against)' != 'solutions'" />
                <ProjectReference Include="../../solutions/Solutions.csproj" Condition="'$(Against)' == 'solutions'" />
              </ItemGroup>
            </Project>
            """);
        Kata(root, "K01_Adder", "Adder", "x + 1");
        Kata(root, "K02_Doubler", "Doubler", "2 * x");
        Kata(root, "K03_Reader", "Reader", "x + 3");
        Kata(root, "K04_Tripler", "Tripler", "3 * x");
        Write(root, "tests/Katas.Tests/Hidden/K01_Adder/AdderHiddenTests.cs", """
            using NUnit.Framework;
            using Katas.Adder;

            namespace KataTests.Hidden.K01_Adder;

            [Category("K01")]
            [Category("Hidden")]
            public class AdderHiddenTests
            {
                [Test]
                public void AddsOneToANegative() => Assert.That(Adder.Call(-5), Is.EqualTo(-4));
            }
            """);
        Write(root, "README.md", "# Reference\n\n<!-- instructor-only -->\n```bash\ndotnet test -p:Against=solutions\n```\n<!-- /instructor-only -->\n<!-- learner-only\n```bash\ndotnet test\n```\n-->\n");
        var repo = new Repository(root);
        Manifest.Write(repo);
        return (repo, GitCommand.CommitAll(root, "reference"));
    }

    /// <summary>The learner's repository: the reference's release, then the four katas as described above.</summary>
    public static Repository CreateSubmission(Repository reference)
    {
        string root = NewFolder("kata-submission");
        Release.Write(reference, root);
        GitCommand.CommitAll(root, "release");
        SetKata(root, "K01_Adder", "Adder", "public static int Call(int x) => x + 1;");
        SetKata(root, "K02_Doubler", "Doubler", "public static int Call(int x) => 2 * x + 1;");
        Write(root, "core/Foundations/Values.cs", "namespace Foundations;\n\npublic static class Values\n{\n    public static int Copy(int x) => x - 1;\n}\n");
        SetKata(root, "K03_Reader", "Reader", ReadsTheAnswer);
        string test = Path.Combine(root, "tests/Katas.Tests/K04_Tripler/TriplerTests.cs");
        File.WriteAllText(test, File.ReadAllText(test).Replace("Assert.That(Values.Copy(Tripler.Call(x)), Is.EqualTo(3 * x));", "Assert.Pass();"));
        var submission = new Repository(root);
        Manifest.Write(submission); // what `./kata verify --update-manifest` used to do for anyone
        return submission;
    }

    /// <summary>K03's attack: read the reference solution's constant from solutions/ beside the running tests.</summary>
    public const string ReadsTheAnswer = """
        public static int Call(int x)
            {
                string answer = System.IO.File.ReadAllText(System.IO.Path.Combine("solutions", "K03_Reader", "Reader.cs"));
                return x + int.Parse(System.Text.RegularExpressions.Regex.Match(answer, @"x \+ (\d+)").Groups[1].Value);
            }
        """;

    public static void SetKata(string root, string folder, string type, string member) =>
        Write(root, $"katas/{folder}/{type}.cs", $"namespace Katas.{folder[4..]};\n\npublic static class {type}\n{{\n    {member}\n}}\n");

    public static void Delete(string root)
    {
        if (!Directory.Exists(root)) return;
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)) File.SetAttributes(file, FileAttributes.Normal);
        try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static void Kata(string root, string folder, string type, string answer)
    {
        string number = folder[..3];
        Write(root, $"katas/{folder}/README.md", $"# {number} — {folder[4..]}\n\n## The idea\n\nArithmetic.\n\n## Hints\n\n1. `return {answer};`\n");
        SetKata(root, folder, type, $"public static int Call(int x) => throw new NotImplementedException(\"Kata {number[1..]}\");");
        Write(root, $"solutions/{folder}/{type}.cs", $"namespace Katas.{folder[4..]};\n\npublic static class {type}\n{{\n    public static int Call(int x) => {answer};\n}}\n");
        Write(root, $"tests/Katas.Tests/{folder}/{type}Tests.cs", $$"""
            using Foundations;
            using NUnit.Framework;
            using Katas.{{folder[4..]}};

            namespace KataTests.{{folder}};

            [Category("{{number}}")]
            public class {{type}}Tests
            {
                [TestCase(1)]
                [TestCase(4)]
                public void Call(int x)
                {
                    Assert.That(Values.Copy({{type}}.Call(x)), Is.EqualTo({{answer}}));
                }
            }
            """);
    }

    private static string NewFolder(string prefix)
    {
        string root = Path.Combine(Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        return root;
    }

    private static void Write(string root, string relative, string text)
    {
        string path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
