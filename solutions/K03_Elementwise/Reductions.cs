using Foundations;

namespace Katas.Elementwise;

/// <summary>Reductions: many elements in, one number out.</summary>
public static class Reductions
{
    /// <summary>True when every element is non-zero (1 from a comparison counts as true). An empty tensor gives true.</summary>
    public static bool All(Tensor t)
    {
        ArgumentNullException.ThrowIfNull(t);
        for (int n = 0; n < t.Numel; n++)
            if (t.Storage[ElementwiseOps.StorageIndex(t, n)] == 0) return false;
        return true;
    }

    /// <summary>The sum of every element, as a scalar (rank-0) tensor, like PyTorch's <c>t.sum()</c>.</summary>
    public static Tensor Sum(Tensor t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return Tensor.Scalar((float)Total(t));
    }

    /// <summary>The mean of every element, as a scalar tensor. An empty tensor has no mean: NaN, as in PyTorch.</summary>
    public static Tensor Mean(Tensor t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return Tensor.Scalar(t.Numel == 0 ? float.NaN : (float)(Total(t) / t.Numel));
    }

    /// <summary>The number inside a tensor that holds exactly one (a scalar, or shape [1], [1, 1]…), as a C# float.</summary>
    /// <exception cref="ArgumentException">The tensor holds more or fewer than one element.</exception>
    public static float Item(Tensor t)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (t.Numel != 1)
            throw new ArgumentException(
                $"a Tensor with {t.Numel} elements cannot be converted to Scalar (shape {ShapeRules.Format(t.Shape)})");
        return t.Storage[t.Offset];
    }

    /// <summary>‖A‖_F = √(Σᵢⱼ aᵢⱼ²): the chapter's example of turning a formula into tensor code.</summary>
    public static Tensor FrobeniusNorm(Tensor m)
    {
        ArgumentNullException.ThrowIfNull(m);
        // Written as the chapter writes it: (m*m).sum().sqrt().
        float sumOfSquares = Item(Sum(ElementwiseOps.Mul(m, m)));
        return Tensor.Scalar(MathF.Sqrt(sumOfSquares));
    }

    /// <summary>Adds in double: float32 loses the small terms of a long sum, double keeps them for the price of a widening.</summary>
    private static double Total(Tensor t)
    {
        double total = 0;
        for (int n = 0; n < t.Numel; n++) total += t.Storage[ElementwiseOps.StorageIndex(t, n)];
        return total;
    }
}
