using Kata;
using Kata.Gradebook;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace RunnerTests.Gradebook;

/// <summary>
/// <c>gradebook collect</c> on a class of three learner repositories made from this repository's stubs and solutions
/// (the first four katas; none, one and three of them solved), listed with a fourth that cannot be cloned: the three are graded by a child
/// <c>kata grade</c> each (self-check: grade-ref's --reference is not used here), the fourth is reported and recorded,
/// and the gradebook shows each learner at their stage. Slow by nature: one full build per clone.
/// </summary>
[NonParallelizable]
public class CollectTests
{
    /// <summary>Each clone holds the first four katas only (with their tests): grading builds each clone, and a build is slow.</summary>
    private const int KatasInAClone = 4;
    private static readonly string[] Copied =
        ["core", "katas/Katas.csproj", "katas/SafeCode.targets", "katas/BannedSymbols.txt", "tests/Katas.Tests/Katas.Tests.csproj", "tests/Katas.Tests/Support", "Directory.Build.props", "Directory.Packages.props", "global.json"];

    [Test]
    public void Collect_GradesEachCloneAtItsStage_AndGoesOnPastOneThatCannotBeCloned()
    {
        var real = Repository.Find(AppContext.BaseDirectory);
        string work = Directory.CreateTempSubdirectory("gradebook-collect-").FullName;
        try
        {
            string early = Learner(real, work, "early", 0), middle = Learner(real, work, "middle", 1), late = Learner(real, work, "late", 3);
            string list = Path.Combine(work, "class.txt");
            File.WriteAllLines(list, [
                "# student  repository",
                $"early  {new Uri(early).AbsoluteUri}",   // a URL: collect clones it
                $"middle {middle}",
                $"late   {late}",
                $"ghost  {new Uri(Path.Combine(work, "no-such-repo.git")).AbsoluteUri}",
            ]);
            string db = Path.Combine(work, "class.db");
            var output = new StringWriter();
            var collector = new ClassCollector(ManifestAndResetTests.Quiet(output), db, Path.Combine(work, "collect"), RunnerCommand.ThisRunner())
            {
                KataTimeoutSeconds = 60,
                RepositoryTimeout = TimeSpan.FromMinutes(10),
            };

            var results = collector.Collect(ClassCollector.ReadSubmissions(list)).ToDictionary(r => r.Submission.Student);

            Assert.That(results.Values.Select(r => (r.Submission.Student, r.Graded)), Is.EqualTo(new[] { ("early", true), ("middle", true), ("late", true), ("ghost", false) }), output.ToString());
            Assert.That(results["ghost"].Summary, Does.StartWith("could not clone"));
            Assert.That(output.ToString(), Does.Contain("[4/4] grading ghost"));
            using var store = GradebookStore.Open(db);
            var view = ClassView.Load(store);
            var done = view.Learners.Where(l => !l.Last.Refused).ToDictionary(l => l.Login, l => string.Join(",", l.Latest.Where(c => c.Value.Done).Select(c => c.Key).Order()));
            Assert.Multiple(() =>
            {
                Assert.That(done, Is.EqualTo(new Dictionary<string, string> { ["early"] = "", ["middle"] = "K01", ["late"] = "K01,K02,K03" }));
                Assert.That(view.Learners.Single(l => l.Login == "late").Latest["K04"].Status, Is.EqualTo("not started"));
                Assert.That(view.Katas.Select(k => k.Kata), Is.EqualTo(real.Katas.Take(KatasInAClone).Select(k => k.Number)));
                Assert.That(view.Incidents.Select(i => (i.Login, i.Kind)), Does.Contain(("ghost", "not graded")));
                Assert.That(view.Incidents.Single(i => i.Login == "ghost").What, Does.StartWith("collect: could not clone"));
            });
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>A learner's repository: this repository's stubs, tests and substrate, with the first <paramref name="solved"/> katas solved.</summary>
    private static string Learner(Repository real, string work, string name, int solved)
    {
        string root = Path.Combine(work, name);
        foreach (string item in Copied) Copy(Path.Combine(real.Root, item), Path.Combine(root, item));
        foreach (var kata in real.Katas.Take(KatasInAClone))
        {
            Copy(kata.Directory, Path.Combine(root, "katas", kata.FolderName));
            Copy(Path.Combine(real.TestsDir, kata.FolderName), Path.Combine(root, "tests", "Katas.Tests", kata.FolderName));
        }
        var repo = new Repository(root);
        Manifest.Write(repo);   // the manifest of exactly these tests and build files, as the instructor would ship them
        foreach (var kata in real.Katas.Take(solved))
            Copy(Path.Combine(real.SolutionsDir, kata.FolderName), kata.Directory.Replace(real.Root, root));
        Git.CommitAll(root);
        return root;
    }

    private static void Copy(string from, string to)
    {
        if (File.Exists(from))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to, overwrite: true);
            return;
        }
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".kata")) continue;
            Copy(file, Path.Combine(to, relative));
        }
    }
}
