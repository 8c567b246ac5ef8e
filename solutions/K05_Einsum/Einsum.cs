using Foundations;

namespace Katas.Einsum;

/// <summary>
/// Einstein summation: a product of operands indexed by letters, summed over every letter that is not
/// in the output. <c>ik,kj->ij</c> is the matrix product, <c>ii</c> the trace, <c>ij->ji</c> a transpose.
/// </summary>
public static class Einsum
{
    /// <summary>
    /// Evaluates <paramref name="equation"/> on <paramref name="operands"/>, as <c>torch.einsum</c> does.
    /// <list type="bullet">
    /// <item>Explicit mode <c>ik,kj->ij</c>: the output is the letters after the arrow, in that order.</item>
    /// <item>Implicit mode <c>ik,kj</c>: the output is every letter seen exactly once, sorted, uppercase
    /// before lowercase (after the ellipsis dimensions, if any).</item>
    /// <item>A letter repeated in one operand takes its diagonal (<c>ii->i</c>; <c>ii</c> is the trace).</item>
    /// <item><c>...</c> stands for any number of leading (or inner) dimensions; they broadcast across operands.</item>
    /// <item>Letters absent from the output are summed; spaces are ignored; any number of operands.</item>
    /// </list>
    /// Two operands are contracted by permuting and reshaping them into one call of the substrate's
    /// <see cref="Tensor.MatMul(Tensor, Tensor)"/>; more operands are contracted pairwise, left to right.
    /// The result may be a view of an operand (a transpose or a diagonal), as in PyTorch.
    /// </summary>
    /// <exception cref="ArgumentException">The equation does not fit the operands; the message is PyTorch's.</exception>
    public static Tensor Compute(string equation, params Tensor[] operands)
    {
        ArgumentNullException.ThrowIfNull(equation);
        ArgumentNullException.ThrowIfNull(operands);
        if (operands.Length == 0) throw new ArgumentException("einsum(): must provide at least one operand");
        foreach (Tensor operand in operands) ArgumentNullException.ThrowIfNull(operand, nameof(operands));

        Equation parsed = Equation.ParseInputs(equation, operands.Length);
        int ellipsisRank = CheckRanks(parsed, operands);
        parsed = parsed.WithOutput(equation);

        // 1. Name every dimension: letters keep their ids, the dimensions under "..." get ids from 52 on,
        //    aligned at the right as broadcasting aligns them. Repeated letters become diagonals.
        var tensors = new Tensor[operands.Length];
        var labels = new int[operands.Length][];
        for (int n = 0; n < operands.Length; n++)
            (tensors[n], labels[n]) = TakeDiagonals(operands[n], ExpandEllipsis(parsed.Inputs[n], operands[n].Rank, ellipsisRank), n);
        int[] output = OutputLabels(parsed, ellipsisRank);

        // 2. Every label gets one size; a size of 1 broadcasts (a stride-0 view, no copy).
        Dictionary<int, int> sizes = LabelSizes(tensors, labels, output, operands);
        for (int n = 0; n < tensors.Length; n++)
            tensors[n] = tensors[n].Expand(labels[n].Select(label => sizes[label]).ToArray());

        // 3. Contract left to right. A label is summed as soon as nothing later needs it.
        Tensor result = tensors[0];
        int[] resultLabels = labels[0];
        for (int n = 1; n < tensors.Length; n++)
        {
            var neededLater = new HashSet<int>(output);
            for (int later = n + 1; later < tensors.Length; later++) neededLater.UnionWith(labels[later]);
            (result, resultLabels) = Contract(result, resultLabels, tensors[n], labels[n], neededLater);
        }

        // 4. Whatever is left that the output does not name is summed (one operand: "ij->i", "ii"); then reorder.
        (result, resultLabels) = SumOut(result, resultLabels, keep: new HashSet<int>(output));
        int[] order = output.Select(label => Array.IndexOf(resultLabels, label)).ToArray();
        return IsIdentity(order) ? result : result.Permute(order);
    }

    /// <summary>The number of letters must equal the rank (or be at most the rank with "..."); returns the
    /// largest number of dimensions any "..." covers.</summary>
    private static int CheckRanks(Equation parsed, Tensor[] operands)
    {
        int ellipsisRank = 0;
        for (int n = 0; n < operands.Length; n++)
        {
            List<int> term = parsed.Inputs[n];
            bool hasEllipsis = term.Contains(Equation.Ellipsis);
            int letters = term.Count - (hasEllipsis ? 1 : 0);
            int rank = operands[n].Rank;
            if (hasEllipsis ? letters > rank : letters != rank)
                throw new ArgumentException(hasEllipsis
                    ? $"einsum(): the number of subscripts in the equation ({letters}) is more than the number of dimensions ({rank}) for operand {n}"
                    : $"einsum(): the number of subscripts in the equation ({letters}) does not match the number of dimensions ({rank}) for operand {n} and no ellipsis was given");
            if (hasEllipsis) ellipsisRank = Math.Max(ellipsisRank, rank - letters);
        }
        return ellipsisRank;
    }

