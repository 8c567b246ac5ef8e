using Foundations;
using Foundations.OpenCL;
using Katas.OpenClMatmul;

namespace Benchmarks.Ladder;

/// <summary>A level's product, ready to time, and whatever it holds open (K07's device and program).</summary>
internal sealed class LevelProduct(Func<Tensor, Tensor, Tensor> multiply, params IDisposable[] owned) : IDisposable
{
    public Tensor Multiply(Tensor a, Tensor b) => multiply(a, b);

    public void Dispose()
    {
        foreach (var item in owned) item.Dispose();
    }
}

/// <summary>One rung: its name, where it comes from, the largest square side it is asked to do, and how to open it.
/// <see cref="Open"/> throws <see cref="PlatformNotSupportedException"/> when this machine cannot run it.</summary>
internal sealed record LadderLevel(string Name, string Source, int MaxSide, Func<LevelProduct> Open);

/// <summary>
/// Every level of the ladder, slowest idea first. This is the only file that knows the katas' names. Before anything is
/// timed, each level is tried once on a small odd product (7×13 @ 13×5) against the substrate's Matmul: a stub that
/// throws NotImplementedException is "not implemented", a wrong answer is reported rather than timed.
/// </summary>
internal static class LadderLevels
{
    private const int Slow = 512, Medium = 1024, Any = int.MaxValue;   // the three-loop rungs would take minutes at 1024²

    public const string Yardstick = "OpenBlas";

    public static readonly IReadOnlyList<LadderLevel> All =
    [
        new("ThreeLoops", "K02 three loops", Slow, () => new(Katas.ThreeLoopMatmul.ThreeLoops.Multiply)),
        new("TwoLoops", "K03 elementwise row·column", Slow, () => new(Katas.Elementwise.TwoLoops.Multiply)),
        new("OneLoop", "K04 broadcasting", Slow, () => new(Katas.Broadcasting.OneLoop.Multiply)),
        new("Einsum", "K05 einsum ik,kj->ij", Any, () => new((a, b) => Katas.Einsum.EinsumOps.Einsum("ik,kj->ij", a, b))),
        new("Fast", "K06 packed SIMD micro-kernel, threads", Any, () => new(Katas.FastMatmul.ParallelMatmul.Multiply)),
        new("Matmul", "substrate Tensor.Matmul", Any, () => new(Tensor.Matmul)),
        new("Portable", "substrate's portable kernel (Matmul without OpenBLAS)", Any,
            () => new((a, b) => BlockedGemm.Multiply(a, b, BlockedGemm.PreferredBits, Environment.ProcessorCount))),
        new("OpenClNaive", "K07 OpenCL naive", Medium, () => OpenCl(KernelVariant.Naive)),
        new("OpenClTiled", "K07 OpenCL tiled", Medium, () => OpenCl(KernelVariant.Tiled)),
        new("OpenClRegisterBlocked", "K07 OpenCL register-blocked", Medium, () => OpenCl(KernelVariant.RegisterBlocked)),
        new(Yardstick, "OpenBLAS cblas_sgemm", Any, OpenBlasProduct),
    ];

    private static readonly Lazy<Dictionary<string, string?>> Problems = new(() => All.ToDictionary(level => level.Name, Probe));

    public static LadderLevel Named(string name) => All.First(level => level.Name == name);

    /// <summary>Null when <paramref name="level"/> runs at <paramref name="size"/>; otherwise the reason it does not.</summary>
    public static string? WhyNot(string level, string size)
    {
        if (Problems.Value[level] is { } problem) return problem;
        var shape = MatmulShape.Parse(size);
        int side = Named(level).MaxSide;
        return shape.Fmas > (long)side * side * side ? $"skipped: too slow at {shape.Display}" : null;
    }

    private static LevelProduct OpenCl(KernelVariant kernel)
    {
        if (!OpenClDevice.TryGetDefault(out var device, out string reason))
            throw new PlatformNotSupportedException("no OpenCL platform: " + reason);
        try
        {
            var matmul = new OpenClMatmulHost(device);
            return new((a, b) => matmul.Multiply(a, b, kernel), matmul, device);   // released in this order
        }
        catch
        {
            device.Dispose();   // a stub's NotImplementedException goes on to the probe; the device does not leak
            throw;
        }
    }

    private static LevelProduct OpenBlasProduct()
    {
        if (!OpenBlas.IsAvailable(out string reason)) throw new PlatformNotSupportedException(reason);
        OpenBlas.UseAllCores();
        return new(OpenBlas.Multiply);
    }

    private static string? Probe(LadderLevel level)
    {
        try
        {
            using var product = level.Open();
            var rng = new Rng(6);
            Tensor a = Tensor.Randn(rng, 7, 13), b = Tensor.Randn(rng, 13, 5);
            var result = product.Multiply(a, b);
            return result.Shape.SequenceEqual([7, 5]) && result.Near(Tensor.Matmul(a, b))
                ? null
                : "wrong result on 7×13 @ 13×5 (run its kata's tests)";
        }
        catch (NotImplementedException e)
        {
            return "not implemented: " + e.Message;
        }
        catch (PlatformNotSupportedException e)
        {
            return "unavailable: " + e.Message;
        }
        catch (Exception e)
        {
            return $"fails on 7×13 @ 13×5: {e.GetType().Name}: {e.Message}";
        }
    }
}
