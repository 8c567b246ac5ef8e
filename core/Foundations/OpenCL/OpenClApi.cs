using Silk.NET.OpenCL;

namespace Foundations.OpenCL;

/// <summary>
/// The process's one Silk.NET <see cref="CL"/> binding. Silk.NET loads the OpenCL ICD loader
/// (<c>libOpenCL.so.1</c>, <c>OpenCL.dll</c>, the macOS framework) the first time it is asked; a machine
/// without one gets a <see cref="Missing"/> reason instead of an exception.
/// </summary>
internal static class OpenClApi
{
    private static readonly Lazy<(CL? Api, string Missing)> Loaded = new(Load);

    /// <summary>The binding, or null when no OpenCL library could be loaded.</summary>
    public static CL? Api => Loaded.Value.Api;

    /// <summary>Why <see cref="Api"/> is null ("" when it is not).</summary>
    public static string Missing => Loaded.Value.Missing;

    private static (CL?, string) Load()
    {
        try
        {
            return (CL.GetApi(), "");
        }
        catch (Exception e) when (e is FileNotFoundException or DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return (null, $"No OpenCL library could be loaded ({e.Message.Trim()}).");
        }
    }
}