    /// <summary>Replaces "..." by the labels of the dimensions it covers. An operand whose "..." covers fewer
    /// dimensions than the widest one takes the last ids, so that the ellipses line up at the right.</summary>
    private static int[] ExpandEllipsis(List<int> term, int rank, int ellipsisRank)
    {
        int covered = rank - (term.Count - (term.Contains(Equation.Ellipsis) ? 1 : 0));
        var labels = new List<int>();
        foreach (int label in term)
        {
            if (label != Equation.Ellipsis) { labels.Add(label); continue; }
            for (int e = ellipsisRank - covered; e < ellipsisRank; e++) labels.Add(Equation.LetterCount + e);
        }
        return [.. labels];
    }

    /// <summary>
    /// A label repeated in one operand walks the diagonal: t[i, i] moves along both dimensions at once, so
    /// the two dimensions merge into one whose stride is the sum of theirs. A view, no copy.
    /// </summary>
    private static (Tensor, int[]) TakeDiagonals(Tensor t, int[] labels, int operandIndex)
    {
        var sizes = new List<int>(t.Shape);
        var strides = new List<int>(t.Strides);
        var kept = new List<int>();
        for (int d = 0; d < labels.Length; d++)
        {
            int first = kept.IndexOf(labels[d]);
            if (first < 0) { kept.Add(labels[d]); continue; }
            int position = kept.Count; // where dimension d sits now that earlier repeats were merged away
            if (sizes[position] != sizes[first])
                throw new ArgumentException(
                    $"einsum(): subscript {Equation.Name(labels[d])} is repeated for operand {operandIndex} but the sizes don't match, {sizes[position]} != {sizes[first]}");
            strides[first] += strides[position];
            sizes.RemoveAt(position);
            strides.RemoveAt(position);
        }
        return kept.Count == labels.Length ? (t, labels) : (t.AsStrided([.. sizes], [.. strides], t.Offset), [.. kept]);
    }

    /// <summary>The explicit output with "..." expanded, or the implicit one: the ellipsis dimensions, then
    /// the letters seen exactly once in the whole equation, in id order (uppercase first).</summary>
    private static int[] OutputLabels(Equation parsed, int ellipsisRank)
    {
        IEnumerable<int> ellipsis = Enumerable.Range(Equation.LetterCount, ellipsisRank);
        if (parsed.Output is { } explicitOutput)
            return explicitOutput.SelectMany(label => label == Equation.Ellipsis ? ellipsis : [label]).ToArray();
        var once = parsed.Inputs.SelectMany(term => term).Where(label => label != Equation.Ellipsis)
            .GroupBy(label => label).Where(group => group.Count() == 1).Select(group => group.Key).Order();
        return ellipsis.Concat(once).ToArray();
    }

    /// <summary>One size per label: the operands must agree, except that a size of 1 stretches (broadcasts).</summary>
    private static Dictionary<int, int> LabelSizes(Tensor[] tensors, int[][] labels, int[] output, Tensor[] operands)
    {
        var sizes = new Dictionary<int, int>();
        for (int n = 0; n < tensors.Length; n++)
            for (int d = 0; d < labels[n].Length; d++)
            {
                int size = tensors[n].Shape[d];
                if (!sizes.TryGetValue(labels[n][d], out int known) || known == 1) sizes[labels[n][d]] = size;
                else if (size != known && size != 1) throw DoNotBroadcast(tensors, labels, output, operands);
            }
        return sizes;
    }

    /// <summary>PyTorch's message, with each operand's sizes laid out in one common label order
    /// (output labels, then the summed ones; 1 where an operand lacks the label).</summary>
    private static ArgumentException DoNotBroadcast(Tensor[] tensors, int[][] labels, int[] output, Tensor[] operands)
    {
        var summed = labels.SelectMany(l => l).Distinct().Except(output)
            .OrderBy(label => label < Equation.LetterCount ? 1 : 0).ThenBy(label => label); // "..." first, as PyTorch
        int[] order = [.. output, .. summed];
        var text = new System.Text.StringBuilder("einsum(): operands do not broadcast with remapped shapes [original->remapped]:");
        for (int n = 0; n < tensors.Length; n++)
        {
            var remapped = order.Select(label => Array.IndexOf(labels[n], label) is var d and >= 0 ? tensors[n].Shape[d] : 1);
            text.Append($" {ShapeRules.Format(operands[n].Shape)}->{ShapeRules.Format(remapped)}");
        }
        return new ArgumentException(text.ToString());
    }

