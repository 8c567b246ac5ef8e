using Foundations;
using Katas.Broadcasting;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K04_Broadcasting;

/// <summary>The one-loop product keeps the contract every matrix product keeps (<see cref="MatmulContract"/>).</summary>
[Category("K04")]
public class OneLoopTests : MatmulContract
{
    protected override Tensor Multiply(Tensor a, Tensor b) => Matmul.OneLoop(a, b);

    protected override string Recipe => "c[i] = (a[i][:, None] * b).sum(0)";
}
