using Microsoft.Data.Sqlite;

namespace Kata.Gradebook;

/// <summary>
/// The gradebook's SQLite schema, built by numbered migrations; <c>PRAGMA user_version</c> holds the number of the
/// last one applied and <c>schema_history</c> says when each ran. Opening an older gradebook applies the missing
/// migrations in one transaction, so its rows are kept, never rebuilt. A migration, once released, never changes:
/// add a new one instead.
/// <code>
/// students       one row per learner: login (the --student id), first_seen
/// runs           one grade.json of one learner: graded_at, content_sha256 (UNIQUE with student_id: adding the same
///                file twice changes nothing), score/max/min/passed, refused + refusal_reason, source (file or repo);
///                v2: schema_version, reference_source, reference_commit (the instructor's commit graded against), self_check
/// kata_scores    per run and kata: title, passed, total, points (0–100), status, detail; v2: hidden_passed, hidden_total
/// test_outcomes  v2, per run and test: kata, name, full_name, outcome (Passed, Failed, TimedOut, Crashed, NotRun), message, hidden
/// refusals       v2, why a run or a kata was refused: kata (null for the whole run), rule, file, line, message
/// </code>
/// </summary>
public static class GradebookSchema
{
    /// <summary>Migration N takes a gradebook from user_version N−1 to N.</summary>
    public static readonly IReadOnlyList<(string Description, string Sql)> Migrations =
    [
        ("v1: students, runs, per-kata scores", V1),
        ("v2: test outcomes, refusals, the reference commit, hidden-test counts", V1ToV2),
    ];

    public static int Latest => Migrations.Count;

    /// <summary>The first released schema (grade.json v1 had no per-test outcomes and no reference).</summary>
    public const string V1 = """
        CREATE TABLE schema_history (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL, description TEXT NOT NULL);
        CREATE TABLE students (
            id INTEGER PRIMARY KEY,
            login TEXT NOT NULL UNIQUE,
            first_seen TEXT NOT NULL);
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            student_id INTEGER NOT NULL REFERENCES students(id),
            content_sha256 TEXT NOT NULL,
            graded_at TEXT NOT NULL,
            added_at TEXT NOT NULL,
            source TEXT,
            score REAL NOT NULL,
            max REAL NOT NULL,
            min REAL,
            passed INTEGER NOT NULL,
            refused INTEGER NOT NULL,
            refusal_reason TEXT,
            UNIQUE (student_id, content_sha256));
        CREATE TABLE kata_scores (
            run_id INTEGER NOT NULL REFERENCES runs(id),
            kata TEXT NOT NULL,
            title TEXT NOT NULL,
            passed INTEGER NOT NULL,
            total INTEGER NOT NULL,
            points REAL NOT NULL,
            status TEXT NOT NULL,
            detail TEXT NOT NULL,
            PRIMARY KEY (run_id, kata));
        """;

    public const string V1ToV2 = """
        ALTER TABLE runs ADD COLUMN schema_version INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE runs ADD COLUMN reference_source TEXT;
        ALTER TABLE runs ADD COLUMN reference_commit TEXT;
        ALTER TABLE runs ADD COLUMN self_check INTEGER;
        ALTER TABLE kata_scores ADD COLUMN hidden_passed INTEGER;
        ALTER TABLE kata_scores ADD COLUMN hidden_total INTEGER;
        CREATE TABLE test_outcomes (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES runs(id),
            kata TEXT NOT NULL,
            name TEXT NOT NULL,
            full_name TEXT NOT NULL,
            outcome TEXT NOT NULL,
            message TEXT NOT NULL,
            hidden INTEGER NOT NULL);
        CREATE INDEX test_outcomes_by_run ON test_outcomes (run_id, outcome);
        CREATE TABLE refusals (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES runs(id),
            kata TEXT,
            rule TEXT NOT NULL,
            file TEXT NOT NULL,
            line INTEGER,
            message TEXT NOT NULL);
        CREATE INDEX runs_by_student ON runs (student_id, graded_at);
        """;

    /// <summary>Brings the gradebook to <paramref name="target"/> (default: the latest), refusing files it cannot own.</summary>
    public static void Migrate(SqliteConnection connection, string path, int? target = null)
    {
        int to = target ?? Latest;
        int version = UserVersion(connection);
        if (version > Latest)
            throw new RunnerException($"The gradebook {path} has schema version {version}, newer than this runner knows ({Latest}). Update the runner; the file was not changed.");
        if (version == 0 && Count(connection, "SELECT count(*) FROM sqlite_master") > 0)
            throw new RunnerException($"{path} is an SQLite database but not a gradebook (user_version 0 and tables of its own). Choose another --db; the file was not changed.");
        if (version >= to) return;
        using var transaction = connection.BeginTransaction();
        for (int v = version + 1; v <= to; v++)
        {
            Execute(connection, transaction, Migrations[v - 1].Sql);
            using var history = connection.CreateCommand();
            history.Transaction = transaction;
            history.CommandText = "INSERT INTO schema_history (version, applied_at, description) VALUES ($v, $at, $d)";
            history.Parameters.AddWithValue("$v", v);
            history.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
            history.Parameters.AddWithValue("$d", Migrations[v - 1].Description);
            history.ExecuteNonQuery();
            Execute(connection, transaction, $"PRAGMA user_version = {v}");
        }
        transaction.Commit();
    }

    public static int UserVersion(SqliteConnection connection) => (int)Count(connection, "PRAGMA user_version");

    private static long Count(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
