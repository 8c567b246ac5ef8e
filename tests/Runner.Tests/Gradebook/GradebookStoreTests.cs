using System.Security.Cryptography;
using Kata;
using Kata.Commands;
using Kata.Gradebook;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace RunnerTests.Gradebook;

/// <summary>
/// The gradebook as an instructor uses it: adding grades (twice is once), v1 and v2 files, a corrupt or foreign file
/// refused with a message that names it and nothing written, an older gradebook migrated with its rows kept.
/// </summary>
public class GradebookStoreTests
{
    private string _dir = null!;
    private string Db => Path.Combine(_dir, "class.db");

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("gradebook-").FullName;

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public void AddingTheSameGradeTwice_ChangesNothing_ButAnotherLearnerWithTheSameFileIsAdded()
    {
        string file = GradeFiles.Write(_dir, "grade.json", GradeFiles.V2());

        var first = GradeImport.AddFiles(Db, "ada", [file], null);
        var counts = Counts();
        var second = GradeImport.AddFiles(Db, "ada", [file], DateTimeOffset.Parse("2027-01-01T00:00:00Z"));

        Assert.Multiple(() =>
        {
            Assert.That(first.Single().Added, Is.True);
            Assert.That(second.Single().Added, Is.False, "the same content for the same learner is the same run");
            Assert.That(Counts(), Is.EqualTo(counts));
            Assert.That(counts, Is.EqualTo((1L, 1L, 3L, 9L)), "1 learner, 1 run, 3 kata scores, 9 test outcomes");
        });
        Assert.That(GradeImport.AddFiles(Db, "grace", [file], null).Single().Added, Is.True);
        Assert.That(Counts(), Is.EqualTo((2L, 2L, 6L, 18L)));
    }

    [Test]
    public void AddCommand_SaysUnchangedTheSecondTime()
    {
        string file = GradeFiles.Write(_dir, "grade.json", GradeFiles.V2());
        var output = new StringWriter();
        var console = ManifestAndResetTests.Quiet(output);
        Assert.That(GradebookCommand.Add(console, Db, "ada", [file], null), Is.Zero);
        Assert.That(GradebookCommand.Add(console, Db, "ada", [file], null), Is.Zero);
        Assert.That(output.ToString(), Does.Contain("added").And.Contain("50 / 100, 3 katas, grade.json v2").And.Contain("unchanged"));
    }

    [Test]
    public void V1AndV2AndRefusedGrades_AreAllRead()
    {
        string v1 = GradeFiles.Write(_dir, "v1.json", GradeFiles.V1);
        string refused = GradeFiles.Write(_dir, "refused.json", GradeFiles.Refused);
        string v2 = GradeFiles.Write(_dir, "v2.json", GradeFiles.V2());
        GradeImport.AddFiles(Db, "ada", [v1, refused, v2], null);

        using var store = GradebookStore.Open(Db);
        Assert.Multiple(() =>
        {
            Assert.That(store.Scalar(null, "SELECT group_concat(schema_version || ':' || refused, ',') FROM (SELECT * FROM runs ORDER BY id)"), Is.EqualTo("1:0,1:1,2:0"));
            Assert.That(store.Scalar(null, "SELECT reference_commit FROM runs WHERE schema_version = 2"), Is.EqualTo(GradeFiles.Commit));
            Assert.That(store.Scalar(null, "SELECT message FROM refusals"), Is.EqualTo("changed: tests/Katas.Tests/K02/MatmulTests.cs"));
            Assert.That(store.Scalar(null, "SELECT outcome FROM test_outcomes WHERE name = 'Large'"), Is.EqualTo("TimedOut"));
        });
    }

