using Kata;
using static RunnerTests.FixtureRepository;

namespace RunnerTests;

/// <summary>
/// A small repository with a solutions/ twin and a mistake catalog, for <c>verify --mistakes</c> and recognition. Its one
/// kata, K02_ThreeLoopMatmul, multiplies float[,] matrices with three loops (no substrate, so it builds quickly); its
/// three visible tests are a small exact product, the identity and a non-square product, and one hidden test checks
/// that mismatched inner sizes throw. The catalog, made with git diff like the real ones:
/// 01 reads b along its rows (caught), 02 drops the inner-size check (only the hidden test sees it: escaped),
/// 03 forgets k++ (every test hangs: nothing readable). katas/ holds mistake 01, as a learner might write it.
/// </summary>
internal static class MistakesFixture
{
    public const string CaughtTitle = "b read along its rows, like a";
    public const string DotProductHint = "The innermost loop is a dot product over k, the dimension a and b share.";

    public static readonly (string Id, string Title, int Hint, string From, string To)[] Catalog =
    [
        ("01-b-rows", CaughtTitle, 2, "sum += a[i, k] * b[k, j];", "sum += a[i, k] * b[j, k];"),
        ("02-no-size-check", "No check that the inner sizes agree", 1, "if (ac != b.GetLength(0)) throw new ArgumentException($\"mat1 and mat2 shapes cannot be multiplied ({ar}x{ac} and {b.GetLength(0)}x{bc})\");", ""),
        ("03-k-never-grows", "The k loop never moves on", 2, "for (int k = 0; k < ac; k++)", "for (int k = 0; k < ac;)"),
    ];

    public const string Solution = """
        namespace Katas.ThreeLoopMatmul;

        public static class ThreeLoops
        {
            public static float[,] Multiply(float[,] a, float[,] b)
            {
                int ar = a.GetLength(0), ac = a.GetLength(1), bc = b.GetLength(1);
                if (ac != b.GetLength(0)) throw new ArgumentException($"mat1 and mat2 shapes cannot be multiplied ({ar}x{ac} and {b.GetLength(0)}x{bc})");
                var c = new float[ar, bc];
                for (int i = 0; i < ar; i++)
                    for (int j = 0; j < bc; j++)
                    {
                        float sum = 0;
                        for (int k = 0; k < ac; k++)
                            sum += a[i, k] * b[k, j];
                        c[i, j] = sum;
                    }
                return c;
            }
        }

        """;

    public static Repository Create()
    {
        string root = NewRoot("mistakes");
        WriteBuildProps(root, "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>", "<Against Condition=\"'$(Against)' == ''\">katas</Against>");
        Write(root, "katas/Katas.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><AssemblyName>Katas</AssemblyName><TreatWarningsAsErrors>false</TreatWarningsAsErrors></PropertyGroup></Project>""");
        Write(root, "solutions/Solutions.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><AssemblyName>Katas</AssemblyName></PropertyGroup></Project>""");
        WriteTestsProject(root,
            """<ProjectReference Include="../../katas/Katas.csproj" Condition="'$(Against)' != 'solutions'" />""",
            """<ProjectReference Include="../../solutions/Solutions.csproj" Condition="'$(Against)' == 'solutions'" />""");
        Write(root, "katas/K02_ThreeLoopMatmul/README.md", $"""
            # K02 — Three-loop matmul

            ## The idea

            c[i, j] is the dot product of row i of a and column j of b.

            ## Your task

            Write `ThreeLoops.Multiply`.

            ## Hints

            1. Write the shape of the answer first: ar × bc.
            2. {DotProductHint}

            ## Done when

            The tests pass.

            ## Going further

            Time it.

            """);
        Write(root, "katas/K02_ThreeLoopMatmul/ThreeLoops.cs", """
            namespace Katas.ThreeLoopMatmul;

            public static class ThreeLoops
            {
                public static float[,] Multiply(float[,] a, float[,] b) => throw new NotImplementedException("Kata 02: three loops");
            }

            """);
        Write(root, "solutions/K02_ThreeLoopMatmul/ThreeLoops.cs", Solution);
        Write(root, "tests/Katas.Tests/K02_ThreeLoopMatmul/ThreeLoopsTests.cs", """
            using NUnit.Framework;
            using Katas.ThreeLoopMatmul;

            namespace KataTests.K02_ThreeLoopMatmul;

            [Category("K02")]
            public class ThreeLoopsTests
            {
                [Test]
                public void SmallProduct_IsExact() =>
                    Assert.That(ThreeLoops.Multiply(new float[,] { { 1, 2 }, { 3, 4 } }, new float[,] { { 5, 6 }, { 7, 8 } }),
                        Is.EqualTo(new float[,] { { 19, 22 }, { 43, 50 } }), "[[1,2],[3,4]] @ [[5,6],[7,8]]");

                [Test]
                public void TheIdentity_ChangesNothing() =>
                    Assert.That(ThreeLoops.Multiply(new float[,] { { 1, 2 }, { 3, 4 } }, new float[,] { { 1, 0 }, { 0, 1 } }),
                        Is.EqualTo(new float[,] { { 1, 2 }, { 3, 4 } }), "a @ I == a");

                [Test]
                public void NonSquare_IsArByBc() =>
                    Assert.That(ThreeLoops.Multiply(new float[,] { { 1, 2, 3 } }, new float[,] { { 1, 0 }, { 0, 1 }, { 1, 1 } }),
                        Is.EqualTo(new float[,] { { 4, 5 } }), "[[1,2,3]] @ [[1,0],[0,1],[1,1]]");
            }

            """);
        Write(root, "tests/Katas.Tests/Hidden/K02_ThreeLoopMatmul/HiddenThreeLoopsTests.cs", """
            using NUnit.Framework;
            using Katas.ThreeLoopMatmul;

            namespace KataTests.Hidden.K02_ThreeLoopMatmul;

            [Category("K02")]
            [Category("Hidden")]
            public class HiddenThreeLoopsTests
            {
                [Test]
                public void MismatchedInnerSizes_Throw() =>
                    Assert.Throws<ArgumentException>(() => ThreeLoops.Multiply(new float[2, 3], new float[2, 3]));
            }

            """);
        Write(root, ".gitignore", ".kata/\nbin/\nobj/\n");
        Git.CommitAll(root);
        foreach (var (id, title, hint, from, to) in Catalog)
            WriteMistake(root, id, title, "A learner's belief.", hint, from, to);
        // The learner wrote mistake 01.
        Write(root, "katas/K02_ThreeLoopMatmul/ThreeLoops.cs", Solution.Replace(Catalog[0].From, Catalog[0].To));
        return new Repository(root);
    }

    /// <summary>A catalog entry made the documented way: edit the solution, git diff it under a header, put it back.</summary>
    public static void WriteMistake(string root, string id, string title, string misconception, int hint, string from, string to, string? header = null)
    {
        string file = Path.Combine(root, "solutions/K02_ThreeLoopMatmul/ThreeLoops.cs");
        if (!Solution.Contains(from)) throw new ArgumentException($"the solution has no '{from}'");
        File.WriteAllText(file, Solution.Replace(from, to));
        string diff = Git.Output(root, "diff", "--", "solutions/K02_ThreeLoopMatmul");
        File.WriteAllText(file, Solution);
        Write(root, $"solutions/K02_ThreeLoopMatmul/mistakes/{id}.patch", (header ?? $"Title: {title}\nMisconception: {misconception}\nHint: {hint}\n") + "\n" + diff);
    }
}
