using Foundations;
using Katas.ConvolutionByUnfold;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.Hidden.K13_ConvolutionByUnfold;

/// <summary>Hidden (graded from the reference, not in the learner's release).</summary>
[Category("K13")]
[Category("Hidden")]
public class Conv2dHiddenTests
{
    [Test]
    public void OneByOneKernel_MixesChannelsPixelByPixel()
    {
        Tensor input = TensorGen.Randn(1301, 2, 3, 4, 5), weight = TensorGen.Randn(1302, 6, 3, 1, 1);
        var expected = Tensor.Zeros(2, 6, 4, 5);
        for (int n = 0; n < 2; n++)
            for (int o = 0; o < 6; o++)
                for (int h = 0; h < 4; h++)
                    for (int w = 0; w < 5; w++)
                    {
                        float sum = 0;
                        for (int c = 0; c < 3; c++) sum += weight[o, c, 0, 0] * input[n, c, h, w];
                        expected[n, o, h, w] = sum;
                    }
        TensorAssert.Near(Conv2d.ByUnfold(input, weight, bias: null), expected,
            "a 1×1 convolution is a matrix product over channels at every pixel: out[n,o,h,w] = Σc w[o,c]·x[n,c,h,w]");
    }
}
