using FsCheck;
using FsCheck.Fluent;
using Foundations;
using Foundations.OpenCL;
using Katas.OpenClMatmul;
using KataTests.Support;
using NUnit.Framework;

namespace KataTests.K07_OpenClMatmul;

[Category("K07")]
[NonParallelizable]   // one device, and the leak test counts the context's references
public class OpenClMatmulTests
{
    // A different summation order (tiles, blocks) moves a sum of K products by a few ulps of its
    // magnitude (~√K), so sums near zero get an absolute tolerance larger than fastai's 1e-5.
    private const double Atol = 1e-4;

    private OpenClDevice _device = null!;
    private OpenClMatmulHost? _matmul;
    private bool _sizesChecked;

    [OneTimeSetUp]
    public void OpenDevice() => _device = OpenClPlatform.OpenDevice();

    [OneTimeTearDown]
    public void Close()
    {
        _matmul?.Dispose();
        _device?.Dispose();
    }

    // Built on first use, so a constructor that throws fails each test with its own message.
    private OpenClMatmulHost Host => _matmul ??= new OpenClMatmulHost(_device);

    // The host for tests that launch the real kernels: spy kernels check first that it passes the sizes in order (out
    // of order, the real kernels run past the ends of their buffers and can crash the test run).
    private OpenClMatmulHost Matmul
    {
        get
        {
            var host = Host;
            if (!_sizesChecked) KernelArgumentOrder.AssertSafeToRun(_device);
            _sizesChecked = true;
            return host;
        }
    }

    [TestCase(KernelVariant.Naive)]
    [TestCase(KernelVariant.Tiled)]
    [TestCase(KernelVariant.RegisterBlocked)]
    public void TheKernel_ReceivesTheSizes_InTheOrder_M_N_K(KernelVariant kernel) =>
        KernelArgumentOrder.AssertInOrder(_device, kernel);

    private static IEnumerable<TestCaseData> KernelsAndShapes()
    {
        (int M, int K, int N, string Why)[] shapes =
        [
            (1, 1, 1, "1×1: a single work-item, almost all of the work-group past the edge"),
            (5, 784, 10, "the chapter's 5 images × 784 pixels @ 784×10 weights: far from a multiple of any tile"),
            (33, 65, 17, "33×65 @ 65×17: one past a multiple of 16 (and of 8) in every dimension"),
            (256, 256, 256, "256² @ 256²: whole 16×16 tiles only (and 5 whole blocks of 48 rows, then 16 rows)"),
            (50, 300, 40, "50×300 @ 300×40: k runs through two whole chunks of 128 and stops mid-chunk; rows end mid-tile, columns mid-block"),
        ];
        foreach (var kernel in Enum.GetValues<KernelVariant>())
            foreach (var (m, k, n, why) in shapes)
                yield return new TestCaseData(kernel, m, k, n, why).SetName($"{kernel}_{m}x{k}_Times_{k}x{n}_MatchesTheCpuProduct");
    }

    [TestCaseSource(nameof(KernelsAndShapes))]
    public void EachKernel_MatchesTheSubstratesMatmul(KernelVariant kernel, int m, int k, int n, string why)
    {
        // Each kernel gets inputs of its own: a kernel that writes nothing (a launch of size 0, say) must not pass by
        // reading back freed device memory that still holds another kernel's answer to the same product.
        var rng = new Rng((ulong)((int)kernel * 1_000_000_000L + m * 1_000_000L + k * 1000 + n));
        Tensor a = Tensor.Randn(rng, m, k), b = Tensor.Randn(rng, k, n);
        TensorAssert.Near(Matmul.Multiply(a, b, kernel), Tensor.Matmul(a, b), $"{kernel} kernel, {why}", atol: Atol);
    }

