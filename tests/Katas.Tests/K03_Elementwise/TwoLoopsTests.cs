using Katas.Elementwise;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K03_Elementwise;

/// <summary>The two-loop product keeps the contract every matrix product keeps.</summary>
[Category("K03")]
public class TwoLoopsTests() : MatmulContract(TwoLoops.Multiply, "c[i, j] = (a[i, :] · b[:, j]).sum()");
