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
        var format = new NumberFormat(SampleValues(summarize));
        var text = new StringBuilder("tensor(");
        if (Rank == 0) text.Append(format.Format(Item()));
        else AppendDim(text, this, format, indent: "tensor(".Length, summarize);
        return text.Append(')').ToString();
    }

    private const int LineWidth = 80; // PyTorch's default linewidth

    private static void AppendDim(StringBuilder text, Tensor t, NumberFormat format, int indent, bool summarize)
    {
        int size = t._shape[0];
        bool cut = summarize && size > 2 * EdgeItems;
        if (t.Rank == 1)
        {
            // A vector: numbers joined by ", ", wrapped so that lines stay within 80 columns.
            var items = new List<string>();
            for (int i = 0; i < size; i++)
            {
                if (cut && i == EdgeItems)
                {
                    items.Add(" ...");
                    i = size - EdgeItems;
                }
                items.Add(format.Format(t[i]));
            }
            int perLine = Math.Max(1, (LineWidth - indent) / (format.Width + 2));
            text.Append('[');
            for (int i = 0; i < items.Count; i++)
            {
                if (i > 0) text.Append(i % perLine == 0 ? ",\n" + new string(' ', indent + 1) : ", ");
                text.Append(items[i]);
            }
            text.Append(']');
            return;
        }
        text.Append('[');
        string separator = "," + new string('\n', t.Rank - 1) + new string(' ', indent + 1);
        for (int i = 0; i < size; i++)
        {
            if (cut && i == EdgeItems)
            {
                text.Append("...").Append(separator);
                i = size - EdgeItems;
            }
            AppendDim(text, t.Select(0, i), format, indent + 1, summarize);
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

    /// <summary>
    /// PyTorch's number format, chosen from the non-zero finite values that will be printed:
    /// integers print as <c>1.</c>; otherwise four decimals; scientific notation when the largest
    /// magnitude exceeds 1e8 or 1000 times the smallest (integers too), or the smallest is below 1e-4.
    /// The width is that of the widest of those values; nan, inf and zeros are padded to it, never cut.
    /// </summary>
    private sealed class NumberFormat
    {
        private readonly bool _integers, _scientific;

        public NumberFormat(List<float> values)
        {
            // Doubles, as Python formats them: a float's exact value, not a 7-digit rounding of it.
            var nonZeroFinite = values.Where(v => float.IsFinite(v) && v != 0).Select(v => (double)v).ToList();
            _integers = true;
            Width = 1;
            if (nonZeroFinite.Count == 0) return;
            double max = nonZeroFinite.Max(Math.Abs), min = nonZeroFinite.Min(Math.Abs);
            _integers = nonZeroFinite.All(v => v == Math.Ceiling(v));
            _scientific = max / min > 1000.0 || max > 1e8 || (!_integers && min < 1e-4);
            Width = nonZeroFinite.Max(v => Raw(v).Length);
        }

        /// <summary>The width every number is padded to.</summary>
        public int Width { get; }

        public string Format(float value) => Raw(value).PadLeft(Width);

        private string Raw(double v) =>
            double.IsNaN(v) ? "nan"
            : double.IsInfinity(v) ? (v > 0 ? "inf" : "-inf")
            : _scientific ? v.ToString("0.0000e+00", CultureInfo.InvariantCulture)
            : _integers ? v.ToString("0", CultureInfo.InvariantCulture) + "."
            : v.ToString("0.0000", CultureInfo.InvariantCulture);
    }
}
