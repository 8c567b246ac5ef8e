using System.Text.Json;

namespace Kata.Workers;

/// <summary>
/// One line the worker sends its host over the verdict pipe: the tests a kata has ("tests"), a test starting
/// ("start"), a test's result as NUnit's &lt;test-case&gt; XML ("result"), a kata finished ("done").
/// The pipe is opened before any kata code is loaded and no kata code can reach it (no file, handle or reflection
/// API is allowed in kata code), so nothing a kata prints or does can write one of these lines.
/// </summary>
public sealed record WorkerMessage(string Kind, string Category = "", string FullName = "", string Xml = "", IReadOnlyList<WorkerTestName>? Tests = null)
{
    public const string TestsKind = "tests", StartKind = "start", ResultKind = "result", DoneKind = "done";

    public string ToLine() => JsonSerializer.Serialize(this);

    public static WorkerMessage? FromLine(string line)
    {
        try { return JsonSerializer.Deserialize<WorkerMessage>(line); }
        catch (JsonException) { return null; }
    }
}

/// <summary>A test as NUnit lists it: its short name and its full name (unique within the run).</summary>
public sealed record WorkerTestName(string Name, string FullName);

/// <summary>
/// What the host asks a worker to run: one kata's category, without the tests an earlier worker finished; with
/// <see cref="VisibleOnly"/>, without the hidden tests too (<c>verify --mistakes</c> checks what a learner sees).
/// </summary>
public sealed record WorkerRequest(string Category, IReadOnlyList<string> Skip, string? KatasDll = null, bool VisibleOnly = false)
{
    public string ToLine() => JsonSerializer.Serialize(this);
    public static WorkerRequest FromLine(string line) => JsonSerializer.Deserialize<WorkerRequest>(line) ?? throw new JsonException("empty request");
}
