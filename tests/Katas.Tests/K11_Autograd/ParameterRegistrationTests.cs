using Foundations;
using Katas.Autograd;
using NUnit.Framework;

namespace KataTests.K11_Autograd;

/// <summary>
/// Question 40 (PyTorch's <c>nn.Module</c> against fastai's <c>Module</c>): the base class does the bookkeeping. A module
/// written below neither calls a base constructor (C# chains it by itself, as fastai's Module calls
/// <c>super().__init__()</c> for you) nor lists its parameters: making a parameter through the base class registers it,
/// as assigning one to an attribute of an <c>nn.Module</c> does.
/// </summary>
[Category("K11")]
public class ParameterRegistrationTests
{
    /// <summary>y = x·scale + shift, elementwise, written with no bookkeeping at all.</summary>
    private sealed class ScaleAndShift : Module
    {
        public ScaleAndShift(int width)
        {
            Scale = Parameter(Tensor.Ones(width));
            Shift = Parameter(Tensor.Zeros(width));
        }

        public Variable Scale { get; }
        public Variable Shift { get; }

        public override Variable Forward(Variable input) => input; // the parameters are what this test is about
    }

    [Test]
    public void Parameter_RegistersWhatItMakes_SoParametersFindsItWithoutAList()
    {
        var module = new ScaleAndShift(3);
        Assert.That(module.Parameters(), Is.EqualTo(new[] { module.Scale, module.Shift }).AsCollection,
            "every Parameter(...) made in the constructor is listed, in the order made");
        Assert.That(module.Parameters().All(p => p.RequiresGrad), Is.True, "a parameter is something training changes: it requires grad");
        Assert.That(module.Scale.Value.ToArray(), Is.EqualTo(new float[] { 1, 1, 1 }), "the parameter holds the tensor it was made from");
    }

    [Test]
    public void ParametersMadeThisWay_AreFoundInsideContainers_AndClearedByZeroGrad()
    {
        var inner = new ScaleAndShift(2);
        var model = new Sequential(new LinearLayer(2, 2, new Rng(1)), inner);
        Assert.That(model.Parameters(), Does.Contain(inner.Scale).And.Contains(inner.Shift), "a container finds its children's parameters");
        Assert.That(model.Parameters().Count(), Is.EqualTo(4), "the linear layer's weight and bias, then scale and shift");

        inner.Scale.Grad = Tensor.Ones(2);
        model.ZeroGrad();
        Assert.That(inner.Scale.Grad, Is.Null, "ZeroGrad reaches a parameter that no one listed by hand");
    }

    [Test]
    public void Parameter_OfNull_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new NullParameter(), "a parameter needs a value");
    }

    private sealed class NullParameter : Module
    {
        public NullParameter() => Parameter(null!);
        public override Variable Forward(Variable input) => input;
    }

    [Test]
    public void RegisterParameter_OfAVariableThatDoesNotRequireGrad_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new FrozenParameter(),
            "a parameter is something to train: a variable without requiresGrad would never change");
        Assert.That(error!.Message, Does.Contain("grad"), "the message should say that the parameter must require grad");
    }

    private sealed class FrozenParameter : Module
    {
        public FrozenParameter() => RegisterParameter(new Variable(Tensor.Zeros(2)));
        public override Variable Forward(Variable input) => input;
    }
}
