using Foundations;

namespace KataTests.K05_Einsum;

/// <summary>
/// The reference the einsum tests compare with: the definition, written as loops. For every assignment of
/// a value to every label, multiply the operands' elements and add the product into the output element its
/// output labels name. Explicit equations with letters only (no "..."), no broadcasting; slow and obvious.
/// </summary>
internal static class LoopEinsum
{
    public static Tensor Compute(string equation, params Tensor[] operands)
    {
        string[] sides = equation.Replace(" ", "", StringComparison.Ordinal).Split("->");
        string[] inputs = sides[0].Split(',');
        string output = sides[1];
        var size = new Dictionary<char, int>();
        for (int n = 0; n < inputs.Length; n++)
            for (int d = 0; d < inputs[n].Length; d++)
                size[inputs[n][d]] = operands[n].Shape[d];
        char[] labels = [.. size.Keys];
        int[] outShape = output.Select(label => size[label]).ToArray();
        var sums = new double[ShapeRules.Product(outShape)];

        var value = new int[labels.Length]; // the current value of each label: an odometer over all of them
        long assignments = labels.Aggregate(1L, (count, label) => count * size[label]);
        for (long step = 0; step < assignments; step++)
        {
            double product = 1;
            for (int n = 0; n < operands.Length; n++)
                product *= operands[n][inputs[n].Select(label => value[Array.IndexOf(labels, label)]).ToArray()];
            int flat = 0;
            foreach (char label in output) flat = flat * size[label] + value[Array.IndexOf(labels, label)];
            sums[flat] += product;
            for (int d = labels.Length - 1; d >= 0 && ++value[d] == size[labels[d]]; d--) value[d] = 0;
        }
        return Tensor.FromArray(sums.Select(s => (float)s).ToArray(), outShape);
    }
}
