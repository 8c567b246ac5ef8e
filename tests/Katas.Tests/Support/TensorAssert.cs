using Foundations;
using NUnit.Framework;

namespace KataTests.Support;

/// <summary>
/// Assertions that teach: on failure they say which idea was checked, the shapes, and the first
/// element that differs with its expected and actual values.
/// </summary>
public static class TensorAssert
{
    /// <summary>fastai's tolerance for float32 results computed in a different order.</summary>
    public const double Rtol = 1e-3, Atol = 1e-5;

    /// <summary>Fails unless <paramref name="actual"/> has <paramref name="expected"/>'s shape and every element
    /// is within atol + rtol·|expected|.</summary>
    public static void Near(Tensor? actual, Tensor expected, string idea, double rtol = Rtol, double atol = Atol)
    {
        Assert.That(actual, Is.Not.Null, $"{idea}: expected a tensor of shape {ShapeRules.Format(expected.Shape)}, got null");
        HasShape(actual!, expected.Shape, idea);
        float[] a = actual!.ToArray(), e = expected.ToArray();
        for (int i = 0; i < a.Length; i++)
        {
            double diff = Math.Abs((double)a[i] - e[i]);
            // Equal values (infinities included) are close; otherwise an infinity is never close to anything.
            bool close = a[i] == e[i] || (double.IsFinite(diff) && diff <= atol + rtol * Math.Abs((double)e[i]));
            if (!close)
                Assert.Fail($"{idea}: element {FormatIndex(i, expected.Shape)} is {a[i]} but should be {e[i]} " +
                            $"(difference {diff:G4}, tolerance rtol={rtol}, atol={atol}).\n" +
                            $"expected: {Preview(expected)}\nactual:   {Preview(actual)}");
        }
    }

    /// <summary>Fails unless the tensor's shape is exactly <paramref name="shape"/>.</summary>
    public static void HasShape(Tensor actual, IReadOnlyList<int> shape, string idea)
    {
        Assert.That(actual.Shape, Is.EqualTo(shape),
            $"{idea}: the shape should be {ShapeRules.Format(shape)} but is {ShapeRules.Format(actual.Shape)}");
    }

    /// <summary>Fails unless the elements equal <paramref name="expected"/> exactly (for integer-valued results).</summary>
    public static void Equal(Tensor? actual, Tensor expected, string idea) => Near(actual, expected, idea, rtol: 0, atol: 0);

    /// <summary>The multi-index of flat position <paramref name="flat"/> in a row-major shape, like [1, 2].</summary>
    public static string FormatIndex(int flat, IReadOnlyList<int> shape)
    {
        var index = new int[shape.Count];
        for (int d = shape.Count - 1; d >= 0; d--)
        {
            index[d] = shape[d] == 0 ? 0 : flat % shape[d];
            flat = shape[d] == 0 ? 0 : flat / shape[d];
        }
        return ShapeRules.Format(index);
    }

    private static string Preview(Tensor t)
    {
        string text = t.ToString();
        return text.Length > 600 ? text[..600] + " …" : text;
    }
}
