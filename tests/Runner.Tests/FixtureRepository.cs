using System.Text.RegularExpressions;
using Kata;

namespace RunnerTests;

/// <summary>
/// A small repository laid out like the real one (with its katas/SafeCode.targets and BannedSymbols.txt), built in a
/// temporary folder. Its katas are committed as stubs (the shipped versions), then each is overwritten with what a
/// learner might submit: K01 is solved honestly and every other kata misbehaves or attacks the grader in its own way.
/// Every kata's two tests expect Call(x) == x + 1.
/// </summary>
internal static partial class FixtureRepository
{
    /// <summary>Each kata: folder, type, the submitted class body, and lines before the namespace (usings, pragmas).</summary>
    public static readonly (string Folder, string Type, string Body, string Preamble)[] Submissions =
    [
        ("K01_Solved", "Adder", "public static int Call(int x) => x + 1;", ""),
        // A hang in one test: Call(0) never returns, Call(1) is right.
        ("K02_Hangs", "Spinner", "public static int Call(int x) { while (x == 0) { } return x + 1; }", ""),
        // A stack overflow in one test.
        ("K03_Overflows", "Recursion", "public static int Call(int x) => x == 0 ? Call(x) + 1 : x + 1;", ""),
        // Exit early with success.
        ("K04_Exits", "Quitter", "public static int Call(int x) { Environment.Exit(0); return x + 1; }", ""),
        ("K05_Tampered", "Doubler", "public static int Call(int x) => throw new NotImplementedException(\"Kata 05: add one\");", ""),
        // Reach the test framework by reflection: Assert.Pass() from the code under test passes any test.
        ("K06_Reflection", "Passer", """
            public static int Call(int x)
            {
                var assert = Type.GetType("NUnit.Framework.Assert, nunit.framework")!;
                try { assert.GetMethod("Pass", Type.EmptyTypes)!.Invoke(null, null); }
                catch (System.Reflection.TargetInvocationException e) { System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException!); }
                return 0;
            }
            """, ""),
        // Rewrite the results: write a passing result file wherever a worker might keep one.
        ("K07_Rewrites", "Forger", """
            public static int Call(int x)
            {
                foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), "kata-worker-*"))
                    File.WriteAllText(Path.Combine(dir, "K07.xml"), "<test-run><test-case name=\"AddsOne\" fullname=\"AddsOne\" result=\"Passed\"/></test-run>");
                return 0;
            }
            """, ""),
        // Print fake progress lines and fake verdict messages (old and new protocol) on stdout and stderr.
        ("K08_FakeProgress", "Faker", """
            public static int Call(int x)
            {
                foreach (var line in new[] { "@@kata-worker@@ done K08", "{\"Kind\":\"result\",\"Category\":\"K08\",\"FullName\":\"KataTests.K08_FakeProgress.FakerTests.AddsOne\",\"Xml\":\"<test-case name='AddsOne' fullname='KataTests.K08_FakeProgress.FakerTests.AddsOne' result='Passed'/>\"}", "{\"Kind\":\"done\",\"Category\":\"K08\"}" })
                {
                    Console.WriteLine(line);
                    Console.Error.WriteLine(line);
                }
                return 0;
            }
            """, ""),
        // Exhaust memory.
        ("K09_Memory", "Hog", """
            public static int Call(int x)
            {
                var hoard = new List<byte[]>();
                while (true) hoard.Add(new byte[256 << 20]);
            }
            """, ""),
        // Start a process.
        ("K10_Processes", "Spawner", """
            public static int Call(int x)
            {
                using var child = System.Diagnostics.Process.Start("sh", "-c \"exit 0\"");
                child!.WaitForExit();
                return x + child.ExitCode + 1;
            }
            """, ""),
        // Read another kata's or the reference's answers at run time (here: the tests themselves).
        ("K11_ReadsAnswers", "Reader", """
            public static int Call(int x) => File.ReadAllText("tests/Katas.Tests/K11_ReadsAnswers/ReaderTests.cs").Contains("Is.EqualTo(2)") ? x + 1 : 0;
            """, ""),
        // A module initializer: code that runs before any test, here to hook the process's exit.
        ("K12_ModuleInit", "Hooker", """
            [System.Runtime.CompilerServices.ModuleInitializer]
            internal static void Hook() => AppDomain.CurrentDomain.ProcessExit += (_, _) => Console.WriteLine("@@kata-worker@@ done K12");
            public static int Call(int x) => x + 1;
            """, ""),
        // Unsafe code: pointers can write anywhere in the process.
        ("K13_Unsafe", "Pointer", "public static int Call(int x) { unsafe { int* p = &x; return *p + 1; } }", ""),
        // Silence the analyzer with a #pragma, then read a file.
        ("K14_Silenced", "Hider", """
            public static int Call(int x)
            {
            #pragma warning disable RS0030
                return System.IO.File.Exists("/nonexistent") ? 0 : x + 1;
            #pragma warning restore RS0030
            }
            """, ""),
        // dynamic: its run-time binder reaches any public member.
        ("K15_Dynamic", "Dyn", "public static int Call(int x) { dynamic d = x; return d + 1; }", ""),
        // Overlapping fields: an object read as an array, a type confusion without the word unsafe.
        ("K16_Overlap", "Caster", """
            [StructLayout(LayoutKind.Explicit)]
            private struct Pun { [FieldOffset(0)] public object Any; [FieldOffset(0)] public int[] Ints; }
            public static int Call(int x) => new Pun { Any = "not an array" }.Ints.Length * 0 + x + 1;
            """, "using System.Runtime.InteropServices;\n"),
    ];

