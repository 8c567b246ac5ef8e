using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;

namespace Foundations;

internal static partial class BlockedGemm
{
    /// <summary>
    /// The 128-bit tile for ARM64: C[6 × 8] += Apanel · Bpanel, as <c>Tile&lt;Vector128&lt;float&gt;, Math128&gt;</c>
    /// computes it, with NEON's multiply-add by element. The generic tile broadcasts each A value with
    /// <c>Vector128.Create(a)</c>, which the ARM64 JIT compiles to a <c>dup</c> on the same vector pipes as the
    /// <c>fmla</c>s: 18 vector instructions per step for 12 multiply-adds. Here A's six values of a step are loaded
    /// as two overlapping vectors (rows 0–3 and 2–5) and each <c>fmla v.4s, v.4s, v.s[i]</c> reads its A value
    /// from a lane, so a step is 4 loads and 12 multiply-adds. Only ARM64 runs this; CI runs the substrate's tests
    /// compiled for ARM64 under qemu (tests/README.md), which is how it is tested. It has not been timed on ARM
    /// hardware.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void TileNeon(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int kc, Span<float> c, int ldc)
    {
        if (!AdvSimd.Arm64.IsSupported) throw new PlatformNotSupportedException("the NEON tile needs ARM64");
        // The lengths are checked once here, so the loop can load without a bounds check per vector.
        if (a.Length < MR * kc || b.Length < 8 * kc) throw new ArgumentException($"the panels hold {a.Length} and {b.Length} floats, depth {kc} needs {MR * kc} and {8 * kc}");
        ref float aPanel = ref MemoryMarshal.GetReference(a), bPanel = ref MemoryMarshal.GetReference(b);
        Vector128<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector128<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            nuint aAt = (nuint)(MR * p), bAt = (nuint)(8 * p);
            Vector128<float> rows0To3 = Vector128.LoadUnsafe(ref aPanel, aAt), rows2To5 = Vector128.LoadUnsafe(ref aPanel, aAt + 2);
            Vector128<float> b0 = Vector128.LoadUnsafe(ref bPanel, bAt), b1 = Vector128.LoadUnsafe(ref bPanel, bAt + 4);
            c00 = AdvSimd.Arm64.FusedMultiplyAddBySelectedScalar(c00, b0, rows0To3, 0);
            c01 = AdvSimd.Arm64.FusedMultiplyAddBySelectedScalar(c01, b1, rows0To3, 0);
            c10 = AdvSimd.Arm64.FusedMultiplyAddBySelectedScalar(c10, b0, rows0To3, 1);
            c11 = AdvSimd.Arm64.FusedMultiplyAddBySelectedScalar(c11, b1, rows0To3, 1);
            c20 = AdvSimd.Arm64.FusedMultiplyAddBySelectedScalar(c20, b0, rows0To3, 2);
            c21 = AdvSimd.Arm64.FusedMultiplyAddBySelectedScalar(c21, b1, rows0To3, 2);
            c30 = AdvSimd.Arm64.FusedMultiplyAddBySelectedScalar(c30, b0, rows0To3, 3);
            c31 = AdvSimd.Arm64.FusedMultiplyAddBySelectedScalar(c31, b1, rows0To3, 3);
            c40 = AdvSimd.Arm64.FusedMultiplyAddBySelectedScalar(c40, b0, rows2To5, 2);
            c41 = AdvSimd.Arm64.FusedMultiplyAddBySelectedScalar(c41, b1, rows2To5, 2);
            c50 = AdvSimd.Arm64.FusedMultiplyAddBySelectedScalar(c50, b0, rows2To5, 3);
            c51 = AdvSimd.Arm64.FusedMultiplyAddBySelectedScalar(c51, b1, rows2To5, 3);
        }
        AddRow<Vector128<float>, Math128>(c, c00, c01);
        AddRow<Vector128<float>, Math128>(c[ldc..], c10, c11);
        AddRow<Vector128<float>, Math128>(c[(2 * ldc)..], c20, c21);
        AddRow<Vector128<float>, Math128>(c[(3 * ldc)..], c30, c31);
        AddRow<Vector128<float>, Math128>(c[(4 * ldc)..], c40, c41);
        AddRow<Vector128<float>, Math128>(c[(5 * ldc)..], c50, c51);
    }
}
