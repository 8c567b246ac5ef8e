using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Kata.Gradebook;

/// <summary>
/// The gradebook file (SQLite, schema in <see cref="GradebookSchema"/>): opening it migrates an older one; adding a
/// grade is one transaction, and adding the same grade.json for the same learner twice changes nothing.
/// </summary>
public sealed class GradebookStore : IDisposable
{
    private readonly SqliteConnection _connection;

    private GradebookStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    public string Path { get; }
    internal SqliteConnection Connection => _connection;

    public static GradebookStore Open(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        try
        {
            connection.Open();
            GradebookSchema.Migrate(connection, full);
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON";   // one fsync per checkpoint, not per grade
                pragma.ExecuteNonQuery();
            }
            return new GradebookStore(connection, full);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new RunnerException($"{full} is not a gradebook SQLite can open ({e.Message.TrimEnd('.')}). Choose another --db; the file was not changed.");
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The run's identity: the learner and the exact bytes of the grade.json.</summary>
    public static string ContentHash(string student, byte[] content) =>
        Convert.ToHexString(SHA256.HashData([.. Encoding.UTF8.GetBytes(student + "\n"), .. content])).ToLowerInvariant();

    /// <summary>Adds one grade; false when this learner already has a run with the same content (nothing is written).</summary>
    public bool Add(string student, GradeDocument grade, string contentHash, DateTimeOffset gradedAt, string source)
    {
        using var transaction = _connection.BeginTransaction();
        long studentId = StudentId(student, transaction);
        if (Scalar(transaction, "SELECT count(*) FROM runs WHERE student_id = $s AND content_sha256 = $h", ("$s", studentId), ("$h", contentHash)) is long n && n > 0)
            return false;
        long runId = (long)Scalar(transaction, """
            INSERT INTO runs (student_id, content_sha256, graded_at, added_at, source, score, max, min, passed, refused, refusal_reason,
                              schema_version, reference_source, reference_commit, self_check)
            VALUES ($s, $h, $at, $added, $src, $score, $max, $min, $passed, $refused, $reason, $schema, $refsrc, $refcommit, $self)
            RETURNING id
            """,
            ("$s", studentId), ("$h", contentHash), ("$at", Iso(gradedAt)), ("$added", Iso(DateTimeOffset.UtcNow)), ("$src", source),
            ("$score", grade.Score), ("$max", grade.Max), ("$min", grade.Min), ("$passed", grade.Passed), ("$refused", grade.Refused),
            ("$reason", grade.RefusalReason), ("$schema", grade.SchemaVersion), ("$refsrc", grade.ReferenceSource),
            ("$refcommit", grade.ReferenceCommit), ("$self", grade.SelfCheck))!;
        foreach (string difference in grade.Differences)
            Scalar(transaction, "INSERT INTO refusals (run_id, kata, rule, file, line, message) VALUES ($r, NULL, 'manifest', '', NULL, $m)", ("$r", runId), ("$m", difference));
        foreach (var kata in grade.Katas)
        {
            Scalar(transaction, """
                INSERT INTO kata_scores (run_id, kata, title, passed, total, points, status, detail, hidden_passed, hidden_total)
                VALUES ($r, $k, $t, $p, $n, $pts, $st, $d, $hp, $ht)
                """,
                ("$r", runId), ("$k", kata.Kata), ("$t", kata.Title), ("$p", kata.Passed), ("$n", kata.Total), ("$pts", kata.Points),
                ("$st", kata.Status), ("$d", kata.Detail), ("$hp", kata.HiddenPassed), ("$ht", kata.HiddenTotal));
            foreach (var use in kata.Refused)
                Scalar(transaction, "INSERT INTO refusals (run_id, kata, rule, file, line, message) VALUES ($r, $k, $rule, $f, $l, $m)",
                    ("$r", runId), ("$k", kata.Kata), ("$rule", use.Rule), ("$f", use.File), ("$l", use.Line), ("$m", use.Message));
            InsertTests(transaction, runId, kata);
        }
        transaction.Commit();
        return true;
    }

    private void InsertTests(SqliteTransaction transaction, long runId, KataScore kata)
    {
        if (kata.Tests.Count == 0) return;
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO test_outcomes (run_id, kata, name, full_name, outcome, message, hidden) VALUES ($r, $k, $n, $f, $o, $m, $h)";
        var parameters = new[] { "$r", "$k", "$n", "$f", "$o", "$m", "$h" }.Select(p => command.Parameters.Add(p, SqliteType.Text)).ToArray();
        command.Prepare();
        foreach (var test in kata.Tests)
        {
            object[] values = [runId, kata.Kata, test.Name, test.FullName, test.Outcome, test.Message, test.Hidden];
            for (int i = 0; i < values.Length; i++) parameters[i].Value = values[i];
            command.ExecuteNonQuery();
        }
    }

    private long StudentId(string student, SqliteTransaction transaction)
    {
        Scalar(transaction, "INSERT OR IGNORE INTO students (login, first_seen) VALUES ($l, $at)", ("$l", student), ("$at", Iso(DateTimeOffset.UtcNow)));
        return (long)Scalar(transaction, "SELECT id FROM students WHERE login = $l", ("$l", student))!;
    }

    internal object? Scalar(SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command.ExecuteScalar();
    }

    internal static string Iso(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    public void Dispose() => _connection.Dispose();
}
