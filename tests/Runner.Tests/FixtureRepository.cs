using System.Text.RegularExpressions;
using Kata;

namespace RunnerTests;

/// <summary>
/// A small repository laid out like the real one, built in a temporary folder, with five katas that each misbehave
/// in their own way: K01 is solved, K02 hangs, K03 overflows the stack, K04 calls Environment.Exit(0) (a "fake
/// success" that must not score), K05 is untouched stubs (and its test file is the one the tamper test edits).
/// </summary>
internal static partial class FixtureRepository
{
    public static Repository Create()
    {
        string root = Path.Combine(Path.GetTempPath(), "kata-fixture-" + Guid.NewGuid().ToString("N")[..8]);
        Write(root, "Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """);
        Write(root, "katas/Katas.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><AssemblyName>Katas</AssemblyName></PropertyGroup></Project>""");
        Write(root, "tests/Katas.Tests/Katas.Tests.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><CopyLocalLockFileAssemblies>true</CopyLocalLockFileAssemblies></PropertyGroup>
              <ItemGroup><PackageReference Include="NUnit" Version="{NUnitVersion()}" /></ItemGroup>
              <ItemGroup><ProjectReference Include="../../katas/Katas.csproj" /></ItemGroup>
            </Project>
            """);
        Kata(root, "K01_Solved", "Adder", "public static int Call(int x) => x + 1;");
        Kata(root, "K02_Hangs", "Spinner", "public static int Call(int x) { while (true) { Thread.SpinWait(100); } }");
        Kata(root, "K03_Overflows", "Recursion", "public static int Call(int x) => Call(x + 1) + 1;");
        Kata(root, "K04_Exits", "Quitter", "public static int Call(int x) { Environment.Exit(0); return x + 1; }");
        Kata(root, "K05_Tampered", "Doubler", "public static int Call(int x) => throw new NotImplementedException(\"Kata 05: add one\");");
        var repo = new Repository(root);
        Manifest.Write(repo);
        return repo;
    }

    public static void Delete(Repository repo)
    {
        try { Directory.Delete(repo.Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Every kata's two tests expect Call(x) == x + 1.</summary>
    private static void Kata(string root, string folder, string type, string body)
    {
        string number = folder[..3];
        Write(root, $"katas/{folder}/README.md", $"# {number} — {folder[4..]}\n\n## The idea\n\nAdd one.\n\n## Hints\n\n1. Add one to x.\n2. `return x + 1;`\n");
        Write(root, $"katas/{folder}/{type}.cs", $"namespace Katas.{folder[4..]};\n\npublic static class {type}\n{{\n    {body}\n}}\n");
        Write(root, $"tests/Katas.Tests/{folder}/{type}Tests.cs", $$"""
            using NUnit.Framework;
            using Katas.{{folder[4..]}};

            namespace KataTests.{{folder}};

            [Category("{{number}}")]
            public class {{type}}Tests
            {
                [Test]
                public void AddsOne() => Assert.That({{type}}.Call(1), Is.EqualTo(2));

                [Test]
                public void AddsOneToZero() => Assert.That({{type}}.Call(0), Is.EqualTo(1));
            }
            """);
    }

    private static void Write(string root, string relative, string text)
    {
        string path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>The NUnit version the real repository pins, so the fixture restores from the same package cache.</summary>
    internal static string NUnitVersion()
    {
        var real = Repository.Find(AppContext.BaseDirectory);
        string props = File.ReadAllText(Path.Combine(real.Root, "Directory.Packages.props"));
        return NUnitPattern().Match(props) is { Success: true } m ? m.Groups[1].Value : "4.3.2";
    }

    [GeneratedRegex("""Include="NUnit"\s+Version="([^"]+)" """)]
    private static partial Regex NUnitPattern();
}
