using System.Globalization;
using System.Text;

namespace Foundations;

// Printing as PyTorch prints: tensor([[1., 2.],
//                                     [3., 4.]])
public sealed partial class Tensor
{
    private const int SummarizeAbove = 1000; // PyTorch's default print threshold
    private const int EdgeItems = 3;

    /// <summary>PyTorch-style text: integers as <c>1.</c>, otherwise four decimals, scientific notation for
    /// very large or small magnitudes, and "..." in the middle of tensors with more than 1000 elements.</summary>
    public override string ToString()
    {
        if (Numel == 0)
            return Rank == 1 ? "tensor([])" : $"tensor([], size=({string.Join(", ", _shape)}))";
        bool summarize = Numel > SummarizeAbove;
        Func<float, string> format = ChooseFormat(SampleValues(summarize));
        var text = new StringBuilder("tensor(");
        if (Rank == 0) text.Append(format(Item()));
        else AppendDim(text, this, format, indent: "tensor(".Length, summarize);
        return text.Append(')').ToString();
    }

    private static void AppendDim(StringBuilder text, Tensor t, Func<float, string> format, int indent, bool summarize)
    {
        text.Append('[');
        int size = t._shape[0];
        bool cut = summarize && size > 2 * EdgeItems;
        string separator = t.Rank == 1 ? ", " : "," + new string('\n', t.Rank - 1) + new string(' ', indent + 1);
        for (int i = 0; i < size; i++)
        {
            if (cut && i == EdgeItems)
            {
                text.Append("...").Append(separator);
                i = size - EdgeItems;
            }
            Tensor item = t.Select(0, i);
            if (item.Rank == 0) text.Append(format(item.Item()));
            else AppendDim(text, item, format, indent + 1, summarize);
            if (i < size - 1) text.Append(separator);
        }
        text.Append(']');
    }

    /// <summary>The values that will be printed, so the number format fits exactly those.</summary>
    private List<float> SampleValues(bool summarize)
    {
        if (!summarize) return [.. ToArray()];
        var values = new List<float>();
        void Walk(Tensor t)
        {
            if (t.Rank == 0) { values.Add(t.Item()); return; }
            int size = t._shape[0];
            for (int i = 0; i < size; i++)
            {
                if (size > 2 * EdgeItems && i == EdgeItems) i = size - EdgeItems;
                Walk(t.Select(0, i));
            }
        }
        Walk(this);
        return values;
    }

    private static Func<float, string> ChooseFormat(List<float> values)
    {
        var finite = values.Where(float.IsFinite).Select(Math.Abs).ToList();
        bool integers = finite.All(v => v == Math.Floor(v));
        float max = finite.Count > 0 ? finite.Max() : 0f;
        var nonZero = finite.Where(v => v != 0).ToList();
        float min = nonZero.Count > 0 ? nonZero.Min() : 0f;

        Func<float, string> raw;
        if (integers && max < 1e8f) raw = v => v.ToString("0", CultureInfo.InvariantCulture) + ".";
        else if (max >= 1e8f || (min > 0 && (min < 1e-4f || max / min > 1000f)))
            raw = v => v.ToString("0.0000e+00", CultureInfo.InvariantCulture);
        else raw = v => v.ToString("0.0000", CultureInfo.InvariantCulture);

        string Show(float v) => float.IsNaN(v) ? "nan" : float.IsPositiveInfinity(v) ? "inf" : float.IsNegativeInfinity(v) ? "-inf" : raw(v);
        int width = values.Max(v => Show(v).Length);
        return v => Show(v).PadLeft(width);
    }
}
