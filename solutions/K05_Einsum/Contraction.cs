using Foundations;

namespace Katas.Einsum;

/// <summary>
/// Step 2: einsum on one or two operands whose dimensions are named by distinct labels (one character per
/// dimension, no label twice in one operand, a shared label of the same size everywhere). A label missing
/// from the output is summed. Two operands become one call of the substrate's matrix product.
/// </summary>
public static class Contraction
{
    /// <summary>
    /// One operand: sums every label of <paramref name="labels"/> that <paramref name="output"/> lacks, then
    /// puts the dimensions in the output's order. <c>Reduce(m, "ij", "ji")</c> is a transpose,
    /// <c>Reduce(m, "ij", "i")</c> the row sums, <c>Reduce(m, "ij", "")</c> the sum of everything.
    /// </summary>
    public static Tensor Reduce(Tensor t, string labels, string output)
    {
        CheckLabels(t, labels, "the operand");
        (t, labels) = SumOut(t, labels, keep: output);
        int[] order = output.Select(label => labels.IndexOf(label, StringComparison.Ordinal)).ToArray();
        if (order.Any(d => d < 0) || order.Length != labels.Length)
            throw new ArgumentException($"einsum(): the output labels \"{output}\" must each name one dimension of the operand's \"{labels}\"");
        return IsIdentity(order) ? t : t.Permute(order);
    }

    /// <summary>
    /// Two operands, as one batched matrix product. Each label is one of four kinds:
    /// batch (in both, and in the output), contracted (in both, not in the output: the k of a product),
    /// rows (only in <paramref name="a"/>) and columns (only in <paramref name="b"/>). Permute a to
    /// [batch, rows, contracted] and b to [batch, contracted, columns], merge each group into one dimension,
    /// call <see cref="Tensor.Matmul(Tensor, Tensor)"/>, and view the product as [batch…, rows…, columns…].
    /// </summary>
    public static Tensor Contract(Tensor a, string aLabels, Tensor b, string bLabels, string output)
    {
        CheckLabels(a, aLabels, "the first operand");
        CheckLabels(b, bLabels, "the second operand");
        // A label only one side has, and the output does not want, can be summed right away: less work for Matmul.
        (a, aLabels) = SumOut(a, aLabels, keep: output + bLabels);
        (b, bLabels) = SumOut(b, bLabels, keep: output + aLabels);

        string batch = new([.. aLabels.Where(l => bLabels.Contains(l) && output.Contains(l))]);
        string contracted = new([.. aLabels.Where(l => bLabels.Contains(l) && !output.Contains(l))]);
        string rows = new([.. aLabels.Where(l => !bLabels.Contains(l))]);
        string columns = new([.. bLabels.Where(l => !aLabels.Contains(l))]);

        Tensor left = Group(a, aLabels, batch, rows, contracted);     // [B, I, K] (or [I, K] with no batch)
        Tensor right = Group(b, bLabels, batch, contracted, columns); // [B, K, J] (or [K, J])
        Tensor product = Tensor.Matmul(left, right);                  // [B, I, J] (or [I, J])

        string productLabels = batch + rows + columns;
        int[] shape = productLabels.Select(l => SizeOf(a, aLabels, l) ?? SizeOf(b, bLabels, l)!.Value).ToArray();
        Tensor result = product.Shape.SequenceEqual(shape) ? product : product.View(shape);
        return Reduce(result, productLabels, output); // only a permutation is left
    }

    /// <summary>
    /// Permutes t so its labels run group after group, then merges each group into one dimension (the batch
    /// group only when there is one). When the strides allow, the merge is a view, not a copy: that is what
    /// keeps <c>ik,kj->ij</c> on contiguous matrices as fast as calling Matmul directly.
    /// </summary>
    private static Tensor Group(Tensor t, string labels, params string[] groups)
    {
        string[] used = groups[0].Length > 0 ? groups : groups[1..]; // no batch labels: a plain 2-D product
        int[] order = string.Concat(used).Select(label => labels.IndexOf(label, StringComparison.Ordinal)).ToArray();
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
        bool unchanged = permuted.Shape.SequenceEqual(sizes) && permuted.Strides.SequenceEqual(strides);
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
    private static (Tensor, string) SumOut(Tensor t, string labels, string keep)
    {
        for (int d = labels.Length - 1; d >= 0; d--)
        {
            if (keep.Contains(labels[d])) continue;
            t = t.Sum(d); // the substrate's sum: K03 rebuilt it
            labels = labels.Remove(d, 1);
        }
        return (t, labels);
    }

    /// <summary>Step 2 expects one distinct label per dimension; step 3 makes every equation look like that.</summary>
    private static void CheckLabels(Tensor t, string labels, string which)
    {
        if (labels.Length != t.Rank || labels.Distinct().Count() != labels.Length)
            throw new ArgumentException(
                $"einsum(): {which} has shape {ShapeRules.Format(t.Shape)} but labels \"{labels}\"; step 2 needs one distinct label per dimension");
    }

    private static int? SizeOf(Tensor t, string labels, char label) =>
        labels.IndexOf(label, StringComparison.Ordinal) is var d and >= 0 ? t.Shape[d] : null;

    private static bool IsIdentity(int[] order) => order.Select((d, i) => d == i).All(same => same);
}
