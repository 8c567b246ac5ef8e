using FsCheck;
using FsCheck.Fluent;

namespace KataTests.K13_ConvolutionByUnfold;

/// <summary>A random convolution: sizes, kernel, stride and padding that fit together, and a seed for the values.</summary>
public sealed record ConvCase(int N, int C, int O, int H, int W, int KH, int KW, int Stride, int Padding, int Seed)
{
    public static Arbitrary<ConvCase> Arbitrary() =>
        (from n in Gen.Choose(1, 2)
         from c in Gen.Choose(1, 3)
         from o in Gen.Choose(1, 4)
         from h in Gen.Choose(1, 9)
         from w in Gen.Choose(1, 9)
         from padding in Gen.Choose(0, 2)
         from kh in Gen.Choose(1, Math.Min(4, h + 2 * padding))
         from kw in Gen.Choose(1, Math.Min(4, w + 2 * padding))
         from stride in Gen.Choose(1, 3)
         from seed in Gen.Choose(0, 100_000)
         select new ConvCase(n, c, o, h, w, kh, kw, stride, padding, seed)).ToArbitrary();

    public override string ToString() =>
        $"input [{N}, {C}, {H}, {W}], weight [{O}, {C}, {KH}, {KW}], stride {Stride}, padding {Padding} (seed {Seed})";
}
