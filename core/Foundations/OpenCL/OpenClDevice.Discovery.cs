using System.Text;
using Silk.NET.OpenCL;

namespace Foundations.OpenCL;

// Finding platforms and devices, and reading their info strings, kept apart from the device's own work.
public sealed partial class OpenClDevice
{
    private readonly record struct Candidate(nint Platform, nint Device, string Label, bool IsGpu);

    private static bool TryListAll(out CL api, out List<Candidate> all, out string reason)
    {
        all = [];
        api = OpenClApi.Api!;
        if (api is null)
        {
            reason = $"{OpenClApi.Missing} {InstallHint}";
            return false;
        }
        try
        {
            Span<uint> count = stackalloc uint[1];
            int code = api.GetPlatformIDs(0, Span<nint>.Empty, count);
            uint platformCount = count[0];
            if (code == (int)ErrorCodes.PlatformNotFoundKhr || (code == 0 && platformCount == 0))
            {
                reason = "The OpenCL loader is installed but finds no platform (clGetPlatformIDs: CL_PLATFORM_NOT_FOUND_KHR, -1001): " +
                         "no driver is registered in /etc/OpenCL/vendors. " + InstallHint;
                return false;
            }
            OpenClErrors.Check(code, "clGetPlatformIDs");
            var platforms = new nint[platformCount];
            OpenClErrors.Check(api.GetPlatformIDs(platformCount, platforms, Span<uint>.Empty), "clGetPlatformIDs");

            foreach (nint platform in platforms)
            {
                code = api.GetDeviceIDs(platform, DeviceType.All, 0, Span<nint>.Empty, count);
                uint deviceCount = count[0];
                if (code == (int)ErrorCodes.DeviceNotFound || deviceCount == 0) continue;   // a platform with no device
                OpenClErrors.Check(code, "clGetDeviceIDs");
                var devices = new nint[deviceCount];
                OpenClErrors.Check(api.GetDeviceIDs(platform, DeviceType.All, deviceCount, devices, Span<uint>.Empty), "clGetDeviceIDs");
                string platformName = PlatformString(api, platform, PlatformInfo.Name);
                foreach (nint device in devices)
                {
                    bool gpu = (DeviceValue<ulong>(api, device, DeviceInfo.Type) & (ulong)DeviceType.Gpu) != 0;
                    all.Add(new Candidate(platform, device, $"{platformName} / {DeviceString(api, device, DeviceInfo.Name)} ({(gpu ? "GPU" : "not a GPU")})", gpu));
                }
            }
        }
        catch (OpenClException e)
        {
            reason = $"Listing the OpenCL devices failed: {e.Message}. {InstallHint}";
            return false;
        }
        if (all.Count == 0)
        {
            reason = "The OpenCL platforms report no device. " + InstallHint;
            return false;
        }
        reason = "";
        return true;
    }

    // The first GPU if there is one (that is what OpenCL is for), else the first device.
    private static int Preferred(List<Candidate> all)
    {
        int gpu = all.FindIndex(d => d.IsGpu);
        return gpu >= 0 ? gpu : 0;
    }

    // KATAS_OPENCL_DEVICE: an index into the list, or part of "platform / device" (case-insensitive).
    private static int IndexOf(List<Candidate> all, string wanted)
    {
        if (int.TryParse(wanted, out int index)) return index >= 0 && index < all.Count ? index : -1;
        return all.FindIndex(d => d.Label.Contains(wanted, StringComparison.OrdinalIgnoreCase));
    }

    private static string Describe(List<Candidate> all) => string.Join("\n", all.Select((d, i) => $"  {i}: {d.Label}"));

    // Info strings come in two calls: one asks for the size, the second fills a buffer of that size.
    private static string PlatformString(CL api, nint platform, PlatformInfo param)
    {
        Span<nuint> size = stackalloc nuint[1];
        OpenClErrors.Check(api.GetPlatformInfo(platform, param, 0, Span<byte>.Empty, size), "clGetPlatformInfo");
        var bytes = new byte[(int)size[0]];
        OpenClErrors.Check(api.GetPlatformInfo(platform, param, size[0], bytes.AsSpan(), Span<nuint>.Empty), "clGetPlatformInfo");
        return Encoding.UTF8.GetString(bytes).TrimEnd('\0').Trim();
    }

    private static string DeviceString(CL api, nint device, DeviceInfo param)
    {
        Span<nuint> size = stackalloc nuint[1];
        OpenClErrors.Check(api.GetDeviceInfo(device, param, 0, Span<byte>.Empty, size), "clGetDeviceInfo");
        var bytes = new byte[(int)size[0]];
        OpenClErrors.Check(api.GetDeviceInfo(device, param, size[0], bytes.AsSpan(), Span<nuint>.Empty), "clGetDeviceInfo");
        return Encoding.UTF8.GetString(bytes).TrimEnd('\0').Trim();
    }

    private static unsafe T DeviceValue<T>(CL api, nint device, DeviceInfo param) where T : unmanaged
    {
        Span<T> value = stackalloc T[1];
        OpenClErrors.Check(api.GetDeviceInfo(device, param, (nuint)sizeof(T), value, Span<nuint>.Empty), "clGetDeviceInfo");
        return value[0];
    }
}
