namespace Kata.Processes;

/// <summary>Where the dotnet host is, so child processes use the same SDK and runtime as the runner.</summary>
public static class Dotnet
{
    public static string HostPath { get; } = Find();

    private static string Find()
    {
        string? fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk)) return fromSdk;
        string? self = Environment.ProcessPath;
        if (self != null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return self;
        return "dotnet";
    }
}
