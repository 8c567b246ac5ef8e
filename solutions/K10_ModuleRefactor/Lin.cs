using Foundations;

namespace Katas.ModuleRefactor;

/// <summary>
/// A linear layer in the chapter's layout: out = inp @ w + b, with w of shape n_in×n_out and b of
/// shape n_out. It owns its weights; their gradients land in <c>Weight.Grad</c> and <c>Bias.Grad</c>.
/// </summary>
public sealed class Lin : Module
{
    /// <summary>A layer over the given weights (n_in×n_out) and bias (n_out).</summary>
    /// <exception cref="ArgumentException">w is not 2-D, or b is not a vector of w's column count.</exception>
    public Lin(Tensor w, Tensor b) : base(inputCount: 1)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(b);
        if (w.Rank != 2 || b.Rank != 1 || b.Shape[0] != w.Shape[1])
            throw new ArgumentException(
                $"Lin needs w of shape [n_in, n_out] and b of shape [n_out], but got w {ShapeRules.Format(w.Shape)} and b {ShapeRules.Format(b.Shape)}.");
        Weight = w;
        Bias = b;
    }

    /// <summary>The weights, n_in×n_out.</summary>
    public Tensor Weight { get; }

    /// <summary>The bias, one per output.</summary>
    public Tensor Bias { get; }

    /// <inheritdoc/>
    protected override Tensor Forward(Tensor[] args) => Tensor.Matmul(args[0], Weight) + Bias;

    /// <inheritdoc/>
    protected override void Bwd(Tensor output, Tensor[] args)
    {
        Tensor input = args[0], outGrad = GradOf(output);
        // out = inp @ w + b, so each input row's gradient is the output row's gradient sent back through wᵀ.
        input.Grad = Tensor.Matmul(outGrad, Weight.T());
        Weight.Grad = WeightGradientByMatmul(input, outGrad);
        // b is added to every row, so its gradient collects the output gradient of every row.
        Bias.Grad = outGrad.Sum(0);
    }

    /// <summary>
    /// ∂loss/∂w written straight from the chain rule: every row i contributes the outer product
    /// inp[i]ᵀ·outGrad[i] (n_in×n_out), and the batch adds them up. Built with broadcasting, it
    /// materializes a batch×n_in×n_out tensor first — the chapter's slow version.
    /// </summary>
    public static Tensor WeightGradientByOuterProducts(Tensor input, Tensor outGrad)
    {
        CheckRows(input, outGrad);
        // [batch, n_in, 1] * [batch, 1, n_out] broadcasts to one outer product per row.
        return (input.Unsqueeze(-1) * outGrad.Unsqueeze(1)).Sum(0);
    }

    /// <summary>
    /// The same sum as <see cref="WeightGradientByOuterProducts"/>, seen as one matrix product:
    /// Σᵢ inp[i, k]·outGrad[i, j] is (inpᵀ @ outGrad)[k, j]. No batch×n_in×n_out tensor, and the
    /// substrate's fast Matmul does the work — the chapter's fast version.
    /// </summary>
    public static Tensor WeightGradientByMatmul(Tensor input, Tensor outGrad)
    {
        CheckRows(input, outGrad);
        return Tensor.Matmul(input.T(), outGrad);
    }

    private static void CheckRows(Tensor input, Tensor outGrad)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(outGrad);
        if (input.Rank != 2 || outGrad.Rank != 2 || input.Shape[0] != outGrad.Shape[0])
            throw new ArgumentException(
                $"The weight gradient needs input [batch, n_in] and output gradient [batch, n_out] with the same batch, but got {ShapeRules.Format(input.Shape)} and {ShapeRules.Format(outGrad.Shape)}.");
    }
}
