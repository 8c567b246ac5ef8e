using Foundations;

namespace Katas.Initialization;

/// <summary>Makes a weight tensor of the given shape from a seeded generator, e.g.
/// <c>(shape, rng) =&gt; Init.KaimingNormal(shape, 0, FanMode.FanIn, rng)</c>.</summary>
public delegate Tensor WeightInit(int[] shape, Rng rng);
