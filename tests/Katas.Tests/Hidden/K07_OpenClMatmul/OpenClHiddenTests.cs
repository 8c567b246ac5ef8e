using Foundations;
using Foundations.OpenCL;
using Katas.OpenClMatmul;
using KataTests.K07_OpenClMatmul;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.Hidden.K07_OpenClMatmul;

/// <summary>Hidden (graded from the reference, not in the learner's release). Finds its device as K07's tests do.</summary>
[Category("K07")]
[Category("Hidden")]
public class OpenClHiddenTests
{
    private OpenClDevice _device = null!;

    [OneTimeSetUp]
    public void OpenDevice() => _device = OpenClPlatform.OpenDevice();

    [OneTimeTearDown]
    public void Close() => _device?.Dispose();

    [TestCase(KernelVariant.Naive)]
    [TestCase(KernelVariant.Tiled)]
    [TestCase(KernelVariant.RegisterBlocked)]
    public void NarrowedViewsWithAnOffset_AreMultipliedAsTheMatricesTheyShow(KernelVariant kernel)
    {
        using var matmul = new OpenClMatmulHost(_device);
        KernelArgumentOrder.AssertSafeToRun(_device);   // sizes out of order would run the kernels past their buffers
        Tensor big = TensorGen.Randn(701, 40, 30), other = TensorGen.Randn(702, 30, 50);
        Tensor a = big.Narrow(0, 7, 21), b = other.Narrow(1, 9, 23); // views that start part-way into their storage
        TensorAssert.Near(matmul.Multiply(a, b, kernel), Tensor.Matmul(a.Contiguous(), b.Contiguous()),
            $"{kernel}: a 21×30 and a 30×23 view at an offset are copied to the device as the matrices they show", atol: 1e-4);
    }
}
