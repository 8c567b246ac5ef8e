using Foundations;
using Katas.Elementwise;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K03_Elementwise;

/// <summary>The two-loop product keeps the contract every matrix product keeps (<see cref="MatmulContract"/>).</summary>
[Category("K03")]
public class TwoLoopsTests : MatmulContract
{
    protected override Tensor Multiply(Tensor a, Tensor b) => Matmul.TwoLoops(a, b);

    protected override string Recipe => "c[i, j] = (a[i, :] · b[:, j]).sum()";
}
