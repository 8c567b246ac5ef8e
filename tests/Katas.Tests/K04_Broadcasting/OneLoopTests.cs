using Katas.Broadcasting;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K04_Broadcasting;

/// <summary>The one-loop product keeps the contract every matrix product keeps.</summary>
[Category("K04")]
public class OneLoopTests() : MatmulContract(OneLoop.Multiply, "c[i] = (a[i][:, None] * b).sum(0)");