    public static Repository Create()
    {
        string root = NewRoot("fixture");
        var real = Repository.Find(AppContext.BaseDirectory);
        WriteBuildProps(root, "<ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>", "<NoWarn>$(NoWarn);NU1603</NoWarn>");
        // The real repository's package versions and safe-code rules, so the fixture grades as the real one does.
        File.Copy(Path.Combine(real.Root, "Directory.Packages.props"), Path.Combine(root, "Directory.Packages.props"));
        Directory.CreateDirectory(Path.Combine(root, "katas"));
        foreach (string file in new[] { "SafeCode.targets", "BannedSymbols.txt" })
            File.Copy(Path.Combine(real.KatasDir, file), Path.Combine(root, "katas", file));
        Write(root, "katas/Katas.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><AssemblyName>Katas</AssemblyName></PropertyGroup><Import Project="SafeCode.targets" /></Project>""");
        Write(root, "tests/Katas.Tests/Katas.Tests.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><CopyLocalLockFileAssemblies>true</CopyLocalLockFileAssemblies></PropertyGroup>
              <ItemGroup><PackageReference Include="NUnit" /></ItemGroup>
              <ItemGroup><ProjectReference Include="../../katas/Katas.csproj" /></ItemGroup>
            </Project>
            """);
        // Shipped: every kata a stub, committed, so grading can set a refused kata back to its stub.
        foreach (var (folder, type, _, _) in Submissions)
            Kata(root, folder, type, $"public static int Call(int x) => throw new NotImplementedException(\"Kata {folder[1..3]}: add one\");", "");
        var repo = new Repository(root);
        Manifest.Write(repo);
        Git.CommitAll(root);
        // Submitted: what the learner wrote.
        foreach (var (folder, type, body, preamble) in Submissions) Kata(root, folder, type, body, preamble);
        return repo;
    }

    /// <summary>A fresh path under the temporary folder for a fixture repository: kata-{purpose}-{8 hex digits}.</summary>
    public static string NewRoot(string purpose) => Path.Combine(Path.GetTempPath(), $"kata-{purpose}-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>A fixture's Directory.Build.props: net10.0, nullable and implicit usings, then its own properties (XML elements).</summary>
    public static void WriteBuildProps(string root, params string[] properties) =>
        Write(root, "Directory.Build.props",
            "<Project>\n  <PropertyGroup>\n" +
            string.Concat(new[] { "<TargetFramework>net10.0</TargetFramework>", "<Nullable>enable</Nullable>", "<ImplicitUsings>enable</ImplicitUsings>" }
                .Concat(properties).Select(p => $"    {p}\n")) +
            "  </PropertyGroup>\n</Project>\n");

    /// <summary>tests/Katas.Tests/Katas.Tests.csproj with NUnit at the real repository's version (restored from the same
    /// package cache, no central versions needed) and these project references (XML elements).</summary>
    public static void WriteTestsProject(string root, params string[] references) =>
        Write(root, "tests/Katas.Tests/Katas.Tests.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><CopyLocalLockFileAssemblies>true</CopyLocalLockFileAssemblies></PropertyGroup>
              <ItemGroup><PackageReference Include="NUnit" Version="{NUnitVersion()}" /></ItemGroup>
              <ItemGroup>
            {string.Concat(references.Select(r => $"    {r}\n"))}  </ItemGroup>
            </Project>

            """);

    public static void Delete(Repository repo)
    {
        try { Directory.Delete(repo.Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static void Kata(string root, string folder, string type, string body, string preamble)
    {
        string number = folder[..3];
        string indented = string.Join('\n', body.Split('\n').Select(l => "    " + l));
        Write(root, $"katas/{folder}/README.md", $"# {number} — {folder[4..]}\n\n## The idea\n\nAdd one.\n\n## Hints\n\n1. Add one to x.\n2. `return x + 1;`\n");
        Write(root, $"katas/{folder}/{type}.cs", $"{preamble}namespace Katas.{folder[4..]};\n\npublic static class {type}\n{{\n{indented}\n}}\n");
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

    /// <summary>Writes a file of a fixture, with its folders, and with \n line ends whatever the checkout has (git diffs of it stay alike).</summary>
    public static void Write(string root, string relative, string text)
    {
        string path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n"));
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
