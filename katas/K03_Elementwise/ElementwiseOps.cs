using Foundations;

namespace Katas.Elementwise;

/// <summary>
/// Operations that pair up the elements of two tensors of the same shape: element n of the result
/// comes from element n of <c>a</c> and element n of <c>b</c>, nothing else. Comparisons give 1 or 0.
/// </summary>
public static class ElementwiseOps
{
    /// <summary>a + b, element by element. Works on views (a column, a transpose) by following their strides.</summary>
    /// <exception cref="ArgumentException">
    /// The shapes differ: "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0".
    /// </exception>
    public static Tensor Add(Tensor a, Tensor b) =>
        throw new NotImplementedException("Kata 03: check the shapes, then one loop over the elements: result[n] = a[n] + b[n].");

    /// <summary>a − b, element by element.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor Sub(Tensor a, Tensor b) =>
        throw new NotImplementedException("Kata 03: like Add, with −.");

    /// <summary>a · b, element by element (not the matrix product).</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor Mul(Tensor a, Tensor b) =>
        throw new NotImplementedException("Kata 03: like Add, with ·.");

    /// <summary>a / b, element by element (IEEE rules: x/0 is ±∞, 0/0 is NaN).</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor Div(Tensor a, Tensor b) =>
        throw new NotImplementedException("Kata 03: like Add, with /.");

    /// <summary>1 where a &gt; b, else 0.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor Gt(Tensor a, Tensor b) =>
        throw new NotImplementedException("Kata 03: like Add, with x > y ? 1 : 0.");

    /// <summary>1 where a &lt; b, else 0.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor Lt(Tensor a, Tensor b) =>
        throw new NotImplementedException("Kata 03: like Add, with x < y ? 1 : 0.");

    /// <summary>1 where a == b, else 0 (NaN equals nothing, not even itself).</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor Eq(Tensor a, Tensor b) =>
        throw new NotImplementedException("Kata 03: like Add, with x == y ? 1 : 0.");
}
