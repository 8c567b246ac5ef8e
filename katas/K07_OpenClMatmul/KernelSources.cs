namespace Katas.OpenClMatmul;

/// <summary>The OpenCL C source of the three kernels, compiled at run time by the device's driver.
/// Every kernel takes (M, N, K, A, B, C) for C[M×N] = A[M×K] · B[K×N], all row-major.</summary>
public static class KernelSources
{
    /// <summary>Side of the square tile the tiled kernel stages in local memory; its work-groups are TILE×TILE.</summary>
    public const int Tile = 16;

    /// <summary>Rows of C one register-blocked work-item computes: eight tiles of six rows, one after the other.</summary>
    public const int BlockRows = 48;

    /// <summary>
    /// The floats in one vector of the register-blocked kernel on a device whose own vectors hold
    /// <paramref name="nativeFloatWidth"/> (<c>OpenClDevice.NativeFloatVectorWidth</c>): 16 for AVX-512, 8 for AVX2,
    /// and 4 for narrower CPUs (SSE, NEON) and for GPUs, which report 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nativeFloatWidth"/> is less than 1.</exception>
    public static int Lanes(int nativeFloatWidth)
    {
        throw new NotImplementedException(
            "Kata 07 (KernelSources.Lanes, which the host's constructors call): the kernel is written for float4, float8 and float16; " +
            "pick the widest that the device's own vectors fill (16, 8, else 4).");
    }

    /// <summary>Columns of C one register-blocked work-item computes: two vectors of <paramref name="lanes"/> floats
    /// (16 with AVX2's float8, 32 with AVX-512's float16), like K06's micro-kernel.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lanes"/> is not 4, 8 or 16.</exception>
    public static int BlockColumns(int lanes) => lanes is 4 or 8 or 16
        ? 2 * lanes
        : throw new ArgumentOutOfRangeException(nameof(lanes), lanes, "the register-blocked kernel is written for float4, float8 or float16: lanes must be 4, 8 or 16");

    /// <summary>How many steps along k the register-blocked kernel takes between visits to each of its tiles: the
    /// rows of B it copies for one such chunk (CHUNK × COLS floats: 8 KB with AVX2, 16 KB with AVX-512) stay in the
    /// core's fastest cache.</summary>
    public const int BlockChunk = 128;

    /// <summary>Side of the square work-groups of the register-blocked kernel: a few blocks that share rows of A
    /// and columns of B run one after the other on the same CPU core while those are still in its cache.</summary>
    public const int BlockGroup = 4;

    /// <summary>The compiler options that give the kernels their sizes, with vectors of <paramref name="lanes"/> floats:
    /// in the source, TILE, ROWS, LANES, COLS and CHUNK are these numbers.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lanes"/> is not 4, 8 or 16.</exception>
    public static string BuildOptions(int lanes) =>
        $"-DTILE={Tile} -DROWS={BlockRows} -DLANES={lanes} -DCOLS={BlockColumns(lanes)} -DCHUNK={BlockChunk} -cl-mad-enable";

    /// <summary>The program: <c>matmul_naive</c>, <c>matmul_tiled</c> and <c>matmul_register_blocked</c>.
    /// Kata 07: the signatures are given; write the bodies.</summary>
    public const string Source = """
        // C[M×N] = A[M×K] · B[K×N], row-major: element (r, c) of a matrix with W columns is at r*W + c.
        // Dimension 0 of the NDRange runs along the columns of C, dimension 1 along its rows.

        // 1. One work-item per element of C. The NDRange is rounded up to whole work-groups:
        //    work-items past the edge of C must do nothing.
        __kernel void matmul_naive(const int M, const int N, const int K,
                                   __global const float* A, __global const float* B, __global float* C)
        {
            // Kata 07: C[row, col] = sum over k of A[row, k] * B[k, col].
        }

        // 2. Work-groups of TILE×TILE work-items copy TILE×TILE tiles of A and B into __local arrays,
        //    wait at barrier(CLK_LOCAL_MEM_FENCE), multiply the tiles, wait again, and move on along k.
        __kernel void matmul_tiled(const int M, const int N, const int K,
                                   __global const float* A, __global const float* B, __global float* C)
        {
            // Kata 07: __local float tileA[TILE][TILE], tileB[TILE][TILE]; every work-item must reach every barrier.
        }

        // 3. Each work-item computes a ROWS×COLS block of C (48×16 with float8, 48×32 with float16) as eight tiles of
        //    6 rows. A row of a tile is two vectors of LANES floats (COLS = 2·LANES), so a tile keeps its sums in
        //    twelve vector variables (named ones — PoCL keeps private arrays in memory, which is far slower). Build
        //    the vector type's name from LANES with a macro (float##LANES needs two levels of macro: see the README).
        //    k runs in chunks of CHUNK: copy the chunk's rows of B into a private array first, then let every tile
        //    of the block use it; between chunks a tile's sums wait in C.
        __kernel void matmul_register_blocked(const int M, const int N, const int K,
                                              __global const float* A, __global const float* B, __global float* C)
        {
            // Kata 07: per k, multiply-add a row of B (two vloads) times six numbers of A into the twelve sums; handle blocks cut by the edges.
        }
        """;
}
