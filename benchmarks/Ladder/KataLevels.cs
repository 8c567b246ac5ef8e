using Foundations;
using Foundations.OpenCL;
using Katas.OpenCL;

namespace Benchmarks.Ladder;

/// <summary>
/// The katas' matrix products, as the ladder calls them. This is the only file that knows the katas' names;
/// a learner's stub throws <see cref="NotImplementedException"/>, which the ladder reports as "not implemented".
/// Every binding keeps a <c>missing</c> out-parameter so a level that cannot run here (no OpenCL platform)
/// can say why instead of failing.
/// </summary>
internal static class KataLevels
{
    public static Func<Tensor, Tensor, Tensor>? ThreeLoops(out string missing) => Found(Katas.Matmul.Matmul.ThreeLoops, out missing);
    public static Func<Tensor, Tensor, Tensor>? TwoLoops(out string missing) => Found(Katas.Elementwise.Matmul.TwoLoops, out missing);
    public static Func<Tensor, Tensor, Tensor>? OneLoop(out string missing) => Found(Katas.Broadcasting.Matmul.OneLoop, out missing);
    public static Func<Tensor, Tensor, Tensor>? Fast(out string missing) => Found(Katas.FastMatmul.ParallelMatmul.Multiply, out missing);

    /// <summary>K05's <c>Einsum.Compute("ik,kj->ij", a, b)</c>.</summary>
    public static Func<Tensor, Tensor, Tensor>? Einsum(out string missing) =>
        Found((a, b) => Katas.Einsum.Einsum.Compute("ik,kj->ij", a, b), out missing);

    /// <summary>
    /// K07's <c>new OpenClMatmul(device).Multiply(a, b, kernel)</c> on the default OpenCL device. The returned
    /// owner holds the device and the OpenClMatmul; dispose it when done.
    /// </summary>
    public static Func<Tensor, Tensor, Tensor>? OpenCl(string kernelName, out IDisposable? owner, out string missing)
    {
        owner = null;
        if (!Enum.TryParse<MatmulKernel>(kernelName, out var kernel))
        {
            missing = $"there is no MatmulKernel.{kernelName}";
            return null;
        }
        if (!OpenClDevice.TryGetDefault(out var device, out var reason))
        {
            missing = "no OpenCL platform: " + reason;
            return null;
        }
        OpenClMatmul matmul;
        try
        {
            matmul = new OpenClMatmul(device);
        }
        catch
        {
            device.Dispose(); // a stub's NotImplementedException goes on to the ladder, the device does not leak
            throw;
        }
        owner = new Owners(matmul, device);
        missing = "";
        return (a, b) => matmul.Multiply(a, b, kernel);
    }

    private static Func<Tensor, Tensor, Tensor> Found(Func<Tensor, Tensor, Tensor> product, out string missing)
    {
        missing = "";
        return product;
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
