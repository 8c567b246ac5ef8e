using System.Numerics;

namespace Foundations;

/// <summary>A binary operation on floats, scalar and SIMD, so one loop serves every op at full speed.</summary>
internal interface IBinaryOp
{
    static abstract float Apply(float a, float b);
    static abstract Vector<float> Apply(Vector<float> a, Vector<float> b);
}

internal readonly struct AddOp : IBinaryOp
{
    public static float Apply(float a, float b) => a + b;
    public static Vector<float> Apply(Vector<float> a, Vector<float> b) => a + b;
}

internal readonly struct SubOp : IBinaryOp
{
    public static float Apply(float a, float b) => a - b;
    public static Vector<float> Apply(Vector<float> a, Vector<float> b) => a - b;
}

internal readonly struct MulOp : IBinaryOp
{
    public static float Apply(float a, float b) => a * b;
    public static Vector<float> Apply(Vector<float> a, Vector<float> b) => a * b;
}

internal readonly struct DivOp : IBinaryOp
{
    public static float Apply(float a, float b) => a / b;
    public static Vector<float> Apply(Vector<float> a, Vector<float> b) => a / b;
}

internal readonly struct MaxOp : IBinaryOp
{
    public static float Apply(float a, float b) => float.IsNaN(a) || float.IsNaN(b) ? float.NaN : Math.Max(a, b);
    public static Vector<float> Apply(Vector<float> a, Vector<float> b) => Vector.Max(a, b);
}

internal readonly struct MinOp : IBinaryOp
{
    public static float Apply(float a, float b) => float.IsNaN(a) || float.IsNaN(b) ? float.NaN : Math.Min(a, b);
    public static Vector<float> Apply(Vector<float> a, Vector<float> b) => Vector.Min(a, b);
}

// Comparisons give 1 for true and 0 for false, as PyTorch's bool tensors do once turned to float.
internal readonly struct GtOp : IBinaryOp
{
    public static float Apply(float a, float b) => a > b ? 1f : 0f;
    public static Vector<float> Apply(Vector<float> a, Vector<float> b) => Vector.ConditionalSelect(Vector.GreaterThan(a, b), Vector<float>.One, Vector<float>.Zero);
}

internal readonly struct LtOp : IBinaryOp
{
    public static float Apply(float a, float b) => a < b ? 1f : 0f;
    public static Vector<float> Apply(Vector<float> a, Vector<float> b) => Vector.ConditionalSelect(Vector.LessThan(a, b), Vector<float>.One, Vector<float>.Zero);
}

internal readonly struct GeOp : IBinaryOp
{
    public static float Apply(float a, float b) => a >= b ? 1f : 0f;
    public static Vector<float> Apply(Vector<float> a, Vector<float> b) => Vector.ConditionalSelect(Vector.GreaterThanOrEqual(a, b), Vector<float>.One, Vector<float>.Zero);
}

internal readonly struct LeOp : IBinaryOp
{
    public static float Apply(float a, float b) => a <= b ? 1f : 0f;
    public static Vector<float> Apply(Vector<float> a, Vector<float> b) => Vector.ConditionalSelect(Vector.LessThanOrEqual(a, b), Vector<float>.One, Vector<float>.Zero);
}

internal readonly struct EqOp : IBinaryOp
{
    public static float Apply(float a, float b) => a == b ? 1f : 0f;
    public static Vector<float> Apply(Vector<float> a, Vector<float> b) => Vector.ConditionalSelect(Vector.Equals(a, b), Vector<float>.One, Vector<float>.Zero);
}

internal readonly struct NeOp : IBinaryOp
{
    public static float Apply(float a, float b) => a != b ? 1f : 0f;
    public static Vector<float> Apply(Vector<float> a, Vector<float> b) => Vector.ConditionalSelect(Vector.Equals(a, b), Vector<float>.Zero, Vector<float>.One);
}
