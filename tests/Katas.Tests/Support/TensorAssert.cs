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
    /// is within atol + rtol·|expected|. <paramref name="inputs"/> (the operands, by name) are printed next to
    /// expected and actual when the test fails, in full when they are small.</summary>
    public static void Near(Tensor? actual, Tensor expected, string idea, double rtol = Rtol, double atol = Atol,
                            (string Name, Tensor Value)[]? inputs = null)
    {
        string given = Inputs(inputs);
        Assert.That(actual, Is.Not.Null, $"{idea}: expected a tensor of shape {ShapeRules.Format(expected.Shape)}, got null{given}");
        Assert.That(actual!.Shape, Is.EqualTo(expected.Shape),
            $"{idea}: the shape should be {ShapeRules.Format(expected.Shape)} but is {ShapeRules.Format(actual.Shape)}{given}");
        float[] a = actual!.ToArray(), e = expected.ToArray();
        for (int i = 0; i < a.Length; i++)
        {
            double diff = Math.Abs((double)a[i] - e[i]);
            // Equal values (infinities included) are close; otherwise an infinity is never close to anything.
            bool close = a[i] == e[i] || (double.IsFinite(diff) && diff <= atol + rtol * Math.Abs((double)e[i]));
            if (!close)
                Assert.Fail($"{idea}: element {FormatIndex(i, expected.Shape)} is {a[i]} but should be {e[i]} " +
                            $"(difference {diff:G4}, tolerance rtol={rtol}, atol={atol}).{given}\n" +
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
    public static void Equal(Tensor? actual, Tensor expected, string idea, (string Name, Tensor Value)[]? inputs = null) =>
        Near(actual, expected, idea, rtol: 0, atol: 0, inputs);

    /// <summary>Tensors of at most this many elements are printed whole as inputs; larger ones by their shape.</summary>
    public const int SmallInput = 64;

    /// <summary>
    /// "\ninputs:   a = tensor(…)\n          b = …": each operand on its own line under one label, aligned like
    /// "expected:" and "actual:" (the runner shows it between the failure and expected/actual). Empty without inputs.
    /// </summary>
    public static string Inputs((string Name, Tensor Value)[]? inputs)
    {
        if (inputs is null || inputs.Length == 0) return "";
        const string label = "inputs:   ";
        var text = new System.Text.StringBuilder();
        foreach (var (name, value) in inputs)
        {
            string prefix = $"{name} = ";
            string shown = value.Numel <= SmallInput ? value.ToString()
                : $"a tensor of shape {ShapeRules.Format(value.Shape)} (too big to print)";
            // Continuation lines of a printed tensor keep their alignment under the first line.
            shown = shown.Replace("\n", "\n" + new string(' ', label.Length + prefix.Length));
            text.Append(text.Length == 0 ? "\n" + label : "\n" + new string(' ', label.Length)).Append(prefix).Append(shown);
        }
        return text.ToString();
    }

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
