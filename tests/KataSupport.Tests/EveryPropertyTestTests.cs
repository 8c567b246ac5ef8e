using System.Text.RegularExpressions;
using NUnit.Framework;

namespace KataSupport.Tests;

/// <summary>Every property in the kata tests goes through [PropertyTest], so every one fails the same readable way.</summary>
[TestFixture]
public class EveryPropertyTestTests
{
    [Test]
    public void NoKataTest_UsesFsCheckNUnitsOwnAttribute()
    {
        string tests = Path.Combine(RepositoryRoot(), "tests", "Katas.Tests");
        var offenders = Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(x => Regex.IsMatch(x.line, @"\[\s*(FsCheck\.NUnit\.)?Property\s*[\(\]]"))
            .Select(x => $"{Path.GetRelativePath(tests, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.That(offenders, Is.Empty,
            "use [PropertyTest(\"what must hold\", MaxTest = N)] (tests/Katas.Tests/Support) instead of FsCheck.NUnit's [Property]: " +
            "its failures print FsCheck's trace instead of the sentence, the shrunk case and the differing element");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Katas.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no Katas.sln above {TestContext.CurrentContext.TestDirectory}");
    }
}
