using Foundations;

namespace KataTests.K09_GradientsByHand;

/// <summary>
/// The chapter's two-layer net, held in double: x [batch, inputs], y [batch], w1 [inputs, hidden], b1 [hidden],
/// w2 [hidden, 1], b2 [1], all row-major. <see cref="Loss"/> is the reference forward pass the gradients are checked against.
/// </summary>
internal sealed class NetCase
{
    /// <summary>Central differences step 1e-6 with inputs and weights up to ~5, so a hidden pre-activation must be at least this far
    /// from 0 for no nudge to cross ReLU's kink (where the derivative does not exist).</summary>
    private const double KinkMargin = 1e-4;

    public required int Batch, Inputs, Hidden, Seed;
    public required double[] X, Y, W1, B1, W2, B2;

    /// <summary>A seeded case with Kaiming-scaled weights, as in the chapter. Seeds that put a hidden pre-activation
    /// within <see cref="KinkMargin"/> of 0 are skipped (the next seed is tried), so the check is deterministic.</summary>
    public static NetCase Random(int batch, int inputs, int hidden, int seed)
    {
        for (int s = seed; ; s++)
        {
            var rng = new Rng((ulong)s);
            var candidate = new NetCase
            {
                Batch = batch, Inputs = inputs, Hidden = hidden, Seed = s,
                X = DoubleValues.Randn(rng, batch * inputs),
                Y = DoubleValues.Randn(rng, batch),
                W1 = DoubleValues.Randn(rng, inputs * hidden, MathF.Sqrt(2f / inputs)),
                B1 = DoubleValues.Randn(rng, hidden, 0.1f),
                W2 = DoubleValues.Randn(rng, hidden, MathF.Sqrt(2f / hidden)),
                B2 = DoubleValues.Randn(rng, 1, 0.1f),
            };
            if (candidate.PreActivations().All(v => Math.Abs(v) >= KinkMargin)) return candidate;
        }
    }

    /// <summary>l1 = x @ w1 + b1, row-major [batch, hidden].</summary>
    public double[] PreActivations()
    {
        var l1 = new double[Batch * Hidden];
        for (int i = 0; i < Batch; i++)
        {
            var row = l1.AsSpan(i * Hidden, Hidden);
            B1.CopyTo(row);
            // i-k-j order: the innermost loop walks a row of w1 and a row of l1, one double apart.
            for (int k = 0; k < Inputs; k++)
            {
                double xik = X[i * Inputs + k];
                var weights = W1.AsSpan(k * Hidden, Hidden);
                for (int j = 0; j < Hidden; j++) row[j] += xik * weights[j];
            }
        }
        return l1;
    }

    /// <summary>mse(relu(x @ w1 + b1) @ w2 + b2, y), all in double.</summary>
    public double Loss()
    {
        double[] l1 = PreActivations();
        double total = 0;
        for (int i = 0; i < Batch; i++)
        {
            double output = B2[0];
            for (int j = 0; j < Hidden; j++) output += Math.Max(l1[i * Hidden + j], 0) * W2[j];
            total += (output - Y[i]) * (output - Y[i]);
        }
        return total / Batch;
    }

    public override string ToString() => $"batch {Batch}, {Inputs} inputs, hidden {Hidden}, seed {Seed}";
}
