namespace Kata.Grading;

/// <summary>
/// Whether katas/ holds stubs: it builds and no kata test passes against it (CI's rule: a stub fails every test).
/// The instructor's tools (<c>verify --update-manifest</c>, <c>release</c>) refuse to record or ship anything else,
/// so a learner's solved file is never written down as "the stub".
/// </summary>
public static class StubCheck
{
    public static IReadOnlyList<string> Problems(Repository repo, TimeSpan timeoutPerKata, Action<string>? progress = null)
    {
        var results = new TestSession(repo, "katas") { TimeoutPerKata = timeoutPerKata, Progress = progress }.Run(repo.Katas);
        var problems = new List<string>();
        foreach (var kata in repo.Katas)
        {
            var r = results[kata.Number];
            if (r.State is KataState.DoesNotBuild or KataState.Blocked) problems.Add($"{kata.Number}: katas/{kata.FolderName} does not build ({r.Detail.Split('\n')[0]})");
            var passing = r.Tests.Where(t => t.Passed).ToList();
            if (passing.Count > 0)
                problems.Add($"{kata.Number}: katas/{kata.FolderName} is not a stub — {passing.Count} test(s) pass against it, e.g. {passing[0].FullName}");
        }
        return problems;
    }
}
