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
        ArgumentOutOfRangeException.ThrowIfLessThan(nativeFloatWidth, 1);
        return nativeFloatWidth >= 16 ? 16 : nativeFloatWidth >= 8 ? 8 : 4;
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

    /// <summary>The compiler options that give the kernels their sizes, with vectors of <paramref name="lanes"/> floats.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lanes"/> is not 4, 8 or 16.</exception>
    public static string BuildOptions(int lanes) =>
        $"-DTILE={Tile} -DROWS={BlockRows} -DLANES={lanes} -DCOLS={BlockColumns(lanes)} -DCHUNK={BlockChunk} -cl-mad-enable";

    /// <summary>The program: <c>matmul_naive</c>, <c>matmul_tiled</c> and <c>matmul_register_blocked</c>.</summary>
    public const string Source = """
        // C[M×N] = A[M×K] · B[K×N], row-major: element (r, c) of a matrix with W columns is at r*W + c.

        // ---- 1. Naive: one work-item per element of C ------------------------------------------
        // Dimension 0 of the NDRange runs along the columns of C, dimension 1 along its rows, so
        // neighbouring work-items read neighbouring elements of B (coalesced on a GPU).
        __kernel void matmul_naive(const int M, const int N, const int K,
                                   __global const float* A, __global const float* B, __global float* C)
        {
            const int col = get_global_id(0);
            const int row = get_global_id(1);
            if (row >= M || col >= N) return;   // the NDRange was rounded up to whole work-groups

            float sum = 0.0f;
            for (int k = 0; k < K; k++)
                sum += A[row * K + k] * B[k * N + col];
            C[row * N + col] = sum;
        }

        // ---- 2. Tiled: a work-group shares TILE×TILE blocks of A and B through local memory ---------
        // Each element of A and B is read from global memory once per work-group instead of once per
        // work-item: TILE times less global traffic, which is what limits the naive kernel on a GPU.
        // TILE is defined by the host when it builds the program (-DTILE=16), so C# and OpenCL C agree.
        __kernel void matmul_tiled(const int M, const int N, const int K,
                                   __global const float* A, __global const float* B, __global float* C)
        {
            const int localCol = get_local_id(0), localRow = get_local_id(1);
            const int col = get_group_id(0) * TILE + localCol;
            const int row = get_group_id(1) * TILE + localRow;
            __local float tileA[TILE][TILE];
            __local float tileB[TILE][TILE];

            float sum = 0.0f;
            for (int t = 0; t < K; t += TILE)
            {
                // Every work-item loads one element of each tile; outside the matrices it loads 0,
                // which adds nothing to the sums. No early return: all must reach the barriers.
                tileA[localRow][localCol] = (row < M && t + localCol < K) ? A[row * K + t + localCol] : 0.0f;
                tileB[localRow][localCol] = (t + localRow < K && col < N) ? B[(t + localRow) * N + col] : 0.0f;
                barrier(CLK_LOCAL_MEM_FENCE);   // the tiles are complete…

                for (int k = 0; k < TILE; k++)
                    sum += tileA[localRow][k] * tileB[k][localCol];
                barrier(CLK_LOCAL_MEM_FENCE);   // …and everyone is done with them before they are overwritten
            }
            if (row < M && col < N) C[row * N + col] = sum;
        }

        // ---- 3. Register-blocked: each work-item computes a 48×COLS block of C, six rows at a time ---------
        // A vector here is LANES floats, the device's own width (float8 on AVX2, float16 on AVX-512), and a row
        // of a tile is two of them, COLS = 2·LANES columns, as in K06's micro-kernel. The six rows keep their sums
        // in twelve vector variables: 12 of AVX2's 16 registers (or of AVX-512's 32), leaving room for a row of B
        // and a number of A (BLIS's 6×16 kernel for Haswell has the same shape). Per step along k: one row of B
        // (two vectors), 6 numbers of A, 12 multiply-adds. The sums are named variables, not an array: PoCL runs
        // a work-group as a loop over its work-items and keeps private arrays in memory, while scalars stay in
        // registers.
        // Rows of B are N floats apart, so the COLS floats of consecutive k lie in different pages and the
        // same few cache sets. Hence k runs in chunks: the CHUNK rows of B a chunk needs are first copied
        // into a small private array (contiguous, so it stays in the L1 cache), and all eight tiles of the
        // block use it there before the next chunk. Between chunks a tile's sums wait in C itself.
        #if COLS != 2 * LANES || ROWS % 6 != 0
        #error "matmul_register_blocked is written for rows of two vectors (COLS = 2·LANES) and tiles of 6 rows (ROWS = 6·n)"
        #endif
        // floatv is float4, float8 or float16, and vloadv / vstorev the matching vload4 … vstore16. (GLUE goes
        // through PASTE so that LANES is replaced by its number before ## glues it on: float8, not floatLANES.)
        #define PASTE(a, b) a##b
        #define GLUE(a, b) PASTE(a, b)
        #define floatv GLUE(float, LANES)
        #define vloadv GLUE(vload, LANES)
        #define vstorev GLUE(vstore, LANES)
        #define LOAD_SUM(r)  floatv sum##r##L = (k0 == 0) ? (floatv)0.0f : vloadv(0, c + (r) * N); \
                             floatv sum##r##R = (k0 == 0) ? (floatv)0.0f : vloadv(0, c + (r) * N + LANES);
        #define ADD_ROW(r)   { const float x = a[(r) * K + k]; sum##r##L += x * left; sum##r##R += x * right; }
        #define STORE_SUM(r) vstorev(sum##r##L, 0, c + (r) * N); vstorev(sum##r##R, 0, c + (r) * N + LANES);
        __kernel void matmul_register_blocked(const int M, const int N, const int K,
                                              __global const float* A, __global const float* B, __global float* C)
        {
            const int col0 = get_global_id(0) * COLS;
            const int row0 = get_global_id(1) * ROWS;
            if (row0 >= M || col0 >= N) return;   // no barriers here, so leaving early is safe

            if (col0 + COLS > N)
            {
                // A block cut by the right edge of C: element by element, with bounds checks.
                for (int r = row0; r < min(row0 + ROWS, M); r++)
                    for (int c = col0; c < N; c++)
                    {
                        float sum = 0.0f;
                        for (int k = 0; k < K; k++) sum += A[r * K + k] * B[k * N + c];
                        C[r * N + c] = sum;
                    }
                return;
            }

            const int wholeTileRows = min(ROWS, (M - row0) / 6 * 6);   // the rows that fill whole tiles of 6
            floatv rowsOfB[CHUNK][2];                                   // B[k0…k0+CHUNK-1, col0…col0+COLS-1]
            for (int k0 = 0; k0 < K; k0 += CHUNK)
            {
                const int steps = min(CHUNK, K - k0);
                for (int k = 0; k < steps; k++)
                {
                    rowsOfB[k][0] = vloadv(0, B + (k0 + k) * N + col0);
                    rowsOfB[k][1] = vloadv(0, B + (k0 + k) * N + col0 + LANES);
                }

                for (int t = 0; t < wholeTileRows; t += 6)
                {
                    __global const float* a = A + (row0 + t) * K + k0;   // row r of the tile: a[r*K + k]
                    __global float* c = C + (row0 + t) * N + col0;
                    LOAD_SUM(0) LOAD_SUM(1) LOAD_SUM(2) LOAD_SUM(3) LOAD_SUM(4) LOAD_SUM(5)
                    for (int k = 0; k < steps; k++)
                    {
                        const floatv left = rowsOfB[k][0], right = rowsOfB[k][1];
                        ADD_ROW(0) ADD_ROW(1) ADD_ROW(2) ADD_ROW(3) ADD_ROW(4) ADD_ROW(5)
                    }
                    STORE_SUM(0) STORE_SUM(1) STORE_SUM(2) STORE_SUM(3) STORE_SUM(4) STORE_SUM(5)
                }
            }

            // The last few rows of C (fewer than 6 left): two vector sums per row.
            for (int r = row0 + wholeTileRows; r < min(row0 + ROWS, M); r++)
            {
                floatv left = 0.0f, right = 0.0f;
                for (int k = 0; k < K; k++)
                {
                    left += A[r * K + k] * vloadv(0, B + k * N + col0);
                    right += A[r * K + k] * vloadv(0, B + k * N + col0 + LANES);
                }
                vstorev(left, 0, C + r * N + col0);
                vstorev(right, 0, C + r * N + col0 + LANES);
            }
        }
        """;
}
