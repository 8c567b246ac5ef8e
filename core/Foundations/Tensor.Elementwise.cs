using System.Numerics.Tensors;

namespace Foundations;

// The "real" elementwise ops: broadcasting arithmetic and comparisons, and unary maths.
// Katas rebuild these; once rebuilt, later katas use these fast versions.
public sealed partial class Tensor
{
    /// <summary>Elementwise sum with broadcasting.</summary>
    public static Tensor operator +(Tensor a, Tensor b) => Broadcasting.Zip<AddOp>(a, b);
    /// <summary>Elementwise difference with broadcasting.</summary>
    public static Tensor operator -(Tensor a, Tensor b) => Broadcasting.Zip<SubOp>(a, b);
    /// <summary>Elementwise product with broadcasting (not the matrix product: see <see cref="Matmul(Tensor, Tensor)"/>).</summary>
    public static Tensor operator *(Tensor a, Tensor b) => Broadcasting.Zip<MulOp>(a, b);
    /// <summary>Elementwise quotient with broadcasting.</summary>
    public static Tensor operator /(Tensor a, Tensor b) => Broadcasting.Zip<DivOp>(a, b);

    /// <summary>Adds a number to every element.</summary>
    public static Tensor operator +(Tensor a, float b) => Broadcasting.Zip<AddOp>(a, Scalar(b));
    /// <summary>Adds a number to every element.</summary>
    public static Tensor operator +(float a, Tensor b) => Broadcasting.Zip<AddOp>(Scalar(a), b);
    /// <summary>Subtracts a number from every element.</summary>
    public static Tensor operator -(Tensor a, float b) => Broadcasting.Zip<SubOp>(a, Scalar(b));
    /// <summary>Subtracts every element from a number.</summary>
    public static Tensor operator -(float a, Tensor b) => Broadcasting.Zip<SubOp>(Scalar(a), b);
    /// <summary>Multiplies every element by a number.</summary>
    public static Tensor operator *(Tensor a, float b) => Broadcasting.Zip<MulOp>(a, Scalar(b));
    /// <summary>Multiplies every element by a number.</summary>
    public static Tensor operator *(float a, Tensor b) => Broadcasting.Zip<MulOp>(Scalar(a), b);
    /// <summary>Divides every element by a number.</summary>
    public static Tensor operator /(Tensor a, float b) => Broadcasting.Zip<DivOp>(a, Scalar(b));
    /// <summary>Divides a number by every element.</summary>
    public static Tensor operator /(float a, Tensor b) => Broadcasting.Zip<DivOp>(Scalar(a), b);
    /// <summary>Negates every element.</summary>
    public static Tensor operator -(Tensor a) => a.Map(static (x, y) => TensorPrimitives.Negate(x, y));

    /// <summary>1 where a &gt; b, else 0 (broadcasting).</summary>
    public static Tensor operator >(Tensor a, Tensor b) => Broadcasting.Zip<GtOp>(a, b);
    /// <summary>1 where a &lt; b, else 0 (broadcasting).</summary>
    public static Tensor operator <(Tensor a, Tensor b) => Broadcasting.Zip<LtOp>(a, b);
    /// <summary>1 where a ≥ b, else 0 (broadcasting).</summary>
    public static Tensor operator >=(Tensor a, Tensor b) => Broadcasting.Zip<GeOp>(a, b);
    /// <summary>1 where a ≤ b, else 0 (broadcasting).</summary>
    public static Tensor operator <=(Tensor a, Tensor b) => Broadcasting.Zip<LeOp>(a, b);
    /// <summary>1 where a &gt; b, else 0.</summary>
    public static Tensor operator >(Tensor a, float b) => Broadcasting.Zip<GtOp>(a, Scalar(b));
    /// <summary>1 where a &lt; b, else 0.</summary>
    public static Tensor operator <(Tensor a, float b) => Broadcasting.Zip<LtOp>(a, Scalar(b));
    /// <summary>1 where a ≥ b, else 0.</summary>
    public static Tensor operator >=(Tensor a, float b) => Broadcasting.Zip<GeOp>(a, Scalar(b));
    /// <summary>1 where a ≤ b, else 0.</summary>
    public static Tensor operator <=(Tensor a, float b) => Broadcasting.Zip<LeOp>(a, Scalar(b));

    /// <summary>1 where this &gt; other, else 0.</summary>
    public Tensor Gt(Tensor other) => this > other;
    /// <summary>1 where this &lt; other, else 0.</summary>
    public Tensor Lt(Tensor other) => this < other;
    /// <summary>1 where this ≥ other, else 0.</summary>
    public Tensor Ge(Tensor other) => this >= other;
    /// <summary>1 where this ≤ other, else 0.</summary>
    public Tensor Le(Tensor other) => this <= other;
    /// <summary>1 where this == other, else 0 (C#'s == on tensors stays reference equality).</summary>
    public Tensor Eq(Tensor other) => Broadcasting.Zip<EqOp>(this, other);
    /// <summary>1 where this != other, else 0.</summary>
    public Tensor Ne(Tensor other) => Broadcasting.Zip<NeOp>(this, other);
    /// <summary>The larger of each pair of elements (broadcasting).</summary>
    public static Tensor Maximum(Tensor a, Tensor b) => Broadcasting.Zip<MaxOp>(a, b);
    /// <summary>The smaller of each pair of elements (broadcasting).</summary>
    public static Tensor Minimum(Tensor a, Tensor b) => Broadcasting.Zip<MinOp>(a, b);

    /// <summary>max(x, min) for every element: <c>ClampMin(0)</c> is ReLU.</summary>
    public Tensor ClampMin(float min) => Map((x, y) => TensorPrimitives.Max(x, min, y));
    /// <summary>eˣ for every element.</summary>
    public Tensor Exp() => Map(static (x, y) => TensorPrimitives.Exp(x, y));
    /// <summary>The natural logarithm of every element.</summary>
    public Tensor Log() => Map(static (x, y) => TensorPrimitives.Log(x, y));
    /// <summary>The square root of every element.</summary>
    public Tensor Sqrt() => Map(static (x, y) => TensorPrimitives.Sqrt(x, y));
    /// <summary>The absolute value of every element.</summary>
    public Tensor Abs() => Map(static (x, y) => TensorPrimitives.Abs(x, y));
    /// <summary>Every element raised to <paramref name="exponent"/>.</summary>
    public Tensor Pow(float exponent) => exponent == 2f
        ? Map(static (x, y) => TensorPrimitives.Multiply(x, x, y)) // the common case, exact and fast
        : Map((x, y) => TensorPrimitives.Pow(x, exponent, y));

    /// <summary>Applies <paramref name="f"/> to every element (a slow, general escape hatch).</summary>
    public Tensor Map(Func<float, float> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return Map((x, y) => { for (int i = 0; i < x.Length; i++) y[i] = f(x[i]); });
    }

    private delegate void SpanMap(ReadOnlySpan<float> input, Span<float> output);

    private Tensor Map(SpanMap map)
    {
        Tensor source = Contiguous();
        var result = new Tensor(_shape);
        map(source._storage.AsSpan(source._offset, Numel), result._storage);
        return result;
    }

    /// <summary>Adds <c>alpha · other</c> to this tensor in place (PyTorch's <c>add_(other, alpha=…)</c>):
    /// the update step of SGD, <c>p.AddInPlace(p.Grad, -lr)</c>.</summary>
    public void AddInPlace(Tensor other, float alpha = 1f)
    {
        ArgumentNullException.ThrowIfNull(other);
        CopyFrom(this + other * alpha);
    }
}
