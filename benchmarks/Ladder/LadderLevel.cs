using Foundations;

namespace Benchmarks.Ladder;

/// <summary>
/// One rung of the ladder: its name (the benchmark method's name), where it comes from, how to get its product as a
/// delegate, and the largest product it is asked to do (the slow rungs would take minutes at 1024²).
/// </summary>
internal sealed record LadderLevel(string Name, string Source, long MaxFmas, LadderLevel.Binder Bind)
{
    public delegate Func<Tensor, Tensor, Tensor>? Binder(out IDisposable? owner, out string missing);

    private const long Slow = 512L * 512 * 512, Medium = 1024L * 1024 * 1024, Unlimited = long.MaxValue;

    public static readonly IReadOnlyList<LadderLevel> All =
    [
        Kata("ThreeLoops", "K02 three loops", Slow, KataLevels.ThreeLoops),
        Kata("TwoLoops", "K03 elementwise row·column", Slow, KataLevels.TwoLoops),
        Kata("OneLoop", "K04 broadcasting", Slow, KataLevels.OneLoop),
        Kata("Einsum", "K05 einsum ik,kj->ij", Medium, KataLevels.Einsum),
        Kata("Fast", "K06 packed SIMD micro-kernel", Unlimited, KataLevels.Fast),
        new("MatMul", "substrate Tensor.MatMul", Unlimited, static (out IDisposable? owner, out string missing) =>
        {
            owner = null; missing = "";
            return Tensor.MatMul;
        }),
        OpenCl("OpenClNaive", "K07 OpenCL naive", "Naive"),
        OpenCl("OpenClTiled", "K07 OpenCL tiled", "Tiled"),
        OpenCl("OpenClRegisterBlocked", "K07 OpenCL register-blocked", "RegisterBlocked"),
        new("OpenBlas", "OpenBLAS cblas_sgemm", Unlimited, static (out IDisposable? owner, out string missing) =>
        {
            owner = null;
            if (!OpenBlas.IsAvailable(out missing)) return null;
            OpenBlas.UseAllCores();
            return OpenBlas.Multiply;
        }),
    ];

    public static LadderLevel Named(string name) => All.First(level => level.Name == name);

    private delegate Func<Tensor, Tensor, Tensor>? StaticBinding(out string missing);

    private static LadderLevel Kata(string name, string source, long maxFmas, StaticBinding binding) =>
        new(name, source, maxFmas, (out IDisposable? owner, out string missing) =>
        {
            owner = null;
            return binding(out missing);
        });

    private static LadderLevel OpenCl(string name, string source, string kernel) =>
        new(name, source, Medium, (out IDisposable? owner, out string missing) => KataLevels.OpenCl(kernel, out owner, out missing));
}
