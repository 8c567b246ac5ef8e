using Foundations;
using Foundations.OpenCL;
using Katas.OpenClMatmul;
using NUnit.Framework;

namespace KataTests.K07_OpenClMatmul;

/// <summary>
/// Which sizes the learner's host passes as the kernels' first three arguments, seen through spy kernels. A kernel
/// cannot check its sizes against its buffers: given N and K swapped, the real kernels read and write past the ends of
/// the host's exact-size buffers, which corrupts memory and can crash the whole test run with no message. So the tests
/// that run the real kernels through the host first run these spies through the same host: kernels with the real ones'
/// names and parameters in which work-item (0, 0) only writes M, N and K into the first three elements of C.
/// </summary>
internal static class KernelArgumentOrder
{
    // 49×3 @ 3×17: M, N and K all differ, and C (49×17) holds a whole 48×16 block, so every NDRange launches work-item (0, 0).
    private const int M = 49, K = 3, N = 17;

    private const string SpySource = """
        #define SPY(name) __kernel void name(const int M, const int N, const int K, \
                __global const float* A, __global const float* B, __global float* C) \
            { if (get_global_id(0) == 0 && get_global_id(1) == 0) { C[0] = M; C[1] = N; C[2] = K; } }
        SPY(matmul_naive)
        SPY(matmul_tiled)
        SPY(matmul_register_blocked)
        """;

    /// <summary>The (M, N, K) the kernel <paramref name="variant"/> receives from the learner's host for a 49×3 @ 3×17 product.</summary>
    public static (int M, int N, int K) Received(OpenClDevice device, KernelVariant variant)
    {
        using var host = new OpenClMatmulHost(device, SpySource);
        float[] c = host.Multiply(Tensor.Zeros(M, K), Tensor.Zeros(K, N), variant).ToArray();
        return ((int)c[0], (int)c[1], (int)c[2]);
    }

    /// <summary>Fails the test when <paramref name="variant"/> received its sizes in another order than (M, N, K).</summary>
    public static void AssertInOrder(OpenClDevice device, KernelVariant variant)
    {
        var received = Received(device, variant);
        Assert.That(received, Is.EqualTo((M, N, K)), Describe(variant, received));
    }

    /// <summary>
    /// Before a test runs the real kernels through the host: fails it with a message when the host passes the sizes out
    /// of order (the real kernels would run past their buffers). Any other problem (a stub, a failing launch) is left
    /// for the test itself to report.
    /// </summary>
    public static void AssertSafeToRun(OpenClDevice device)
    {
        foreach (var variant in Enum.GetValues<KernelVariant>())
        {
            (int M, int N, int K) received;
            try { received = Received(device, variant); }
            catch (Exception) { continue; }
            bool permuted = new[] { received.M, received.N, received.K }.Order().SequenceEqual(new[] { M, N, K }.Order());
            if (permuted && received != (M, N, K))
                Assert.Fail(Describe(variant, received) + " This test did not run the real kernels: with the sizes out of order " +
                    "they read and write past the ends of the buffers, which can crash the test run.");
        }
    }

    private static string Describe(KernelVariant variant, (int M, int N, int K) received) =>
        $"For a {M}×{K} @ {K}×{N} product the {variant} kernel received M={received.M}, N={received.N}, K={received.K} " +
        $"(expected M={M}, N={N}, K={K}): set the kernel's arguments in the order of its parameters, (M, N, K, A, B, C).";
}
