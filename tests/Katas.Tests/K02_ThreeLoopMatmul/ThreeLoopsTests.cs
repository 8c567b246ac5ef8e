using Katas.ThreeLoopMatmul;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K02_ThreeLoopMatmul;

/// <summary>The three-loop product keeps the contract every matrix product keeps.</summary>
[Category("K02")]
public class ThreeLoopsTests() : MatmulContract(ThreeLoops.Multiply, "c[i, j] = Σₖ a[i, k]·b[k, j]: row i of a dotted with column j of b");
