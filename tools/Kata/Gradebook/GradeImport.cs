namespace Kata.Gradebook;

/// <summary>
/// <c>gradebook add</c>'s work: every file is read and checked before the gradebook is opened, so one bad file means
/// nothing is written; then each grade is added in its own transaction (a repeat is noticed and skipped).
/// </summary>
public static class GradeImport
{
    public sealed record Outcome(string File, bool Added, GradeDocument Grade);

    public static IReadOnlyList<Outcome> AddFiles(string db, string student, IReadOnlyList<string> files, DateTimeOffset? when)
    {
        CheckStudent(student);
        if (files.Count == 0) throw new RunnerException("Name at least one grade.json to add.");
        var read = ReadAll(files);
        using var store = GradebookStore.Open(db);
        return Add(store, student, read, when);
    }

    /// <summary>Adds to an open gradebook; every file is still checked before the first is added.</summary>
    public static IReadOnlyList<Outcome> AddFiles(GradebookStore store, string student, IReadOnlyList<string> files, DateTimeOffset? when)
    {
        CheckStudent(student);
        return Add(store, student, ReadAll(files), when);
    }

    private static List<(string File, byte[] Bytes, GradeDocument Grade)> ReadAll(IReadOnlyList<string> files) =>
        files.Select(f => (File: f, Bytes: ReadBytes(f))).Select(f => (f.File, f.Bytes, Grade: GradeFileReader.Parse(System.Text.Encoding.UTF8.GetString(f.Bytes), f.File))).ToList();

    private static IReadOnlyList<Outcome> Add(GradebookStore store, string student, List<(string File, byte[] Bytes, GradeDocument Grade)> read, DateTimeOffset? when)
    {
        return read.Select(f => new Outcome(f.File,
            store.Add(student, f.Grade, GradebookStore.ContentHash(student, f.Bytes), when ?? f.Grade.GradedAt ?? File.GetLastWriteTimeUtc(f.File), Path.GetFullPath(f.File)),
            f.Grade)).ToList();
    }

    /// <summary>Adds a grade that exists only in memory (collect's record of a repository it could not grade).</summary>
    public static bool AddText(GradebookStore store, string student, string json, string source, DateTimeOffset when)
    {
        CheckStudent(student);
        var grade = GradeFileReader.Parse(json, source);
        return store.Add(student, grade, GradebookStore.ContentHash(student, System.Text.Encoding.UTF8.GetBytes(json)), grade.GradedAt ?? when, source);
    }

    public static void CheckStudent(string student)
    {
        if (string.IsNullOrWhiteSpace(student) || student.Length > 200 || student.Any(char.IsControl))
            throw new RunnerException($"--student \"{student}\" is not a usable learner id: give 1–200 printable characters (e.g. a GitHub login). Nothing was written.");
    }

    private static byte[] ReadBytes(string file) =>
        File.Exists(file) ? File.ReadAllBytes(file) : throw new RunnerException($"Not added to the gradebook: {file}: no such file. Nothing was written.");
}
