using Foundations;

namespace KataTests.K09_GradientsByHand;

/// <summary>K09 keeps its reference values in double (see <see cref="Support.CentralDifference"/>); these turn
/// them into the float tensors the kata's code takes, with no rounding in between.</summary>
internal static class DoubleValues
{
    /// <summary>A float tensor holding exactly these (float-valued) doubles.</summary>
    public static Tensor ToTensor(double[] values, params int[] shape) =>
        Tensor.FromArray(values.Select(v => (float)v).ToArray(), shape);

    /// <summary>Seeded standard-normal numbers times <paramref name="scale"/>, drawn as floats so float and double agree exactly.</summary>
    public static double[] Randn(Rng rng, int count, float scale = 1f) =>
        (Tensor.Randn(rng, count) * scale).ToArray().Select(v => (double)v).ToArray();
}