    private static IEnumerable<TestCaseData> WidthsAndShapes()
    {
        (int M, int K, int N, string Why)[] shapes =
        [
            (50, 300, 40, "50×300 @ 300×40: k through two whole chunks of 128 and mid-chunk; rows end mid-tile, columns mid-block"),
            (100, 129, 96, "100×129 @ 129×96: whole blocks of 8, 16 and 32 columns; 100 rows = two blocks of 48 and 4 rows left over"),
            (7, 20, 70, "7×20 @ 20×70: one whole tile and one row left over; columns past the last whole block of every width"),
        ];
        foreach (int lanes in new[] { 4, 8, 16 })
            foreach (var (m, k, n, why) in shapes)
                yield return new TestCaseData(lanes, m, k, n, why).SetName($"RegisterBlocked_WithLanes{lanes}_{m}x{k}_Times_{k}x{n}_MatchesTheCpuProduct");
    }

    // Each vector width the kernel is written for, whatever this machine's own: a width that only an AVX-512 CPU picks
    // is still compiled and checked on an AVX2 one (PoCL splits a float16 into two AVX registers there, slowly but right).
    // (Through the host's own constructor, not KernelSources.Source: a const is copied into this assembly when it is
    // built, so the kernels tested would be the ones the tests were built against.)
    [TestCaseSource(nameof(WidthsAndShapes))]
    public void TheRegisterBlockedKernel_WithEachVectorWidth_MatchesTheSubstratesMatmul(int lanes, int m, int k, int n, string why)
    {
        _ = Matmul;   // the spy kernels first: the sizes must reach the kernels in order before real kernels run
        using var host = new OpenClMatmulHost(_device, lanes);
        var rng = new Rng((ulong)(lanes * 1_000_000 + m * 1000 + n));
        Tensor a = Tensor.Randn(rng, m, k), b = Tensor.Randn(rng, k, n);
        TensorAssert.Near(host.Multiply(a, b, KernelVariant.RegisterBlocked), Tensor.Matmul(a, b),
            $"register-blocked kernel with LANES={lanes} (blocks of {KernelSources.BlockColumns(lanes)} columns), {why}", atol: Atol);
    }

    [TestCase(1, 4, TestName = "Lanes_OfAGpuReporting1_Is4")]
    [TestCase(4, 4, TestName = "Lanes_OfSseOrNeon_Is4")]
    [TestCase(8, 8, TestName = "Lanes_OfAvx2_Is8")]
    [TestCase(16, 16, TestName = "Lanes_OfAvx512_Is16")]
    [TestCase(2, 4, TestName = "Lanes_OfA2WideDevice_Is4")]
    public void Lanes_FollowTheDevicesOwnVectorWidth(int nativeFloatWidth, int expected) =>
        Assert.That(KernelSources.Lanes(nativeFloatWidth), Is.EqualTo(expected),
            $"a device whose own vectors hold {nativeFloatWidth} floats gets the kernel with float{expected} (4, 8 or 16: the widths it is written for)");

