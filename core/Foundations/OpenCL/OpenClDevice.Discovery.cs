using System.Text;

namespace Foundations.OpenCL;

// Finding platforms and devices, and reading their info strings, kept apart from the device's own work.
public sealed partial class OpenClDevice
{
    private readonly record struct Found(nint Platform, nint Device, string Label, bool IsGpu);

    private static unsafe bool TryListAll(out List<Found> all, out string reason)
    {
        all = [];
        reason = "";
        try
        {
            uint platformCount;
            int code = Cl.GetPlatformIDs(0, null, &platformCount);
            if (code == -1001 || (code == Cl.Success && platformCount == 0))
            {
                reason = "The OpenCL loader is installed but finds no platform (clGetPlatformIDs: CL_PLATFORM_NOT_FOUND_KHR, -1001): " +
                         "no driver is registered in /etc/OpenCL/vendors. " + InstallHint;
                return false;
            }
            OpenClErrors.Check(code, "clGetPlatformIDs");
            var platforms = new nint[platformCount];
            fixed (nint* pointer = platforms)
                OpenClErrors.Check(Cl.GetPlatformIDs(platformCount, pointer, null), "clGetPlatformIDs");

            foreach (nint platform in platforms)
            {
                uint deviceCount;
                code = Cl.GetDeviceIDs(platform, Cl.DeviceTypeAll, 0, null, &deviceCount);
                if (code == -1 || deviceCount == 0) continue;   // CL_DEVICE_NOT_FOUND: a platform with no device
                OpenClErrors.Check(code, "clGetDeviceIDs");
                var devices = new nint[deviceCount];
                fixed (nint* pointer = devices)
                    OpenClErrors.Check(Cl.GetDeviceIDs(platform, Cl.DeviceTypeAll, deviceCount, pointer, null), "clGetDeviceIDs");
                string platformName = PlatformString(platform, Cl.PlatformName);
                foreach (nint device in devices)
                {
                    bool gpu = (DeviceValue<ulong>(device, Cl.DeviceType) & Cl.DeviceTypeGpu) != 0;
                    all.Add(new Found(platform, device, $"{platformName} / {DeviceString(device, Cl.DeviceName)} ({(gpu ? "GPU" : "not a GPU")})", gpu));
                }
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            reason = $"No OpenCL library could be loaded (tried {string.Join(", ", OpenClLibrary.Candidates)}): {e.Message} {InstallHint}";
            return false;
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
        return true;
    }

    // The first GPU if there is one (that is what OpenCL is for), else the first device.
    private static int Preferred(List<Found> all)
    {
        int gpu = all.FindIndex(d => d.IsGpu);
        return gpu >= 0 ? gpu : 0;
    }

    // KATAS_OPENCL_DEVICE: an index into the list, or part of "platform / device" (case-insensitive).
    private static int Find(List<Found> all, string wanted)
    {
        if (int.TryParse(wanted, out int index)) return index >= 0 && index < all.Count ? index : -1;
        return all.FindIndex(d => d.Label.Contains(wanted, StringComparison.OrdinalIgnoreCase));
    }

    private static string Describe(List<Found> all) => string.Join("\n", all.Select((d, i) => $"  {i}: {d.Label}"));

    private static unsafe string PlatformString(nint platform, uint param)
    {
        nuint size;
        OpenClErrors.Check(Cl.GetPlatformInfo(platform, param, 0, null, &size), "clGetPlatformInfo");
        var bytes = new byte[(int)size];
        fixed (byte* pointer = bytes)
            OpenClErrors.Check(Cl.GetPlatformInfo(platform, param, size, pointer, null), "clGetPlatformInfo");
        return Encoding.UTF8.GetString(bytes).TrimEnd('\0').Trim();
    }

    private static unsafe string DeviceString(nint device, uint param)
    {
        nuint size;
        OpenClErrors.Check(Cl.GetDeviceInfo(device, param, 0, null, &size), "clGetDeviceInfo");
        var bytes = new byte[(int)size];
        fixed (byte* pointer = bytes)
            OpenClErrors.Check(Cl.GetDeviceInfo(device, param, size, pointer, null), "clGetDeviceInfo");
        return Encoding.UTF8.GetString(bytes).TrimEnd('\0').Trim();
    }

    private static unsafe T DeviceValue<T>(nint device, uint param) where T : unmanaged
    {
        T value;
        OpenClErrors.Check(Cl.GetDeviceInfo(device, param, (nuint)sizeof(T), &value, null), "clGetDeviceInfo");
        return value;
    }
}
