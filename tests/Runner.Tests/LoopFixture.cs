using System.Diagnostics;
using Kata;

namespace RunnerTests;

/// <summary>
/// A small repository for the learner-loop tests, in a temporary folder, built like the real one: warnings are errors
/// everywhere (Directory.Build.props) except in katas/, as in the real katas/Katas.csproj. K01 compiles with a warning
/// and gives a wrong answer; K02 throws from the learner's own line 7; K03 is a stub with a long hint.
/// </summary>
internal static class LoopFixture
{
    public const string LongHint = "Read the whole sentence in one line: a hint is never split at eighty columns when the output goes to a file or a pipe, because the terminal is not there to wrap it.";

    public static Repository Create()
    {
        string root = Path.Combine(Path.GetTempPath(), "kata-loop-" + Guid.NewGuid().ToString("N")[..8]);
        Write(root, "Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
            </Project>
            """);
        Write(root, "katas/Katas.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><AssemblyName>Katas</AssemblyName><TreatWarningsAsErrors>false</TreatWarningsAsErrors></PropertyGroup>
            </Project>
            """);
        Write(root, "tests/Katas.Tests/Katas.Tests.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><CopyLocalLockFileAssemblies>true</CopyLocalLockFileAssemblies></PropertyGroup>
              <ItemGroup><PackageReference Include="NUnit" Version="{FixtureRepository.NUnitVersion()}" /></ItemGroup>
              <ItemGroup><ProjectReference Include="../../katas/Katas.csproj" /></ItemGroup>
            </Project>
            """);
        // Line 5 declares Call; "int unused;" is CS0168, a warning.
        Kata(root, "K01_Warned", "Adder", """
            namespace Katas.Warned;

            public static class Adder
            {
                public static int Call(int x)
                {
                    int unused;
                    return x + 2;
                }
            }
            """, "Read the lesson.");
        // Line 8 is where Call(1) reads past the end of the array.
        Kata(root, "K02_Throws", "Lookup", """
            namespace Katas.Throws;

            public static class Lookup
            {
                public static int Call(int x)
                {
                    var values = new int[1];
                    return values[x] + 1;
                }
            }
            """, "Mind the length.");
        Kata(root, "K03_Stub", "Stub", """
            namespace Katas.Stub;

            public static class Stub
            {
                public static int Call(int x) => throw new NotImplementedException("Kata 03: add one");
            }
            """, LongHint);
        return new Repository(root);
    }

    /// <summary>Each kata's two tests: Call(0) == 1 and Call(1) == 2.</summary>
    private static void Kata(string root, string folder, string type, string source, string hint)
    {
        string number = folder[..3];
        Write(root, $"katas/{folder}/README.md", $"# {number} — {folder[4..]}\n\n## The idea\n\nAdd one.\n\n## Hints\n\n1. {hint}\n2. `return x + 1;`\n");
        Write(root, $"katas/{folder}/{type}.cs", source + "\n");
        Write(root, $"tests/Katas.Tests/{folder}/{type}Tests.cs", $$"""
            using NUnit.Framework;
            using Katas.{{folder[4..]}};

            namespace KataTests.{{folder}};

            [Category("{{number}}")]
            public class {{type}}Tests
            {
                [Test]
                public void AddsOneToZero() => Assert.That({{type}}.Call(0), Is.EqualTo(1));

                [Test]
                public void AddsOne()
                {
                    int result = {{type}}.Call(1);
                    Assert.That(result, Is.EqualTo(2));
                }
            }
            """);
    }

    public static void Delete(Repository repo)
    {
        try { Directory.Delete(repo.Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public static void Write(string root, string relative, string text)
    {
        string path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>The runner as the tests built it (kata.dll beside this assembly).</summary>
    public static string RunnerDll => typeof(Cli).Assembly.Location;

    /// <summary>Runs a program with redirected output (so never a terminal), returning exit code, stdout and stderr.</summary>
    public static (int Exit, string Out, string Err) Run(string file, IEnumerable<string> args, string workingDirectory, IDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        foreach (string arg in args) info.ArgumentList.Add(arg);
        info.Environment.Remove("KATA_ROOT");
        info.Environment.Remove("NO_COLOR");
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
            if (value == null) info.Environment.Remove(key); else info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var err = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000)) { process.Kill(entireProcessTree: true); throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 120 s"); }
        return (process.ExitCode, output, err.Result);
    }
}