    [Test]
    public void TheHost_UsesTheDevicesVectorWidth_AndRejectsOneTheKernelIsNotWrittenFor()
    {
        using (var host = new OpenClMatmulHost(_device))
            Assert.That(host.Lanes, Is.EqualTo(KernelSources.Lanes(_device.NativeFloatVectorWidth)),
                $"the device's own vectors hold {_device.NativeFloatVectorWidth} floats (NativeFloatVectorWidth): the host should build for KernelSources.Lanes of that");
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new OpenClMatmulHost(_device, 6).Dispose(),
            "the kernel is written for float4, float8 and float16 only");
        Assert.That(error!.Message, Does.Contain("6"), "the message should name the width it was given");
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelSources.Lanes(0), "no device has vectors of 0 floats");
    }

    [PropertyTest("Every OpenCL kernel's product equals the CPU product, also for sizes that are not multiples of the tile.", MaxTest = 15)]
    public Property EveryKernel_OnRandomOddShapes_MatchesTheCpuProduct() => Prop.ForAll(TensorGen.MatmulCase(max: 40), c =>
    {
        Tensor a = TensorGen.Randn(c.Seed, c.N, c.K), b = TensorGen.Randn(c.Seed + 1, c.K, c.M);
        foreach (var kernel in Enum.GetValues<KernelVariant>())
            TensorAssert.Near(Matmul.Multiply(a, b, kernel), Tensor.Matmul(a, b),
                $"{kernel} kernel on {c.N}×{c.K} @ {c.K}×{c.M} (seed {c.Seed}): bounds checks for sizes that are not multiples of the tile", atol: Atol);
    });

    [Test]
    public void TransposedViews_AreMultipliedAsTheMatricesTheyShow()
    {
        // b.T() is a view with swapped strides; the kernels index row-major arrays, so the host must copy it.
        var rng = new Rng(7);
        Tensor a = Tensor.Randn(rng, 20, 12), bTransposed = Tensor.Randn(rng, 9, 12);
        foreach (var kernel in Enum.GetValues<KernelVariant>())
            TensorAssert.Near(Matmul.Multiply(a, bTransposed.T(), kernel), Tensor.Matmul(a, bTransposed.T()),
                $"{kernel} kernel with a transposed view as B", atol: Atol);
    }

    [Test]
    public void AnEmptyInnerDimension_GivesZeros()
    {
        // OpenCL has no zero-sized buffers (CL_INVALID_BUFFER_SIZE); an empty sum is 0, as in torch.mm.
        TensorAssert.Equal(Host.Multiply(Tensor.Zeros(3, 0), Tensor.Zeros(0, 4), KernelVariant.Tiled), Tensor.Zeros(3, 4),
            "3×0 @ 0×4 is a 3×4 matrix of empty sums");
    }

    [Test]
    public void NoRowsOrNoColumns_GiveAnEmptyProduct()
    {
        // OpenCL has no zero-sized buffers either way: a product with no rows or no columns has nothing to compute.
        TensorAssert.HasShape(Host.Multiply(Tensor.Zeros(0, 3), Tensor.Zeros(3, 4), KernelVariant.Naive), [0, 4], "0×3 @ 3×4: no rows");
        TensorAssert.HasShape(Host.Multiply(Tensor.Zeros(2, 3), Tensor.Zeros(3, 0), KernelVariant.Naive), [2, 0], "2×3 @ 3×0: no columns");
    }

    [Test]
    public void InnerSizesThatDiffer_ThrowPyTorchsMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => Host.Multiply(Tensor.Zeros(5, 784), Tensor.Zeros(10, 784), KernelVariant.Naive),
            "784 columns of A cannot meet 10 rows of B");
        Assert.That(error!.Message, Does.Contain("mat1 and mat2 shapes cannot be multiplied (5x784 and 10x784)"));
    }

    [Test]
    public void NonMatrices_ThrowNamingTheShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => Host.Multiply(Tensor.Zeros(3), Tensor.Zeros(3, 2), KernelVariant.Naive));
        Assert.That(error!.Message, Does.Contain("[3]"), "the message should name the shape that is not 2-D");
    }

    [Test]
    public void ANonMatrixB_ThrowsNamingItsShape()
    {
        var error = Assert.Throws<ArgumentException>(() => Host.Multiply(Tensor.Zeros(3, 2), Tensor.Zeros(2), KernelVariant.Naive),
            "B of shape [2] is a vector, not a matrix: check both operands' ranks");
        Assert.That(error!.Message, Does.Contain("[2]"), "the message should name the shape that is not 2-D");
    }

    [Test]
    public void AKernelWithASyntaxError_ThrowsWithTheBuildLog()
    {
        string broken = KernelSources.Source.Replace("__kernel void matmul_naive(", "__kernel void matmul_naive(oops ");
        var error = Assert.Throws<OpenClException>(() => new OpenClMatmulHost(_device, broken).Dispose(),
            "a source that does not compile must fail loudly, with the compiler's words")!;
        Assert.That(error.ErrorName, Is.EqualTo("CL_BUILD_PROGRAM_FAILURE"));
        Assert.That(error.BuildLog, Does.Contain("oops"), "the build log points at the unknown type name");
        Assert.That(error.Message, Does.Contain(error.BuildLog!.Trim()), "the exception's message carries the full build log");
    }

    [Test]
    public void AMissingKernel_ThrowsNamingIt_AndReleasesTheProgramAndTheKernelsAlreadyCreated()
    {
        // matmul_tiled renamed: the program builds, matmul_naive is created, then clCreateKernel fails.
        string renamed = KernelSources.Source.Replace("__kernel void matmul_tiled(", "__kernel void matmul_tiles(");
        int references = _device.ContextReferenceCount;
        for (int attempt = 0; attempt < 5; attempt++)
        {
            var error = Assert.Throws<OpenClException>(() => new OpenClMatmulHost(_device, renamed).Dispose(),
                "a source without matmul_tiled cannot make an OpenClMatmulHost")!;
            Assert.That(error.ErrorName, Is.EqualTo("CL_INVALID_KERNEL_NAME"));
            Assert.That(error.Message, Does.Contain("matmul_tiled"), "the message names the kernel that is missing");
        }
        Assert.That(_device.ContextReferenceCount, Is.EqualTo(references),
            "when a kernel is missing, the constructor must release the program and the kernels it already created before throwing");
    }

    [Test]
    public void AMissingLastKernel_ReleasesTheTwoKernelsAlreadyCreated()
    {
        // matmul_register_blocked renamed: matmul_naive and matmul_tiled exist by then, and both must be released.
        string renamed = KernelSources.Source.Replace("__kernel void matmul_register_blocked(", "__kernel void matmul_register_blocks(");
        int references = _device.ContextReferenceCount;
        for (int attempt = 0; attempt < 5; attempt++)
        {
            var error = Assert.Throws<OpenClException>(() => new OpenClMatmulHost(_device, renamed).Dispose(),
                "a source without matmul_register_blocked cannot make an OpenClMatmulHost")!;
            Assert.That(error.Message, Does.Contain("matmul_register_blocked"), "the message names the kernel that is missing");
        }
        Assert.That(_device.ContextReferenceCount, Is.EqualTo(references),
            "when the third kernel is missing, the constructor must release the program and both kernels it already created");
    }

    [Test]
    public void ALaunchThatFails_StillReleasesItsBuffers()
    {
        // Kernels with the right names but only five parameters: clSetKernelArg(…, 5, …) fails after the buffers exist.
        const string fiveParameters = """
            __kernel void matmul_naive(const int M, const int N, const int K, __global const float* A, __global float* C) { }
            __kernel void matmul_tiled(const int M, const int N, const int K, __global const float* A, __global float* C) { }
            __kernel void matmul_register_blocked(const int M, const int N, const int K, __global const float* A, __global float* C) { }
            """;
        using var host = new OpenClMatmulHost(_device, fiveParameters);
        int references = _device.ContextReferenceCount;
        for (int attempt = 0; attempt < 5; attempt++)
            Assert.Throws<OpenClException>(() => host.Multiply(Tensor.Ones(3, 2), Tensor.Ones(2, 4), KernelVariant.Naive),
                "a kernel whose arguments do not fit must fail loudly: check the code every OpenCL call returns");
        Assert.That(_device.ContextReferenceCount, Is.EqualTo(references),
            "a Multiply that throws must still release the buffers it created: release them in a finally, not after the read");
    }

    [Test]
    public void HundredRuns_LeaveNoBufferBehind()
    {
        var a = Tensor.Ones(9, 7);
        var b = Tensor.Ones(7, 5);
        var matmul = Matmul;
        matmul.Multiply(a, b, KernelVariant.Naive);   // warm up once
        int references = _device.ContextReferenceCount;
        for (int run = 0; run < 100; run++)
            matmul.Multiply(a, b, Enum.GetValues<KernelVariant>()[run % 3]);
        Assert.That(_device.ContextReferenceCount, Is.EqualTo(references),
            "every buffer created by Multiply holds the context until Api.ReleaseMemObject: release them in a finally before returning");
    }

    [Test]
    public void DisposingTheMatmul_ReleasesItsProgramAndKernels()
    {
        int references = _device.ContextReferenceCount;
        for (int cycle = 0; cycle < 20; cycle++)
        {
            using var matmul = new OpenClMatmulHost(_device);
            Assert.That(_device.ContextReferenceCount, Is.GreaterThan(references), "a live program holds the context");
        }
        Assert.That(_device.ContextReferenceCount, Is.EqualTo(references),
            "Dispose must release the three kernels (Api.ReleaseKernel) and the program (Api.ReleaseProgram)");
    }
}
