namespace Foundations.OpenCL;

/// <summary>
/// An OpenCL call returned an error. The message names the call and the error code's name, e.g.
/// <c>clEnqueueNDRangeKernel failed with CL_INVALID_WORK_GROUP_SIZE (-54)</c>; a failed program build
/// also carries the compiler's full <see cref="BuildLog"/> in the message.
/// </summary>
public sealed class OpenClException : Exception
{
    /// <summary>An exception for <paramref name="call"/> returning <paramref name="errorCode"/>, with optional detail.</summary>
    public OpenClException(string call, int errorCode, string? detail = null, string? buildLog = null)
        : base(Compose(call, errorCode, detail, buildLog))
    {
        Call = call;
        ErrorCode = errorCode;
        BuildLog = buildLog;
    }

    /// <summary>The C function that failed, e.g. <c>clBuildProgram</c>.</summary>
    public string Call { get; }

    /// <summary>The <c>cl_int</c> error code it returned (negative).</summary>
    public int ErrorCode { get; }

    /// <summary>The error code's name, e.g. <c>CL_BUILD_PROGRAM_FAILURE</c>.</summary>
    public string ErrorName => OpenClErrors.Name(ErrorCode);

    /// <summary>The compiler's output when a program failed to build; null for every other failure.</summary>
    public string? BuildLog { get; }

    private static string Compose(string call, int code, string? detail, string? buildLog)
    {
        string message = $"{call} failed with {OpenClErrors.Name(code)} ({code})";
        if (!string.IsNullOrEmpty(detail)) message += $": {detail}";
        if (buildLog is not null) message += $"\n--- build log ---\n{buildLog.TrimEnd()}\n--- end of build log ---";
        return message;
    }
}
