using Foundations;
using Katas.Autograd;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K11_Autograd;

[Category("K11")]
public class EngineTests
{
    private const double GradRtol = 1e-2, GradAtol = 1e-3, Step = 1e-3;

    /// <summary>a + b, the smallest Function with two inputs: both gradients are the output's gradient.</summary>
    private sealed class Add : Function
    {
        public override Tensor Forward(Context ctx, params Tensor[] inputs) => inputs[0] + inputs[1];
        public override Tensor?[] Backward(Context ctx, Tensor gradOutput) => [gradOutput, gradOutput];
    }

    /// <summary>a · b elementwise; saves both inputs, because each one's gradient is the other.</summary>
    private sealed class Multiply : Function
    {
        public override Tensor Forward(Context ctx, params Tensor[] inputs)
        {
            ctx.SaveForBackward(inputs[0], inputs[1]);
            return inputs[0] * inputs[1];
        }

        public override Tensor?[] Backward(Context ctx, Tensor gradOutput) =>
            [gradOutput * ctx.SavedTensors[1], gradOutput * ctx.SavedTensors[0]];
    }

    /// <summary>A buggy Function: two inputs, one gradient back.</summary>
    private sealed class ForgetsAGradient : Function
    {
        public override Tensor Forward(Context ctx, params Tensor[] inputs) => inputs[0] + inputs[1];
        public override Tensor?[] Backward(Context ctx, Tensor gradOutput) => [gradOutput];
    }

    /// <summary>A buggy Function: sums its input but sends back a gradient of the wrong shape.</summary>
    private sealed class WrongShapeGradient : Function
    {
        public override Tensor Forward(Context ctx, params Tensor[] inputs) => inputs[0].Sum();
        public override Tensor?[] Backward(Context ctx, Tensor gradOutput) => [Tensor.Ones(3)];
    }

    [Test]
    public void Apply_RecordsTheCallInTheGraph()
    {
        var x = new Variable(Tensor.FromArray(-1f, 2f), requiresGrad: true);
        Variable y = new MyRelu().Apply(x);
        Assert.That(y.Value.ToArray(), Is.EqualTo(new[] { 0f, 2f }), "Apply returns Forward's result");
        Assert.That(y.RequiresGrad, Is.True, "an output requires grad when an input does");
        Assert.That(y.GradFn, Is.Not.Null, "the output remembers the call that made it");
        Assert.That(y.GradFn!.Function, Is.InstanceOf<MyRelu>(), "…which Function it was");
        Assert.That(y.GradFn.Inputs, Is.EqualTo(new[] { x }).AsCollection, "…and on which inputs (the graph's edges)");
        Assert.That(x.IsLeaf && !y.IsLeaf, Is.True, "a variable you make is a leaf; one a Function makes is not");
    }

    [Test]
    public void Apply_OnConstantsOnly_RecordsNothing()
    {
        var y = new Add().Apply(new Variable(Tensor.Ones(2)), new Variable(Tensor.Ones(2)));
        Assert.That(y.Value.ToArray(), Is.EqualTo(new[] { 2f, 2f }), "the computation still happens");
        Assert.That(y.RequiresGrad, Is.False, "no input requires grad, so neither does the output");
        Assert.That(y.GradFn, Is.Null, "and there is no graph to keep");
    }

    [Test]
    public void SavedTensors_GiveBackWhatForwardSaved_InOrder()
    {
        Tensor a = Tensor.FromArray(2f, 3f), b = Tensor.FromArray(5f, 7f);
        var ctx = new Context(new Multiply(), []);
        Assert.That(ctx.SavedTensors, Is.Empty, "nothing is saved before Forward runs");
        new Multiply().Forward(ctx, a, b);
        Assert.That(ctx.SavedTensors, Is.EqualTo(new[] { a, b }).AsCollection, "SaveForBackward(a, b) keeps a then b");
    }

    [Test]
    public void AnInputUsedTwice_ReceivesTheSumOfBothGradients()
    {
        var x = new Variable(Tensor.FromArray(1.5f, -2f), requiresGrad: true);
        new Multiply().Apply(x, x).Backward(Tensor.Ones(2)); // d(x·x)/dx = x + x
        TensorAssert.Near(x.Grad, Tensor.FromArray(3f, -4f), "x·x uses x twice: its gradient is the sum from both uses, 2x");
    }

