using System.Reflection;
using System.Runtime.InteropServices;

namespace Foundations.OpenCL;

/// <summary>
/// Finds the OpenCL ICD loader on each operating system. The binding imports the logical name
/// <see cref="Name"/>; this resolver maps it to the file each system installs, because Linux ships
/// only the versioned <c>libOpenCL.so.1</c> unless a -dev package adds the bare <c>libOpenCL.so</c>.
/// </summary>
internal static class OpenClLibrary
{
    public const string Name = "OpenCL";

    private static int _registered;

    /// <summary>The files tried in order on this operating system.</summary>
    public static string[] Candidates =>
        OperatingSystem.IsWindows() ? ["OpenCL.dll"]
        : OperatingSystem.IsMacOS() ? ["/System/Library/Frameworks/OpenCL.framework/OpenCL"]
        : ["libOpenCL.so.1", "libOpenCL.so"];

    /// <summary>Registers the resolver once for this assembly (a second registration would throw).</summary>
    public static void RegisterResolver()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
            NativeLibrary.SetDllImportResolver(typeof(OpenClLibrary).Assembly, Resolve);
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != Name) return 0;   // not ours: let the runtime's default probing handle it
        foreach (string candidate in Candidates)
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out nint handle))
                return handle;
        return 0;   // the runtime then throws DllNotFoundException, which OpenClDevice.TryGetDefault reports
    }
}
