using Foundations;

namespace Katas.Elementwise;

/// <summary>Reductions: many elements in, one number out.</summary>
public static class Reductions
{
    /// <summary>True when every element is non-zero (1 from a comparison counts as true). An empty tensor gives true.</summary>
    public static bool All(Tensor t) =>
        throw new NotImplementedException("Kata 03: return false at the first element that is 0.");

    /// <summary>The sum of every element, as a scalar (rank-0) tensor, like PyTorch's <c>t.sum()</c>.</summary>
    public static Tensor Sum(Tensor t) =>
        throw new NotImplementedException("Kata 03: add up every element (following the strides) and wrap it in Tensor.Scalar.");

    /// <summary>The mean of every element, as a scalar tensor. An empty tensor has no mean: NaN, as in PyTorch.</summary>
    public static Tensor Mean(Tensor t) =>
        throw new NotImplementedException("Kata 03: the sum divided by the number of elements.");

    /// <summary>The number inside a tensor that holds exactly one (a scalar, or shape [1], [1, 1]…), as a C# float.</summary>
    /// <exception cref="ArgumentException">
    /// The tensor holds more or fewer than one element: "a Tensor with 3 elements cannot be converted to Scalar".
    /// </exception>
    public static float Item(Tensor t) =>
        throw new NotImplementedException("Kata 03: check Numel is 1, then read the element at the tensor's Offset.");

    /// <summary>‖A‖_F = √(Σᵢⱼ aᵢⱼ²), as a scalar tensor.</summary>
    public static Tensor FrobeniusNorm(Tensor m) =>
        throw new NotImplementedException("Kata 03: the chapter writes it (m*m).sum().sqrt().");
}