    [Test]
    public void DiamondGraph_AccumulatesBeforePassingTheGradientOn()
    {
        // x → a = relu(x) → p = a·W1ᵀ + b1 and q = a·W2ᵀ + b2 → loss = mse(p, q). Every path to x goes
        // through a, so a must collect both gradients before relu's backward runs once with their sum.
        var rng = new Rng(5);
        Tensor xs = Tensor.Randn(rng, 4, 3).Map(v => v + MathF.CopySign(0.1f, v)); // away from relu's kink
        Tensor w1 = Tensor.Randn(rng, 1, 3), b1 = Tensor.Randn(rng, 1), w2 = Tensor.Randn(rng, 1, 3), b2 = Tensor.Randn(rng, 1);
        var x = new Variable(xs, requiresGrad: true);
        Variable a = new MyRelu().Apply(x);
        Variable p = new LinearFunction().Apply(a, new Variable(w1), new Variable(b1));
        Variable q = new LinearFunction().Apply(a, new Variable(w2), new Variable(b2));
        new MseFunction().Apply(p, q).Backward();

        double Loss()
        {
            double total = 0;
            for (int i = 0; i < 4; i++)
            {
                double difference = b1[0] - b2[0];
                for (int k = 0; k < 3; k++) difference += Math.Max(xs[i, k], 0.0) * (w1[0, k] - w2[0, k]);
                total += difference * difference;
            }
            return total / 4;
        }
        TensorAssert.Near(x.Grad, CentralDifference.Of(Loss, xs, Step), "x.Grad through both branches of the diamond", GradRtol, GradAtol);
    }

    [Test]
    public void LeafGradients_AddUpOverBackwardPasses()
    {
        var x = new Variable(Tensor.FromArray(1f, 2f), requiresGrad: true);
        var three = new Variable(Tensor.FromArray(3f, 3f));
        new Multiply().Apply(x, three).Backward(Tensor.Ones(2));
        new Multiply().Apply(x, three).Backward(Tensor.Ones(2));
        TensorAssert.Near(x.Grad, Tensor.FromArray(6f, 6f), "two backward passes add their gradients (3 + 3), as in PyTorch: clear them between steps");
    }

    [Test]
    public void InputsThatDoNotRequireGrad_GetNoGradient()
    {
        var x = new Variable(Tensor.FromArray(1f, 2f), requiresGrad: true);
        var constant = new Variable(Tensor.FromArray(4f, 5f));
        new Multiply().Apply(x, constant).Backward(Tensor.Ones(2));
        Assert.That(constant.Grad, Is.Null, "a constant (RequiresGrad = false) is never given a gradient");
        TensorAssert.Near(x.Grad, Tensor.FromArray(4f, 5f), "while the variable beside it is: d(x·c)/dx = c");
    }

    [Test]
    public void ABackwardReturningTooFewGradients_ThrowsNamingTheFunctionAndBothCounts()
    {
        var x = new Variable(Tensor.Ones(2), requiresGrad: true);
        Variable y = new ForgetsAGradient().Apply(x, x);
        var error = Assert.Throws<InvalidOperationException>(() => y.Backward(Tensor.Ones(2)),
            "Backward must return one gradient per input of Forward");
        Assert.That(error!.Message, Does.Contain(nameof(ForgetsAGradient)).And.Contain("2").And.Contain("1"),
            "the message names the Function, the expected count (2) and the count it returned (1)");
    }

    [Test]
    public void ABackwardReturningAGradientOfTheWrongShape_ThrowsNamingBothShapes()
    {
        var x = new Variable(Tensor.Ones(2), requiresGrad: true);
        var error = Assert.Throws<InvalidOperationException>(() => new WrongShapeGradient().Apply(x).Backward(),
            "a gradient has its input's shape");
        Assert.That(error!.Message, Does.Contain(nameof(WrongShapeGradient)).And.Contain("[3]").And.Contain("[2]"));
    }

    [Test]
    public void Backward_WithoutAGradient_OnANonScalar_Throws()
    {
        Variable y = new MyRelu().Apply(new Variable(Tensor.Ones(3), requiresGrad: true));
        var error = Assert.Throws<InvalidOperationException>(() => y.Backward(),
            "a gradient of 1 only makes sense for a single number (a loss)");
        Assert.That(error!.Message, Does.Contain("scalar"), "PyTorch: grad can be implicitly created only for scalar outputs");
    }

    [Test]
    public void Backward_OnAVariableThatDoesNotRequireGrad_Throws()
    {
        var y = new Add().Apply(new Variable(Tensor.Ones(1)), new Variable(Tensor.Ones(1)));
        var error = Assert.Throws<InvalidOperationException>(() => y.Backward(), "there is no graph behind a constant");
        Assert.That(error!.Message, Does.Contain("does not require grad"));
    }

