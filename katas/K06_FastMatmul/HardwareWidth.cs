using System.Runtime.Intrinsics;

namespace Katas.FastMatmul;

/// <summary>Which <see cref="VectorWidth"/> this machine runs fastest, and how many floats each width holds.</summary>
/// <remarks>
/// <c>Vector512.IsHardwareAccelerated</c> answers "are 512-bit vectors fast here?", not "does the CPU have
/// AVX-512?": on some Intel Xeons .NET says false on purpose because 512-bit code lowers their clock. A width
/// that is not accelerated still works (the runtime emulates it in software, slowly), which is how the tests
/// check all three widths on every machine.
/// </remarks>
public static class HardwareWidth
{
    /// <summary>The widest vector the runtime accelerates on this machine.</summary>
    public static VectorWidth Preferred =>
        Vector512.IsHardwareAccelerated ? VectorWidth.Bits512
        : Vector256.IsHardwareAccelerated ? VectorWidth.Bits256
        : VectorWidth.Bits128;

    /// <summary>Floats per vector: 4, 8 or 16.</summary>
    public static int Lanes(VectorWidth width) => width switch
    {
        VectorWidth.Bits128 => 4,
        VectorWidth.Bits256 => 8,
        VectorWidth.Bits512 => 16,
        _ => throw new ArgumentOutOfRangeException(nameof(width), width, "a vector is 128, 256 or 512 bits wide"),
    };
}