    [TestCase("{ \"score\": 50, \"katas\": [", "is not valid JSON (line 1")]
    [TestCase("", "is not valid JSON")]
    [TestCase("[1, 2, 3]", "holds a JSON array, not a grade object")]
    [TestCase("{ \"name\": \"left-pad\", \"version\": \"1.3.0\" }", "has no \"katas\" list")]
    [TestCase("{ \"schema\": \"junit/1\", \"katas\": [] }", "has schema \"junit/1\"")]
    [TestCase("{ \"score\": 50, \"katas\": [ { \"kata\": \"K01\", \"passed\": 5, \"total\": 3, \"points\": 100 } ] }", "katas[0] (K01) has passed = 5 greater than total = 3")]
    [TestCase("{ \"score\": 150, \"katas\": [] }", "has \"score\": 150; expected a number from 0 to 100")]
    [TestCase("{ \"score\": 50, \"katas\": [ { \"kata\": \"lesson 1\", \"passed\": 1, \"total\": 3, \"points\": 33 } ] }", "has kata \"lesson 1\"")]
    [TestCase("{ \"schema\": \"foundations-katas-grade/2\", \"reference\": { \"commit\": \"main\" }, \"score\": 0, \"katas\": [] }", "has reference.commit \"main\"; expected 40 hex digits")]
    public void ACorruptOrForeignFile_IsRefusedByName_AndNothingIsWritten(string text, string problem)
    {
        string good = GradeFiles.Write(_dir, "good.json", GradeFiles.V2());
        string bad = GradeFiles.Write(_dir, "bad.json", text);

        var e = Assert.Throws<RunnerException>(() => GradeImport.AddFiles(Db, "ada", [good, bad], null))!;
        Assert.That(e.Message, Does.Contain(bad).And.Contain(problem).And.Contain("Nothing was written"));
        Assert.That(File.Exists(Db), Is.False, "a refused add does not even create the gradebook");

        GradeImport.AddFiles(Db, "grace", [good], null);
        byte[] before = SHA256.HashData(File.ReadAllBytes(Db));
        Assert.Throws<RunnerException>(() => GradeImport.AddFiles(Db, "ada", [good, bad], null));
        SqliteConnection.ClearAllPools();
        Assert.That(SHA256.HashData(File.ReadAllBytes(Db)), Is.EqualTo(before), "the good file named before the bad one is not added either");
    }

