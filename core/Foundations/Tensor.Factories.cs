namespace Foundations;

public sealed partial class Tensor
{
    /// <summary>A tensor of zeros. <c>Tensor.Zeros(2, 3)</c> is a 2×3 matrix; no sizes gives a scalar.</summary>
    public static Tensor Zeros(params int[] shape) => new(shape);

    /// <summary>A tensor of ones.</summary>
    public static Tensor Ones(params int[] shape) => Full(shape, 1f);

    /// <summary>A tensor filled with one value.</summary>
    public static Tensor Full(int[] shape, float value)
    {
        var t = new Tensor(shape);
        Array.Fill(t._storage, value);
        return t;
    }

    /// <summary>A rank-0 tensor holding one number.</summary>
    public static Tensor Scalar(float value) => Full([], value);

    /// <summary>A zero tensor with the same shape as <paramref name="other"/>.</summary>
    public static Tensor ZerosLike(Tensor other) => new(other._shape);

    /// <summary>A 1-D tensor from a list of numbers: <c>Tensor.FromArray(10f, 6f, -4f)</c>.</summary>
    public static Tensor FromArray(params float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new Tensor((float[])values.Clone(), [values.Length], [1], 0);
    }

    /// <summary>A tensor of the given shape holding <paramref name="values"/> in row-major order.</summary>
    public static Tensor FromArray(float[] values, int[] shape)
    {
        ArgumentNullException.ThrowIfNull(values);
        ShapeRules.CheckSizes(shape);
        int numel = ShapeRules.Product(shape);
        if (numel != values.Length)
            throw new ArgumentException($"shape {ShapeRules.Format(shape)} is invalid for input of size {values.Length}");
        return new Tensor((float[])values.Clone(), (int[])shape.Clone(), ShapeRules.ContiguousStrides(shape), 0);
    }

    /// <summary>A 2-D tensor from a C# matrix literal: <c>Tensor.FromArray(new float[,] { { 1, 2 }, { 3, 4 } })</c>.</summary>
    public static Tensor FromArray(float[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var flat = new float[values.Length];
        Buffer.BlockCopy(values, 0, flat, 0, values.Length * sizeof(float));
        return FromArray(flat, [values.GetLength(0), values.GetLength(1)]);
    }

    /// <summary>A 3-D tensor from a C# literal <c>new float[,,] { … }</c>.</summary>
    public static Tensor FromArray(float[,,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var flat = new float[values.Length];
        Buffer.BlockCopy(values, 0, flat, 0, values.Length * sizeof(float));
        return FromArray(flat, [values.GetLength(0), values.GetLength(1), values.GetLength(2)]);
    }

    /// <summary>0, 1, …, end-1 as a 1-D tensor.</summary>
    public static Tensor Arange(int end) => Arange(0, end, 1);

    /// <summary>start, start+step, … up to (not including) end, as PyTorch's <c>arange</c>.</summary>
    public static Tensor Arange(float start, float end, float step = 1f)
    {
        if (step == 0 || float.IsNaN(step) || !float.IsFinite(start) || !float.IsFinite(end))
            throw new ArgumentException($"Arange needs finite bounds and a non-zero step, got start={start}, end={end}, step={step}");
        if ((end - start) / step < 0)
            throw new ArgumentException($"Arange cannot get from start={start} to end={end} with step={step}: the step points away from the end; use a step of the other sign");
        int count = (int)Math.Ceiling((end - (double)start) / step);
        var t = new Tensor([count]);
        for (int i = 0; i < count; i++) t._storage[i] = (float)(start + (double)i * step);
        return t;
    }

    /// <summary>Uniform numbers in [0, 1) from a seeded generator.</summary>
    public static Tensor Rand(Rng rng, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var t = new Tensor(shape);
        for (int i = 0; i < t._storage.Length; i++) t._storage[i] = rng.NextFloat();
        return t;
    }

    /// <summary>Standard normal numbers (mean 0, std 1) from a seeded generator.</summary>
    public static Tensor Randn(Rng rng, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var t = new Tensor(shape);
        for (int i = 0; i < t._storage.Length; i++) t._storage[i] = rng.NextNormal();
        return t;
    }

    /// <summary>Uniform numbers in [low, high) from a seeded generator.</summary>
    public static Tensor Uniform(Rng rng, float low, float high, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var t = new Tensor(shape);
        for (int i = 0; i < t._storage.Length; i++) t._storage[i] = rng.NextUniform(low, high);
        return t;
    }
}