    [Test]
    public void Backward_WithAGradientOfTheWrongShape_ThrowsNamingBothShapes()
    {
        Variable y = new MyRelu().Apply(new Variable(Tensor.Ones(2, 3), requiresGrad: true));
        var error = Assert.Throws<ArgumentException>(() => y.Backward(Tensor.Ones(3, 2)), "the output's gradient has the output's shape");
        Assert.That(error!.Message, Does.Contain("[3, 2]").And.Contain("[2, 3]"));
    }

    [Test]
    public void Backward_WithAGradientThatWouldBroadcast_ThrowsNamingBothShapes()
    {
        // [3] would broadcast against [2, 3] without an error: only an explicit check refuses it.
        Variable y = new MyRelu().Apply(new Variable(Tensor.Ones(2, 3), requiresGrad: true));
        var error = Assert.Throws<ArgumentException>(() => y.Backward(Tensor.Ones(3)),
            "y is [2, 3]: a starting gradient of shape [3] must be refused, not broadcast");
        Assert.That(error!.Message, Does.Contain("[3]").And.Contain("[2, 3]"), "the message names both shapes");
    }

    /// <summary>a + b whose Backward sends a gradient to a only: "null where none is needed".</summary>
    private sealed class GradientForTheFirstOnly : Function
    {
        public override Tensor Forward(Context ctx, params Tensor[] inputs) => inputs[0] + inputs[1];
        public override Tensor?[] Backward(Context ctx, Tensor gradOutput) => [gradOutput, null];
    }

    [Test]
    public void Backward_ANullGradient_LeavesThatInputsGradUnset()
    {
        var a = new Variable(Tensor.FromArray(2f), requiresGrad: true);
        var b = new Variable(Tensor.FromArray(3f), requiresGrad: true);
        new GradientForTheFirstOnly().Apply(a, b).Backward();
        Assert.That(a.Grad?.ToArray(), Is.EqualTo(new[] { 1f }), "a receives the output's gradient, 1");
        Assert.That(b.Grad, Is.Null, "Backward returned null for b: b requires grad, but no gradient reaches it");
    }

    [TestCase("MyRelu", 2)]
    [TestCase("LinearFunction", 2)]
    [TestCase("MseFunction", 3)]
    public void Apply_WithTheWrongNumberOfInputs_ThrowsNamingTheFunctionAndTheCounts(string name, int given)
    {
        Function function = name switch { "MyRelu" => new MyRelu(), "LinearFunction" => new LinearFunction(), _ => new MseFunction() };
        int expected = name switch { "MyRelu" => 1, "LinearFunction" => 3, _ => 2 };
        Variable[] inputs = [.. Enumerable.Range(0, given).Select(_ => new Variable(Tensor.Ones(2, 2), requiresGrad: true))];
        var error = Assert.Throws<ArgumentException>(() => function.Apply(inputs), $"{name} takes {expected} input(s), not {given}");
        Assert.That(error!.Message, Does.Contain(name).And.Contain(expected.ToString()).And.Contain(given.ToString()),
            $"the message should name {name}, the {expected} inputs it takes and the {given} it got");
    }

    /// <summary>The identity, counting how many times its Backward runs.</summary>
    private sealed class CountsItsBackwardCalls : Function
    {
        public int BackwardCalls { get; private set; }
        public override Tensor Forward(Context ctx, params Tensor[] inputs) => inputs[0];
        public override Tensor?[] Backward(Context ctx, Tensor gradOutput)
        {
            BackwardCalls++;
            return [gradOutput];
        }
    }

    [Test]
    public void Backward_ADiamond_RunsTheSharedCallsBackwardOnce_WithTheSumOfItsUses()
    {
        // x → a → (b, c) → d = b + c: a is used twice, and must wait for both uses before passing on their sum.
        var x = new Variable(Tensor.FromArray(2f), requiresGrad: true);
        var shared = new CountsItsBackwardCalls();
        Variable a = shared.Apply(x);
        Variable d = new Add().Apply(new CountsItsBackwardCalls().Apply(a), new CountsItsBackwardCalls().Apply(a));
        d.Backward();
        Assert.That(shared.BackwardCalls, Is.EqualTo(1), "a's Backward runs once, with the gradient of both of its uses added up");
        Assert.That(x.Grad?.ToArray(), Is.EqualTo(new[] { 2f }), "d = x + x through identities: ∂d/∂x = 2");
    }
}
