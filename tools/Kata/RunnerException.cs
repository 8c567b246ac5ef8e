namespace Kata;

/// <summary>A problem the user can fix (wrong kata number, missing file…): printed as a message, never as a stack trace.</summary>
public sealed class RunnerException(string message, int exitCode = 2) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
