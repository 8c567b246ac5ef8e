using System.Runtime.Intrinsics;
using Foundations;

namespace Katas.FastMatmul;

/// <summary>Step 2: the i-k-j loop with its inner loop done a whole vector at a time, by fused multiply-adds.</summary>
public static class SimdMatmul
{
    /// <summary>c = a @ b with the widest vectors this machine accelerates (<see cref="HardwareWidth.Preferred"/>).</summary>
    /// <exception cref="ArgumentException">Not two matrices, or inner sizes that differ (PyTorch's message).</exception>
    public static Tensor Multiply(Tensor a, Tensor b) => Multiply(a, b, HardwareWidth.Preferred);

    /// <summary>
    /// c = a @ b in i-k-j order, where the inner loop <c>c[i, j..j+L] += a[i, k] · b[k, j..j+L]</c> handles L floats per
    /// instruction (L = 4, 8 or 16 for <paramref name="width"/>) and a scalar loop finishes the last n mod L columns.
    /// </summary>
    /// <exception cref="ArgumentException">Not two matrices, or inner sizes that differ (PyTorch's message).</exception>
    public static Tensor Multiply(Tensor a, Tensor b, VectorWidth width)
    {
        var (m, k, n) = ProductShapes.Check(a, b);
        float[] left = a.ToArray(), right = b.ToArray(); // row-major copies, whatever the strides
        var c = Tensor.Zeros(m, n);
        switch (width)
        {
            case VectorWidth.Bits128: Rows<Vector128<float>, Math128>(left, right, c.Storage, m, k, n); break;
            case VectorWidth.Bits256: Rows<Vector256<float>, Math256>(left, right, c.Storage, m, k, n); break;
            case VectorWidth.Bits512: Rows<Vector512<float>, Math512>(left, right, c.Storage, m, k, n); break;
            default: throw new ArgumentOutOfRangeException(nameof(width), width, "a vector is 128, 256 or 512 bits wide");
        }
        return c;
    }

    private static void Rows<TVector, TMath>(float[] left, float[] right, float[] result, int m, int k, int n)
        where TVector : struct
        where TMath : struct, IVectorMath<TVector>
    {
        int lanes = TMath.Lanes;
        for (int i = 0; i < m; i++)
        {
            Span<float> cRow = result.AsSpan(i * n, n);
            for (int p = 0; p < k; p++)
            {
                float aip = left[i * k + p];
                TVector broadcast = TMath.Broadcast(aip); // a[i, p] in every lane
                ReadOnlySpan<float> bRow = right.AsSpan(p * n, n);
                int j = 0;
                for (; j + lanes <= n; j += lanes)
                {
                    Span<float> target = cRow[j..];
                    TMath.Store(TMath.MultiplyAdd(broadcast, TMath.Load(bRow[j..]), TMath.Load(target)), target);
                }
                for (; j < n; j++) cRow[j] += aip * bRow[j]; // the columns that do not fill a vector
            }
        }
    }
}
