namespace Kata.Model;

/// <summary>One line of the manifest: "test" (guarded by grade) or "stub" (restored by reset), the file's hashes and path.</summary>
public sealed record ManifestEntry(string Kind, string Sha256, string GitBlob, string Path)
{
    public const string Test = "test", Stub = "stub";

    public override string ToString() => $"{Kind} {Sha256} {GitBlob} {Path}";
}
