namespace Katas.OpenClMatmul;

/// <summary>The OpenCL C source of the three kernels, compiled at run time by the device's driver.
/// Every kernel takes (M, N, K, A, B, C) for C[M×N] = A[M×K] · B[K×N], all row-major.</summary>
public static class KernelSources
{
    /// <summary>Side of the square tile the tiled kernel stages in local memory; its work-groups are TILE×TILE.</summary>
    public const int Tile = 16;

    /// <summary>Rows of C one register-blocked work-item computes: eight tiles of six rows, one after the other.</summary>
    public const int BlockRows = 48;

    /// <summary>Columns of C one register-blocked work-item computes: one float16 vector (two AVX registers).</summary>
    public const int BlockColumns = 16;

    /// <summary>How many steps along k the register-blocked kernel takes between visits to each of its tiles: the
    /// rows of B it copies for one such chunk (CHUNK×16 floats, 8 KB) stay in the core's fastest cache.</summary>
    public const int BlockChunk = 128;

    /// <summary>Side of the square work-groups of the register-blocked kernel: a few blocks that share rows of A
    /// and columns of B run one after the other on the same CPU core while those are still in its cache.</summary>
    public const int BlockGroup = 4;

    /// <summary>The compiler options that give the kernels their sizes: in the source, TILE, ROWS, COLS and CHUNK are these constants.</summary>
    public static readonly string BuildOptions = $"-DTILE={Tile} -DROWS={BlockRows} -DCOLS={BlockColumns} -DCHUNK={BlockChunk} -cl-mad-enable";

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

        // 3. Each work-item computes a ROWS×COLS (48×16) block of C as eight tiles of 6 rows × 16 columns. A tile keeps
        //    its sums in registers: six float16 variables (named ones — PoCL keeps private arrays in memory, which
        //    is far slower). k runs in chunks of CHUNK: copy the chunk's rows of B into a private float16 array
        //    first, then let every tile of the block use it; between chunks a tile's sums wait in C.
        __kernel void matmul_register_blocked(const int M, const int N, const int K,
                                              __global const float* A, __global const float* B, __global float* C)
        {
            // Kata 07: per k, multiply-add a row of B (vload16) times six numbers of A into the six sums; handle blocks cut by the edges.
        }
        """;
}
