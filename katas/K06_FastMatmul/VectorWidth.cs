using System.Runtime.Intrinsics;

namespace Katas.FastMatmul;

/// <summary>
/// How many bits one SIMD register holds: 128 (SSE, NEON on ARM64), 256 (AVX2) or 512 (AVX-512).
/// Every fast path in this kata takes one, so the tests can run each width on any machine.
/// </summary>
public enum VectorWidth
{
    /// <summary>4 floats per vector: <see cref="Vector128{T}"/>.</summary>
    Bits128 = 128,
    /// <summary>8 floats per vector: <see cref="Vector256{T}"/>.</summary>
    Bits256 = 256,
    /// <summary>16 floats per vector: <see cref="Vector512{T}"/>.</summary>
    Bits512 = 512,
}
