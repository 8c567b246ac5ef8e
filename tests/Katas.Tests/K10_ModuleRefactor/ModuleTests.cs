using Foundations;
using Katas.ModuleRefactor;
using NUnit.Framework;

namespace KataTests.K10_ModuleRefactor;

[Category("K10")]
public class ModuleTests
{
    /// <summary>The smallest possible module: y = 3x. It exercises the base class alone.</summary>
    private sealed class Triple : Module
    {
        public int Forwards;

        public Triple() : base(inputCount: 1) { }

        protected override Tensor Forward(Tensor[] args)
        {
            Forwards++;
            return args[0] * 3f;
        }

        protected override void Bwd(Tensor output, Tensor[] args) => args[0].Grad = GradOf(output) * 3f;
    }

    [Test]
    public void Call_RunsForwardOnceAndKeepsArgsAndOutput()
    {
        var module = new Triple();
        var x = Tensor.FromArray(1f, 2f);
        Tensor y = module.Call(x);
        Assert.That(module.Forwards, Is.EqualTo(1), "Call runs Forward exactly once");
        Assert.That(y.ToArray(), Is.EqualTo(new[] { 3f, 6f }), "Call returns what Forward returned");
        Assert.That(module.Args, Is.EqualTo(new[] { x }).AsCollection, "Call keeps the args it was given, for Backward");
        Assert.That(module.Output, Is.SameAs(y), "Call keeps the output, for Backward");
    }

    [Test]
    public void Call_ASecondTime_ReturnsAndKeepsTheSecondCallsArgsAndOutput()
    {
        // A module is called once per batch: each Call replaces what the previous one kept.
        var module = new Triple();
        Tensor first = Tensor.FromArray(1f, 2f), second = Tensor.FromArray(-4f, 5f);
        module.Call(first);
        Tensor y = module.Call(second);
        Assert.That(y.ToArray(), Is.EqualTo(new[] { -12f, 15f }), "the second Call returns 3·[-4, 5], not the first call's 3·[1, 2]");
        Assert.That(module.Args, Is.EqualTo(new[] { second }).AsCollection, "Args are the second call's");
        Assert.That(module.Output, Is.SameAs(y), "Output is the second call's");
    }

    [Test]
    public void Backward_HandsTheStoredOutputAndArgsToBwd()
    {
        var module = new Triple();
        var x = Tensor.FromArray(1f, 2f);
        module.Call(x).Grad = Tensor.FromArray(10f, 20f);
        module.Backward();
        Assert.That(x.Grad?.ToArray(), Is.EqualTo(new[] { 30f, 60f }), "Backward calls Bwd(Output, Args): x.Grad = 3·out.Grad");
    }

    [Test]
    public void Backward_BeforeCall_ThrowsSayingSo()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Relu().Backward(),
            "there is no forward pass to go back through yet");
        Assert.That(error!.Message, Does.Contain("Relu").And.Contain("Call"), "the message names the module and what is missing");
    }

    [Test]
    public void Call_WithTheWrongNumberOfInputs_ThrowsNamingBothCounts()
    {
        var error = Assert.Throws<ArgumentException>(() => new Mse().Call(Tensor.Zeros(3, 1)),
            "Mse takes a prediction and a target");
        Assert.That(error!.Message, Does.Contain("Mse").And.Contain("2").And.Contain("1"));
    }

    [Test]
    public void Call_WithMoreInputsThanTheModuleTakes_ThrowsNamingBothCounts()
    {
        var error = Assert.Throws<ArgumentException>(() => new Relu().Call(Tensor.Zeros(3), Tensor.Zeros(3)),
            "Relu takes one tensor, not two");
        Assert.That(error!.Message, Does.Contain("Relu").And.Contain("1").And.Contain("2"));
    }

    [Test]
    public void Backward_OfALayerWhoseOutputHasNoGradient_ThrowsInsteadOfGuessing()
    {
        var lin = new Lin(Tensor.Ones(2, 1), Tensor.Zeros(1));
        lin.Call(Tensor.Ones(3, 2));
        var error = Assert.Throws<InvalidOperationException>(() => lin.Backward(),
            "a layer's backward needs the gradient of its output, which the next layer (or the loss) provides");
        Assert.That(error!.Message, Does.Contain("Lin").And.Contain("Grad"));
    }
}
