using Foundations;

namespace KataTests.K06_FastMatmul;

/// <summary>The three-loop product in double precision: slow, obviously right, independent of the kata.</summary>
internal static class Reference
{
    public static Tensor Product(Tensor a, Tensor b)
    {
        int m = a.Shape[0], k = a.Shape[1], n = b.Shape[1];
        var c = Tensor.Zeros(m, n);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++) sum += (double)a[i, p] * b[p, j];
                c[i, j] = (float)sum;
            }
        return c;
    }

    /// <summary>
    /// The absolute tolerance for a float32 sum of k products of standard-normal numbers, compared with a double sum:
    /// each addition may round by about 6e-8 of a running sum that grows like √k, so the error grows about like k·1e-7.
    /// A result near zero can't be judged relatively, hence an absolute term ten times that.
    /// </summary>
    public static double Atol(int k) => 1e-5 + 1e-6 * k;
}
