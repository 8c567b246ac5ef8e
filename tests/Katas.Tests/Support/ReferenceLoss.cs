using Foundations;

namespace KataTests.Support;

/// <summary>Losses recomputed in double precision straight from the formulas, element by element, so the
/// central differences (<see cref="CentralDifference"/>) they feed know nothing of the kata's code. Weights are
/// in the chapter's n_in×n_out layout; pass <c>w.T()</c> for PyTorch's n_out×n_in (views are read, not copied).</summary>
public static class ReferenceLoss
{
    /// <summary>Σ (x @ w + b) ⊙ r: a loss whose gradient with respect to Lin's output is exactly r.</summary>
    public static double WeightedLin(Tensor x, Tensor w, Tensor b, Tensor r)
    {
        double total = 0;
        for (int i = 0; i < x.Shape[0]; i++)
            for (int j = 0; j < w.Shape[1]; j++)
                total += LinOutput(x, w, b, i, j) * r[i, j];
        return total;
    }

    /// <summary>Mean squared error in double, a loss for checks whose result does not go through float sums.</summary>
    public static double Mse(Tensor output, Tensor target)
    {
        float[] o = output.ToArray(), t = target.ToArray();
        double total = 0;
        for (int i = 0; i < o.Length; i++) total += ((double)o[i] - t[i]) * ((double)o[i] - t[i]);
        return total / o.Length;
    }

    /// <summary>Σ relu(x) ⊙ r, in double.</summary>
    public static double WeightedRelu(Tensor x, Tensor r)
    {
        float[] xs = x.ToArray(), rs = r.ToArray();
        double total = 0;
        for (int i = 0; i < xs.Length; i++) total += Math.Max(xs[i], 0.0) * rs[i];
        return total;
    }

    /// <summary>
    /// The loss of Lin, Relu, Lin, Relu, …, Lin, then mean squared error against a [batch] target, as a
    /// function of the tensors' current storage. Which ReLU units are active is decided once, here, at the
    /// point where the gradient is wanted: a central-difference nudge that pushes a pre-activation across 0
    /// would otherwise measure a slope from the wrong side of the kink.
    /// </summary>
    public static Func<double> Mlp(Tensor x, IReadOnlyList<(Tensor W, Tensor B)> layers, Tensor target)
    {
        var active = new List<bool[]>();
        Run(x, layers, target, active, record: true);
        return () => Run(x, layers, target, active, record: false);
    }

    private static double Run(Tensor x, IReadOnlyList<(Tensor W, Tensor B)> layers, Tensor target, List<bool[]> active, bool record)
    {
        int batch = x.Shape[0], width = x.Shape[1];
        double[] activations = [.. x.ToArray().Select(v => (double)v)];
        for (int l = 0; l < layers.Count; l++)
        {
            float[] w = layers[l].W.ToArray(), b = layers[l].B.ToArray();
            int outputs = b.Length;
            var next = new double[batch * outputs];
            for (int i = 0; i < batch; i++)
                for (int j = 0; j < outputs; j++)
                {
                    double sum = b[j];
                    for (int k = 0; k < width; k++) sum += activations[i * width + k] * w[k * outputs + j];
                    next[i * outputs + j] = sum;
                }
            if (l < layers.Count - 1) // ReLU between layers, not after the last
            {
                if (record) active.Add([.. next.Select(v => v > 0)]);
                for (int n = 0; n < next.Length; n++) if (!active[l][n]) next[n] = 0;
            }
            activations = next;
            width = outputs;
        }
        double loss = 0;
        for (int i = 0; i < batch; i++) loss += Math.Pow(activations[i] - target[i], 2);
        return loss / batch;
    }

    private static double LinOutput(Tensor x, Tensor w, Tensor b, int i, int j)
    {
        double sum = b[j];
        for (int k = 0; k < w.Shape[0]; k++) sum += (double)x[i, k] * w[k, j];
        return sum;
    }
}