    [Test]
    public void AFileThatIsNotAGradebook_IsRefusedAndLeftAlone()
    {
        string text = GradeFiles.Write(_dir, "notes.db", "my notes, not a database\n");
        string foreign = Path.Combine(_dir, "shop.db");
        using (var connection = new SqliteConnection($"Data Source={foreign};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE orders (id INTEGER PRIMARY KEY)";
            command.ExecuteNonQuery();
        }
        byte[] shop = File.ReadAllBytes(foreign);
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<RunnerException>(() => GradebookStore.Open(text))!.Message, Does.Contain("notes.db is not a gradebook"));
            Assert.That(File.ReadAllText(text), Is.EqualTo("my notes, not a database\n"));
            Assert.That(Assert.Throws<RunnerException>(() => GradebookStore.Open(foreign))!.Message, Does.Contain("shop.db is an SQLite database but not a gradebook"));
            Assert.That(File.ReadAllBytes(foreign), Is.EqualTo(shop));
        });
    }

    [Test]
    public void AGradebookWithTheV1Schema_IsMigratedToV2_WithItsRowsKept()
    {
        // A gradebook as the v1 runner left it: schema v1, one learner with one run and two kata scores.
        using (var connection = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            connection.Open();
            GradebookSchema.Migrate(connection, Db, target: 1);
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO students (id, login, first_seen) VALUES (1, 'lin', '2026-09-01T00:00:00Z');
                INSERT INTO runs (id, student_id, content_sha256, graded_at, added_at, source, score, max, min, passed, refused, refusal_reason)
                VALUES (1, 1, 'abc', '2026-09-07T09:00:00Z', '2026-09-07T09:05:00Z', 'lin/grade.json', 75, 100, NULL, 1, 0, NULL);
                INSERT INTO kata_scores VALUES (1, 'K01', 'One neuron', 3, 3, 100, 'done', ''), (1, 'K02', 'Three-loop matmul', 2, 4, 50, 'in progress', '');
                """;
            command.ExecuteNonQuery();
            Assert.That(GradebookSchema.UserVersion(connection), Is.EqualTo(1));
        }

        using var store = GradebookStore.Open(Db);
        Assert.Multiple(() =>
        {
            Assert.That(store.Scalar(null, "PRAGMA user_version"), Is.EqualTo(2L));
            Assert.That(store.Scalar(null, "SELECT group_concat(version) FROM schema_history"), Is.EqualTo("1,2"));
            Assert.That(store.Scalar(null, "SELECT score || ' ' || schema_version || ' ' || coalesce(reference_commit, 'none') FROM runs WHERE id = 1"), Is.EqualTo("75.0 1 none"));
            Assert.That(store.Scalar(null, "SELECT count(*) FROM kata_scores WHERE run_id = 1 AND hidden_total IS NULL"), Is.EqualTo(2L));
        });
        string v2 = GradeFiles.Write(_dir, "grade.json", GradeFiles.V2());
        Assert.That(GradeImport.AddFiles(store, "ada", [v2], null).Single().Added, Is.True);
        var view = ClassView.Load(store);
        Assert.That(view.Learners.Select(l => $"{l.Login} {l.Last.Score} {l.Latest["K02"].Points}"), Is.EqualTo(new[] { "ada 50 50", "lin 75 50" }));
    }

    [Test]
    public void AGradebookFromANewerRunner_IsRefused()
    {
        using (var connection = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            connection.Open();
            GradebookSchema.Migrate(connection, Db);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }
        Assert.That(Assert.Throws<RunnerException>(() => GradebookStore.Open(Db))!.Message, Does.Contain("schema version 99, newer than this runner knows (2)"));
    }

    [Test]
    public void TheReport_ShowsTheLatestGrade_TheMostFailedTest_AndTheHungOne_AndTheCsvQuotes()
    {
        GradeImport.AddFiles(Db, "ada", [GradeFiles.Write(_dir, "a1.json", GradeFiles.V1)], DateTimeOffset.Parse("2026-09-28T10:00:00Z"));
        GradeImport.AddFiles(Db, "ada", [GradeFiles.Write(_dir, "a2.json", GradeFiles.V2())], null);
        GradeImport.AddFiles(Db, "=cmd|x, \"y\"", [GradeFiles.Write(_dir, "b.json", GradeFiles.V2(failMessage: "off by one"))], null);
        using var store = GradebookStore.Open(Db);
        var view = ClassView.Load(store);
        string html = ClassReportHtml.Render(view, DateTimeOffset.UtcNow);
        string csv = ClassReportCsv.Render(view);
        var failed = view.MostFailed.Single(t => t.Kata == "K02" && t.Name == "Matmul_ShapeRule");
        Assert.Multiple(() =>
        {
            Assert.That(view.Learners.Single(l => l.Login == "ada").Runs.Select(r => r.Score), Is.EqualTo(new[] { 33.3, 50 }));
            Assert.That(failed.Failures, Is.EqualTo(2));
            Assert.That(failed.Messages.Select(m => m.Message), Is.EquivalentTo(new[] { "Expected: [2, 3] But was: [3, 2]", "off by one" }));
            Assert.That(view.MostFailed.Any(t => t.Kata == "K03"), Is.False, "an untouched stub's NotImplementedException is not a most-failed test");
            Assert.That(view.Incidents.Select(i => i.What), Has.Some.EqualTo("K02 Large timed out: did not finish within 10 s"));
            Assert.That(html, Does.Contain("<tr><th>ada</th><td class=\"h5\">50</td><td class=\"h10\" title=\"K01 3/3 done\">✓</td><td class=\"h5\" title=\"K02 2/4 in progress\">50</td>"));
            Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://").And.Not.Contain("src="), "nothing is fetched");
            Assert.That(csv.Split("\r\n")[0], Is.EqualTo("student,score,K01,K02,K03,graded_at,refused"));
            Assert.That(csv, Does.Contain("\"'=cmd|x, \"\"y\"\"\",50,100,50,0,"), "quoted, and a leading = cannot start a spreadsheet formula");
        });
    }

    [Test]
    public void TheSyntheticClass_HasFortyLearnersAtDifferentStages_AllLabelledSynthetic()
    {
        var repo = Repository.Find(AppContext.BaseDirectory);
        Assert.That(GradebookCommand.Synthetic(ManifestAndResetTests.Quiet(), repo, Db, Path.Combine(_dir, "class"), 40, 8, seed: 19), Is.Zero);
        using var store = GradebookStore.Open(Db);
        var view = ClassView.Load(store);
        var done = view.Learners.Select(l => l.Latest.Values.Count(c => c.Done)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(view.Learners, Has.Count.EqualTo(40));
            Assert.That(view.Learners.Select(l => l.Login), Is.All.Match("^synthetic-[0-9]{3}$"));
            Assert.That(view.Katas.Select(k => k.Kata), Is.EqualTo(repo.Katas.Select(k => k.Number)));
            Assert.That(done.Min(), Is.LessThanOrEqualTo(3), "some learners are still near the start");
            Assert.That(done.Max(), Is.GreaterThanOrEqualTo(done.Min() + 4), "some are far ahead of the others");
            Assert.That(view.Learners.Select(l => l.Runs.Count).Distinct().Count(), Is.GreaterThan(1), "some joined late");
            Assert.That(File.ReadAllText(Directory.EnumerateFiles(Path.Combine(_dir, "class"), "*.json", SearchOption.AllDirectories).First()), Does.Contain("\"synthetic\":true"));
        });
    }

    private (long Students, long Runs, long Katas, long Tests) Counts()
    {
        using var store = GradebookStore.Open(Db);
        return ((long)store.Scalar(null, "SELECT count(*) FROM students")!, (long)store.Scalar(null, "SELECT count(*) FROM runs")!,
            (long)store.Scalar(null, "SELECT count(*) FROM kata_scores")!, (long)store.Scalar(null, "SELECT count(*) FROM test_outcomes")!);
    }
}
