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

    /// <summary>The compiler options that give the kernels their sizes.</summary>
    public static readonly string BuildOptions = $"-DTILE={Tile} -DROWS={BlockRows} -DCOLS={BlockColumns} -DCHUNK={BlockChunk} -cl-mad-enable";

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

        // ---- 3. Register-blocked: each work-item computes a 48×16 block of C, six rows at a time ---------
        // The six rows of a tile keep their sums in six float16 variables: on an AVX2 CPU that is 12 of its 16
        // vector registers, leaving one for a row of B and one for a number of A (BLIS's 6×16 kernel for
        // Haswell has the same shape). Per step along k: one row of B (16 floats), 6 numbers of A, 12 AVX
        // multiply-adds. The sums are named variables, not an array: PoCL runs a work-group as a loop over
        // its work-items and keeps private arrays in memory, while scalars stay in registers.
        // Rows of B are N floats apart, so the 16 floats of consecutive k lie in different pages and the
        // same few cache sets. Hence k runs in chunks: the CHUNK rows of B a chunk needs are first copied
        // into a small private array (contiguous, so it stays in the L1 cache), and all eight tiles of the
        // block use it there before the next chunk. Between chunks a tile's sums wait in C itself.
        #if COLS != 16 || ROWS % 6 != 0
        #error "matmul_register_blocked is written for blocks of 16 columns and rows in tiles of 6 (COLS=16, ROWS=6·n)"
        #endif
        #define LOAD_SUM(r)  float16 sum##r = (k0 == 0) ? (float16)0.0f : vload16(0, c + (r) * N);
        #define ADD_ROW(r)   sum##r += a[(r) * K + k] * b;
        #define STORE_SUM(r) vstore16(sum##r, 0, c + (r) * N);
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
            float16 rowsOfB[CHUNK];                                     // B[k0…k0+CHUNK-1, col0…col0+15]
            for (int k0 = 0; k0 < K; k0 += CHUNK)
            {
                const int steps = min(CHUNK, K - k0);
                for (int k = 0; k < steps; k++) rowsOfB[k] = vload16(0, B + (k0 + k) * N + col0);

                for (int t = 0; t < wholeTileRows; t += 6)
                {
                    __global const float* a = A + (row0 + t) * K + k0;   // row r of the tile: a[r*K + k]
                    __global float* c = C + (row0 + t) * N + col0;
                    LOAD_SUM(0) LOAD_SUM(1) LOAD_SUM(2) LOAD_SUM(3) LOAD_SUM(4) LOAD_SUM(5)
                    for (int k = 0; k < steps; k++)
                    {
                        const float16 b = rowsOfB[k];
                        ADD_ROW(0) ADD_ROW(1) ADD_ROW(2) ADD_ROW(3) ADD_ROW(4) ADD_ROW(5)
                    }
                    STORE_SUM(0) STORE_SUM(1) STORE_SUM(2) STORE_SUM(3) STORE_SUM(4) STORE_SUM(5)
                }
            }

            // The last few rows of C (fewer than 6 left): one float16 sum per row.
            for (int r = row0 + wholeTileRows; r < min(row0 + ROWS, M); r++)
            {
                float16 sum = 0.0f;
                for (int k = 0; k < K; k++) sum += A[r * K + k] * vload16(0, B + k * N + col0);
                vstore16(sum, 0, C + r * N + col0);
            }
        }
        """;
}
