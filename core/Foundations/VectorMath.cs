using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Foundations;

/// <summary>
/// The handful of vector operations the kernels need, for one vector type. Writing a kernel once as
/// <c>Kernel&lt;TVector, TMath&gt;</c> and instantiating it with <see cref="Math128"/>, <see cref="Math256"/> or
/// <see cref="Math512"/> gives three kernels from one text: the JIT compiles a separate copy for each struct type
/// argument and inlines these static calls, so the generic code runs as fast as code written for one width.
/// </summary>
internal interface IVectorMath<TVector> where TVector : struct
{
    /// <summary>Floats per vector.</summary>
    static abstract int Lanes { get; }

    /// <summary>The vector whose every lane is <paramref name="value"/>.</summary>
    static abstract TVector Broadcast(float value);

    /// <summary>The first <see cref="Lanes"/> floats of <paramref name="source"/>.</summary>
    static abstract TVector Load(ReadOnlySpan<float> source);

    /// <summary>Writes the vector over the first <see cref="Lanes"/> floats of <paramref name="target"/>.</summary>
    static abstract void Store(TVector value, Span<float> target);

    /// <summary>x·y + addend in one instruction, rounded once (FMA on x86, FMLA on ARM64).</summary>
    static abstract TVector MultiplyAdd(TVector x, TVector y, TVector addend);

    /// <summary>x + y, lane by lane.</summary>
    static abstract TVector Add(TVector x, TVector y);
}

/// <summary>128-bit vectors: 4 floats (SSE on x86, NEON on ARM64).</summary>
internal readonly struct Math128 : IVectorMath<Vector128<float>>
{
    public static int Lanes => Vector128<float>.Count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> Broadcast(float value) => Vector128.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> Load(ReadOnlySpan<float> source) => Vector128.Create(source);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector128<float> value, Span<float> target) => value.CopyTo(target);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> MultiplyAdd(Vector128<float> x, Vector128<float> y, Vector128<float> addend) => Vector128.FusedMultiplyAdd(x, y, addend);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<float> Add(Vector128<float> x, Vector128<float> y) => x + y;
}

/// <summary>256-bit vectors: 8 floats (AVX2).</summary>
internal readonly struct Math256 : IVectorMath<Vector256<float>>
{
    public static int Lanes => Vector256<float>.Count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Broadcast(float value) => Vector256.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Load(ReadOnlySpan<float> source) => Vector256.Create(source);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector256<float> value, Span<float> target) => value.CopyTo(target);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyAdd(Vector256<float> x, Vector256<float> y, Vector256<float> addend) => Vector256.FusedMultiplyAdd(x, y, addend);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Add(Vector256<float> x, Vector256<float> y) => x + y;
}

/// <summary>512-bit vectors: 16 floats (AVX-512).</summary>
internal readonly struct Math512 : IVectorMath<Vector512<float>>
{
    public static int Lanes => Vector512<float>.Count;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Broadcast(float value) => Vector512.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Load(ReadOnlySpan<float> source) => Vector512.Create(source);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector512<float> value, Span<float> target) => value.CopyTo(target);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MultiplyAdd(Vector512<float> x, Vector512<float> y, Vector512<float> addend) => Vector512.FusedMultiplyAdd(x, y, addend);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Add(Vector512<float> x, Vector512<float> y) => x + y;
}