    /// <summary>
    /// The heart of it: a and b become a batched matrix product. Each label is one of four kinds —
    /// batch (in both, still needed), contracted (in both, not needed: the k of a matrix product),
    /// a-only (rows) or b-only (columns). Permute a to [batch, rows, contracted] and b to
    /// [batch, contracted, columns], merge each group into one dimension, and MatMul does the rest.
    /// </summary>
    private static (Tensor, int[]) Contract(Tensor a, int[] aLabels, Tensor b, int[] bLabels, HashSet<int> neededLater)
    {
        // A label only one side has, and nobody needs later, can be summed right away: less work for MatMul.
        (a, aLabels) = SumOut(a, aLabels, keep: [.. neededLater, .. bLabels]);
        (b, bLabels) = SumOut(b, bLabels, keep: [.. neededLater, .. aLabels]);

        int[] batch = aLabels.Where(l => bLabels.Contains(l) && neededLater.Contains(l)).ToArray();
        int[] contracted = aLabels.Where(l => bLabels.Contains(l) && !neededLater.Contains(l)).ToArray();
        int[] rows = aLabels.Where(l => !bLabels.Contains(l)).ToArray();
        int[] columns = bLabels.Where(l => !aLabels.Contains(l)).ToArray();

        Tensor left = Group(a, aLabels, batch, rows, contracted);   // [B, I, K] (or [I, K] with no batch)
        Tensor right = Group(b, bLabels, batch, contracted, columns); // [B, K, J] (or [K, J])
        Tensor product = Tensor.MatMul(left, right);                  // [B, I, J]

        int[] resultLabels = [.. batch, .. rows, .. columns];
        int[] resultShape = resultLabels.Select(l => Size(a, aLabels, l) ?? Size(b, bLabels, l)!.Value).ToArray();
        return (SameShape(product, resultShape) ? product : product.View(resultShape), resultLabels);
    }

    /// <summary>
    /// Permutes t so its labels run group after group, then merges each group into one dimension (the batch
    /// group only when there is one). When the strides allow, the merge is a view, not a copy: that is what
    /// keeps <c>ik,kj->ij</c> on contiguous matrices as fast as calling MatMul directly.
    /// </summary>
    private static Tensor Group(Tensor t, int[] labels, params int[][] groups)
    {
        int[][] used = groups[0].Length > 0 ? groups : groups[1..]; // no batch labels: a plain 2-D product
        int[] order = used.SelectMany(group => group).Select(label => Array.IndexOf(labels, label)).ToArray();
        Tensor permuted = IsIdentity(order) ? t : t.Permute(order);

        var sizes = new int[used.Length];
        var strides = new int[used.Length];
        bool asView = true;
        int end = 0;
        for (int g = 0; g < used.Length; g++)
        {
            int start = end;
            end += used[g].Length;
            (sizes[g], strides[g], bool merged) = Merge(permuted, start, end);
            asView &= merged;
        }
        if (!asView) return permuted.Reshape(sizes); // strides that do not line up: Reshape copies once
        bool unchanged = SameShape(permuted, sizes) && permuted.Strides.SequenceEqual(strides);
        return unchanged ? permuted : permuted.AsStrided(sizes, strides, permuted.Offset);
    }

    /// <summary>Dimensions [start, end) of t as one: possible without a copy when each steps over exactly the
    /// whole of the next (size-1 dimensions never step, so they do not count). No dimensions: size 1.</summary>
    private static (int Size, int Stride, bool AsView) Merge(Tensor t, int start, int end)
    {
        int size = 1, stride = 1;
        bool asView = true, stepping = false;
        for (int d = end - 1; d >= start; d--)
        {
            if (t.Shape[d] == 1) continue;
            if (!stepping) (stride, stepping) = (t.Strides[d], true);
            else if (t.Strides[d] != stride * size) asView = false;
            size *= t.Shape[d];
        }
        return (size, stride, asView);
    }

    /// <summary>Sums over every label not in <paramref name="keep"/>, from the last dimension back so indices stay valid.</summary>
    private static (Tensor, int[]) SumOut(Tensor t, int[] labels, HashSet<int> keep)
    {
        var remaining = labels.ToList();
        for (int d = labels.Length - 1; d >= 0; d--)
        {
            if (keep.Contains(labels[d])) continue;
            t = t.Sum(d); // the substrate's sum: K03 rebuilt it
            remaining.RemoveAt(d);
        }
        return (t, [.. remaining]);
    }

    private static int? Size(Tensor t, int[] labels, int label) => Array.IndexOf(labels, label) is var d and >= 0 ? t.Shape[d] : null;

    private static bool SameShape(Tensor t, int[] shape) => t.Shape.SequenceEqual(shape);

    private static bool IsIdentity(int[] order) => order.Select((d, i) => d == i).All(same => same);
}
