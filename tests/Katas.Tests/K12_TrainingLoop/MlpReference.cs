using Foundations;

namespace KataTests.K12_TrainingLoop;

/// <summary>
/// The chapter's 2-layer MLP written out again in double precision, element by element, from the learner's
/// parameters (PyTorch's layout: W1 [hidden, in], b1, W2 [out, hidden], b2): logits = relu(x·W1ᵀ + b1)·W2ᵀ + b2.
/// It shares no code with the kata, so a central difference of it checks the kata's Backward against the
/// formula, not against the kata's own Forward.
/// </summary>
internal static class MlpReference
{
    /// <summary>Which hidden units are on (pre-activation &gt; 0) for each row of <paramref name="x"/>.</summary>
    public static bool[,] Active(Tensor x, IReadOnlyList<Tensor> parameters)
    {
        double[,] pre = Hidden(x, parameters[0], parameters[1]);
        var active = new bool[pre.GetLength(0), pre.GetLength(1)];
        for (int i = 0; i < pre.GetLength(0); i++)
            for (int j = 0; j < pre.GetLength(1); j++) active[i, j] = pre[i, j] > 0;
        return active;
    }

    /// <summary>The logits [n, out]. With <paramref name="active"/> the ReLU pattern is frozen (a central-difference
    /// nudge then never measures a slope from the wrong side of a kink); without it the ReLU is applied as usual.</summary>
    public static double[,] Logits(Tensor x, IReadOnlyList<Tensor> parameters, bool[,]? active = null)
    {
        double[,] hidden = Hidden(x, parameters[0], parameters[1]);
        Tensor w2 = parameters[2], b2 = parameters[3];
        int n = hidden.GetLength(0), width = hidden.GetLength(1), outputs = w2.Shape[0];
        var logits = new double[n, outputs];
        for (int i = 0; i < n; i++)
            for (int o = 0; o < outputs; o++)
            {
                double sum = b2[o];
                for (int j = 0; j < width; j++)
                {
                    bool on = active is null ? hidden[i, j] > 0 : active[i, j];
                    if (on) sum += hidden[i, j] * w2[o, j];
                }
                logits[i, o] = sum;
            }
        return logits;
    }

    /// <summary>Mean cross-entropy of double logits, with the row maximum subtracted.</summary>
    public static double CrossEntropy(double[,] logits, int[] targets)
    {
        double total = 0;
        for (int i = 0; i < targets.Length; i++)
        {
            double max = double.NegativeInfinity;
            for (int j = 0; j < logits.GetLength(1); j++) max = Math.Max(max, logits[i, j]);
            double sum = 0;
            for (int j = 0; j < logits.GetLength(1); j++) sum += Math.Exp(logits[i, j] - max);
            total += max + Math.Log(sum) - logits[i, targets[i]];
        }
        return total / targets.Length;
    }

    /// <summary>∂CrossEntropy/∂logits = (softmax − onehot) / n, as a float tensor to feed a Backward.</summary>
    public static Tensor CrossEntropyGradient(double[,] logits, int[] targets)
    {
        int n = targets.Length, classes = logits.GetLength(1);
        var gradient = new double[n, classes];
        for (int i = 0; i < n; i++)
        {
            double max = double.NegativeInfinity;
            for (int j = 0; j < classes; j++) max = Math.Max(max, logits[i, j]);
            double sum = 0;
            for (int j = 0; j < classes; j++) sum += Math.Exp(logits[i, j] - max);
            for (int j = 0; j < classes; j++)
                gradient[i, j] = (Math.Exp(logits[i, j] - max) / sum - (j == targets[i] ? 1 : 0)) / n;
        }
        return ToTensor(gradient);
    }

    /// <summary>Σ logits ⊙ r: a loss whose gradient with respect to the logits is exactly r.</summary>
    public static double Weighted(double[,] logits, Tensor r)
    {
        double total = 0;
        for (int i = 0; i < logits.GetLength(0); i++)
            for (int o = 0; o < logits.GetLength(1); o++) total += logits[i, o] * r[i, o];
        return total;
    }

    /// <summary>A [rows, columns] float tensor of double values, to compare with the kata's output.</summary>
    public static Tensor ToTensor(double[,] values)
    {
        var flat = new float[values.Length];
        int columns = values.GetLength(1);
        for (int i = 0; i < values.GetLength(0); i++)
            for (int j = 0; j < columns; j++) flat[i * columns + j] = (float)values[i, j];
        return Tensor.FromArray(flat, [values.GetLength(0), columns]);
    }

    private static double[,] Hidden(Tensor x, Tensor w1, Tensor b1)
    {
        int n = x.Shape[0], inputs = x.Shape[1], hidden = w1.Shape[0];
        var pre = new double[n, hidden];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < hidden; j++)
            {
                double sum = b1[j];
                for (int k = 0; k < inputs; k++) sum += (double)x[i, k] * w1[j, k];
                pre[i, j] = sum;
            }
        return pre;
    }
}
