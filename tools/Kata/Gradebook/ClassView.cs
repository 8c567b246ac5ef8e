using Microsoft.Data.Sqlite;

namespace Kata.Gradebook;

/// <summary>
/// What the class report shows, read from the gradebook in a few queries: every learner's runs over time, their
/// latest per-kata scores, each kata's most-failed tests and the refused or hung submissions.
/// </summary>
public sealed record ClassView(
    IReadOnlyList<(string Kata, string Title)> Katas,
    IReadOnlyList<Learner> Learners,
    IReadOnlyList<FailedTest> MostFailed,
    IReadOnlyList<Incident> Incidents,
    IReadOnlyList<string> ReferenceCommits)
{
    /// <summary>Failed tests listed per kata in the report.</summary>
    public const int FailedTestsPerKata = 5;

    public static ClassView Load(GradebookStore store)
    {
        var connection = store.Connection;
        var learners = new Dictionary<string, (List<RunPoint> Runs, long LatestId)>(StringComparer.Ordinal);
        var latestRun = new Dictionary<long, string>();
        foreach (var row in Rows(connection, """
            SELECT s.login, r.id, r.graded_at, r.score, r.refused, coalesce(r.refusal_reason, '')
            FROM runs r JOIN students s ON s.id = r.student_id ORDER BY s.login, r.graded_at, r.id
            """))
        {
            string login = (string)row[0];
            if (!learners.TryGetValue(login, out var entry)) entry = (new List<RunPoint>(), 0);
            entry.Runs.Add(new RunPoint(DateTimeOffset.Parse((string)row[2]), (double)row[3], (long)row[4] != 0, (string)row[5]));
            learners[login] = (entry.Runs, (long)row[1]);
        }
        foreach (var (login, entry) in learners) latestRun[entry.LatestId] = login;

        var scores = new Dictionary<string, Dictionary<string, KataCell>>(StringComparer.Ordinal);
        var katas = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in Rows(connection, $"SELECT run_id, kata, title, passed, total, points, status FROM kata_scores WHERE run_id IN ({Latest})"))
        {
            string login = latestRun[(long)row[0]];
            string kata = (string)row[1];
            katas.TryAdd(kata, (string)row[2]);
            if (!scores.TryGetValue(login, out var cells)) scores[login] = cells = new Dictionary<string, KataCell>(StringComparer.Ordinal);
            cells[kata] = new KataCell((int)(long)row[3], (int)(long)row[4], (double)row[5], (string)row[6]);
        }

        var failed = Rows(connection, $"""
            SELECT kata, name, outcome, message, count(*) FROM test_outcomes
            WHERE run_id IN ({Latest}) AND outcome <> 'Passed' AND outcome <> 'NotRun' AND message NOT LIKE '%NotImplementedException%'
            GROUP BY kata, name, outcome, message
            """)
            .GroupBy(r => ((string)r[0], (string)r[1]))
            .Select(g => new FailedTest(g.Key.Item1, g.Key.Item2, (int)g.Sum(r => (long)r[4]),
                g.OrderByDescending(r => (long)r[4]).Select(r => ((string)r[3], (string)r[2], (int)(long)r[4])).ToList()))
            .GroupBy(t => t.Kata)
            .SelectMany(g => g.OrderByDescending(t => t.Failures).ThenBy(t => t.Name, StringComparer.Ordinal).Take(FailedTestsPerKata))
            .OrderBy(t => t.Kata, StringComparer.Ordinal).ThenByDescending(t => t.Failures)
            .ToList();

        var incidents = Rows(connection, """
            SELECT s.login, r.graded_at, CASE WHEN r.refusal_reason LIKE 'collect:%' THEN 'not graded' ELSE 'refused' END, coalesce(r.refusal_reason, 'refused') FROM runs r JOIN students s ON s.id = r.student_id WHERE r.refused = 1
            UNION ALL
            SELECT s.login, r.graded_at, k.status, k.kata || ' ' || k.status || coalesce(': ' || nullif(k.detail, ''), '')
            FROM kata_scores k JOIN runs r ON r.id = k.run_id JOIN students s ON s.id = r.student_id WHERE k.status IN ('timed out', 'crashed')
            UNION ALL
            SELECT s.login, r.graded_at, h.kind, t.kata || ' ' || t.name || ' ' || h.kind || coalesce(': ' || nullif(t.message, ''), '')
            FROM test_outcomes t JOIN runs r ON r.id = t.run_id JOIN students s ON s.id = r.student_id
            JOIN (SELECT 'TimedOut' AS outcome, 'timed out' AS kind UNION ALL SELECT 'Crashed', 'crashed') h ON h.outcome = t.outcome
            UNION ALL
            SELECT s.login, r.graded_at, 'refused', coalesce(f.kata || ' ', '') || f.rule || ' ' || f.file || coalesce(':' || f.line, '') || ' ' || f.message
            FROM refusals f JOIN runs r ON r.id = f.run_id JOIN students s ON s.id = r.student_id WHERE f.kata IS NOT NULL
            ORDER BY 2 DESC, 1
            """)
            .Select(r => new Incident((string)r[0], DateTimeOffset.Parse((string)r[1]), (string)r[2], (string)r[3])).ToList();

        var commits = Rows(connection, $"SELECT DISTINCT coalesce(reference_commit, CASE self_check WHEN 1 THEN 'self-check' ELSE 'unknown' END) FROM runs WHERE id IN ({Latest})")
            .Select(r => (string)r[0]).Order(StringComparer.Ordinal).ToList();

        var people = learners.Select(l => new Learner(l.Key, l.Value.Runs,
            scores.TryGetValue(l.Key, out var c) ? c : new Dictionary<string, KataCell>())).ToList();
        return new ClassView(katas.Select(k => (k.Key, k.Value)).ToList(), people, failed, incidents, commits);
    }

    /// <summary>The id of each learner's latest run (by graded_at, then insertion order).</summary>
    private const string Latest = """
        SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY student_id ORDER BY graded_at DESC, id DESC) AS n FROM runs) WHERE n = 1
        """;

    private static List<object[]> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }
}

/// <summary>One learner: every run in time order and the per-kata cells of the latest one.</summary>
public sealed record Learner(string Login, IReadOnlyList<RunPoint> Runs, IReadOnlyDictionary<string, KataCell> Latest)
{
    public RunPoint Last => Runs[^1];
}

public sealed record RunPoint(DateTimeOffset GradedAt, double Score, bool Refused, string Reason);

public sealed record KataCell(int Passed, int Total, double Points, string Status)
{
    public bool Done => Total > 0 && Passed == Total;
}

/// <summary>A test that fails for several learners, with its messages from the most common down.</summary>
public sealed record FailedTest(string Kata, string Name, int Failures, IReadOnlyList<(string Message, string Outcome, int Count)> Messages);

/// <summary>A refused, hung or crashed submission (or one kata or test of it).</summary>
public sealed record Incident(string Login, DateTimeOffset GradedAt, string Kind, string What);
