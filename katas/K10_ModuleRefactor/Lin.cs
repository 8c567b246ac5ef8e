using Foundations;

namespace Katas.ModuleRefactor;

/// <summary>
/// A linear layer in the chapter's layout: out = inp @ w + b, with w of shape n_in×n_out and b of
/// shape n_out. It owns its weights; their gradients land in <c>Weight.Grad</c> and <c>Bias.Grad</c>.
/// </summary>
public sealed class Lin : Module
{
    /// <summary>A layer over the given weights (n_in×n_out) and bias (n_out).</summary>
    /// <exception cref="ArgumentException">w is not 2-D, or b is not a vector of w's column count; the message names both shapes.</exception>
    public Lin(Tensor w, Tensor b) : base(inputCount: 1)
    {
        throw new NotImplementedException("Kata 10: check the shapes of w and b, then keep them as Weight and Bias.");
    }

    /// <summary>The weights, n_in×n_out.</summary>
    public Tensor Weight { get; } = null!;

    /// <summary>The bias, one per output.</summary>
    public Tensor Bias { get; } = null!;

    /// <inheritdoc/>
    protected override Tensor Forward(Tensor[] args)
    {
        throw new NotImplementedException("Kata 10: inp @ w + b.");
    }

    /// <inheritdoc/>
    protected override void Bwd(Tensor output, Tensor[] args)
    {
        throw new NotImplementedException("Kata 10: set the Grad of the input, of Weight and of Bias from the output's gradient.");
    }

    /// <summary>
    /// ∂loss/∂w written straight from the chain rule: every row i contributes the outer product
    /// inp[i]ᵀ·outGrad[i] (n_in×n_out), and the batch adds them up. Build it with broadcasting.
    /// </summary>
    /// <exception cref="ArgumentException">The two are not 2-D with the same number of rows; the message names both shapes.</exception>
    public static Tensor WeightGradientByOuterProducts(Tensor input, Tensor outGrad)
    {
        throw new NotImplementedException("Kata 10: one outer product per row (Unsqueeze and broadcasting), summed over the batch.");
    }

    /// <summary>The same sum as <see cref="WeightGradientByOuterProducts"/>, written as one matrix product.</summary>
    /// <exception cref="ArgumentException">The two are not 2-D with the same number of rows; the message names both shapes.</exception>
    public static Tensor WeightGradientByMatmul(Tensor input, Tensor outGrad)
    {
        throw new NotImplementedException("Kata 10: Σᵢ inp[i, k]·outGrad[i, j] is one matrix product; which?");
    }
}
