using System.Reflection;
using Foundations;

namespace Benchmarks.Ladder;

/// <summary>
/// Finds the katas' matrix products by their contract names, at run time, so the ladder builds whichever katas
/// exist yet. Each binding is a real delegate made with <see cref="Delegate.CreateDelegate(Type, MethodInfo)"/>:
/// calling it costs the same as calling the method, not a reflection Invoke.
/// </summary>
/// <remarks>
/// This is the only file that knows the names. Once every kata is in the repository it can be replaced by direct
/// calls (<c>return Katas.Elementwise.Matmul.TwoLoops;</c> …) without touching the rest of the ladder.
/// A binding that returns null says why in <c>missing</c>.
/// </remarks>
internal static class KataLevels
{
    private static readonly Assembly Katas = typeof(Katas.Matmul.Matmul).Assembly;
    private static readonly Assembly Substrate = typeof(Tensor).Assembly;

    public static Func<Tensor, Tensor, Tensor>? ThreeLoops(out string missing) => Product("Katas.Matmul.Matmul", "ThreeLoops", out missing);
    public static Func<Tensor, Tensor, Tensor>? TwoLoops(out string missing) => Product("Katas.Elementwise.Matmul", "TwoLoops", out missing);
    public static Func<Tensor, Tensor, Tensor>? OneLoop(out string missing) => Product("Katas.Broadcasting.Matmul", "OneLoop", out missing);
    public static Func<Tensor, Tensor, Tensor>? Fast(out string missing) => Product("Katas.FastMatmul.FastMatmul", "Compute", out missing);

    /// <summary>K05's <c>Einsum.Compute("ik,kj->ij", a, b)</c>.</summary>
    public static Func<Tensor, Tensor, Tensor>? Einsum(out string missing)
    {
        var method = Katas.GetType("Katas.Einsum.Einsum")?.GetMethod("Compute", [typeof(string), typeof(Tensor[])]);
        missing = method is null ? "Katas.Einsum.Einsum.Compute(string, params Tensor[]) is not in the Katas assembly yet" : "";
        if (method is null) return null;
        var einsum = method.CreateDelegate<Func<string, Tensor[], Tensor>>();
        return (a, b) => einsum("ik,kj->ij", [a, b]);
    }

    /// <summary>
    /// K07's <c>new OpenClMatmul(device).Multiply(a, b, kernel)</c> on the default OpenCL device. The returned
    /// owner holds the device and the OpenClMatmul; dispose it when done.
    /// </summary>
    public static Func<Tensor, Tensor, Tensor>? OpenCl(string kernelName, out IDisposable? owner, out string missing)
    {
        owner = null;
        Type? deviceType = Substrate.GetType("Foundations.OpenCL.OpenClDevice");
        Type? matmulType = Katas.GetType("Katas.OpenCL.OpenClMatmul");
        Type? kernelType = Katas.GetType("Katas.OpenCL.MatmulKernel");
        var tryGetDefault = deviceType?.GetMethod("TryGetDefault", BindingFlags.Public | BindingFlags.Static);
        var multiply = kernelType is null ? null : matmulType?.GetMethod("Multiply", [typeof(Tensor), typeof(Tensor), kernelType]);
        if (tryGetDefault is null || multiply is null || kernelType is null || !Enum.IsDefined(kernelType, kernelName))
        {
            missing = "Katas.OpenCL.OpenClMatmul.Multiply(a, b, MatmulKernel." + kernelName + ") or Foundations.OpenCL.OpenClDevice is not there yet";
            return null;
        }

        object?[] arguments = [null, null];
        if (!(bool)tryGetDefault.Invoke(null, arguments)!)
        {
            missing = "no OpenCL platform: " + arguments[1];
            return null;
        }
        var device = (IDisposable)arguments[0]!;
        IDisposable matmul;
        try
        {
            matmul = (IDisposable)Activator.CreateInstance(matmulType!, device)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            device.Dispose();
            throw e.InnerException; // a stub's NotImplementedException, as if called directly
        }
        owner = new Owners(matmul, device);
        missing = "";
        var bind = typeof(KataLevels).GetMethod(nameof(BindKernel), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(kernelType);
        return (Func<Tensor, Tensor, Tensor>)bind.Invoke(null, [matmul, multiply, Enum.Parse(kernelType, kernelName)])!;
    }

    private static Func<Tensor, Tensor, Tensor> BindKernel<TKernel>(object target, MethodInfo multiply, TKernel kernel)
    {
        var call = multiply.CreateDelegate<Func<Tensor, Tensor, TKernel, Tensor>>(target);
        return (a, b) => call(a, b, kernel);
    }

    private static Func<Tensor, Tensor, Tensor>? Product(string typeName, string methodName, out string missing)
    {
        var method = Katas.GetType(typeName)?.GetMethod(methodName, BindingFlags.Public | BindingFlags.Static, [typeof(Tensor), typeof(Tensor)]);
        missing = method is null ? $"{typeName}.{methodName}(Tensor, Tensor) is not in the Katas assembly yet" : "";
        return method?.CreateDelegate<Func<Tensor, Tensor, Tensor>>();
    }

    /// <summary>Disposes the OpenClMatmul, then its device.</summary>
    private sealed class Owners(params IDisposable[] owned) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in owned) item.Dispose();
        }
    }
}
