using System.Text.RegularExpressions;

namespace Kata.Grading;

/// <summary>
/// The instructor's reference for <c>grade --reference &lt;path-or-git-url&gt;@&lt;commit&gt;</c>: where it is and the
/// commit it is pinned to. <see cref="Parse"/> checks the text only; <see cref="Resolve"/> asks git for the 40-hex commit.
/// </summary>
public sealed partial record ReferenceSource(string Source, string Revision, bool IsUrl)
{
    public const string Usage = "--reference takes <path-or-git-url>@<commit>, e.g. ../katas-reference@3f2c1e0 or https://github.com/org/katas-reference.git@main";

    /// <summary>Splits at the last '@' (a URL's user@host comes before it) and checks both halves are there.</summary>
    public static ReferenceSource Parse(string text)
    {
        int at = text.LastIndexOf('@');
        string source = at > 0 ? text[..at] : text, revision = at > 0 ? text[(at + 1)..] : "";
        // "git@host:org/repo.git" without a commit splits into "git" and "host:org/repo.git": no commit either.
        if (at <= 0 || !RevisionPattern().IsMatch(revision))
            throw new RunnerException($"The reference '{text}' names no commit: it must end in @<commit> (or @<branch>, resolved to its commit). {Usage}.");
        bool isUrl = UrlPattern().IsMatch(source);
        if (!isUrl && !Directory.Exists(source))
            throw new RunnerException($"The reference '{source}' is neither a folder nor a git URL (no folder {Path.GetFullPath(source)}). {Usage}.");
        return new ReferenceSource(isUrl ? source : Path.GetFullPath(source), revision, isUrl);
    }

    /// <summary>The source as reports show it: a URL's user and token (https://user:token@host/…) left out.</summary>
    public string Display => IsUrl ? UserInfoPattern().Replace(Source, "$1") : Source;

    /// <summary>
    /// A git directory that holds the reference's history (the folder itself, or a clone of the URL in
    /// <paramref name="scratch"/>) and the full commit id the revision names.
    /// </summary>
    public (string GitDir, string Commit) Resolve(string scratch)
    {
        string gitDir = Source;
        if (IsUrl)
        {
            gitDir = Path.Combine(scratch, "reference.git");
            if (!GitCommand.TryRun(scratch, out string cloneOutput, "clone", "--quiet", "--bare", "--filter=blob:none", Source, gitDir))
                throw new RunnerException($"Cannot clone the reference {Display}: {cloneOutput.Trim().Replace(Source, Display, StringComparison.Ordinal)}", 2);
        }
        else if (!GitCommand.TryRun(Source, out _, "rev-parse", "--git-dir"))
            throw new RunnerException($"The reference {Source} is not a git repository; grading pins the reference to a commit. {Usage}.");
        if (!GitCommand.TryRun(gitDir, out string commit, "rev-parse", "--verify", "--quiet", Revision + "^{commit}"))
            throw new RunnerException($"The reference {Display} has no commit '{Revision}'. {Usage}.");
        return (gitDir, commit.Trim());
    }

    [GeneratedRegex(@"^([a-z][a-z0-9+.\-]*://)[^/@]+@", RegexOptions.IgnoreCase)]
    private static partial Regex UserInfoPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._/\-]*$")]
    private static partial Regex RevisionPattern();

    [GeneratedRegex(@"^(?:[a-z][a-z0-9+.\-]*://|[^/@\s]+@[^/:\s]+:)", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();
}
