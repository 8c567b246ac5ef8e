namespace Katas.OpenClMatmul;

/// <summary>The OpenCL C source of the three kernels, compiled at run time by the device's driver.
/// Every kernel takes (M, N, K, A, B, C) for C[M×N] = A[M×K] · B[K×N], all row-major.</summary>
public static class KernelSources
{
    /// <summary>Side of the square tile the tiled kernel stages in local memory; its work-groups are TILE×TILE.</summary>
    public const int Tile = 16;

    /// <summary>Rows of C one register-blocked work-item computes.</summary>
    public const int BlockRows = 8;

    /// <summary>Columns of C one register-blocked work-item computes (two float16 vectors).</summary>
    public const int BlockColumns = 32;

    /// <summary>Side of the square work-groups of the register-blocked kernel: a few blocks that share rows of A
    /// and columns of B run one after the other on the same CPU core while those are still in its cache.</summary>
    public const int BlockGroup = 4;

    /// <summary>The compiler options that give the kernels their sizes.</summary>
    public static readonly string BuildOptions = $"-DTILE={Tile} -DROWS={BlockRows} -DCOLS={BlockColumns} -cl-mad-enable";

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

        // ---- 3. Register-blocked: each work-item computes an 8×32 block of C ----------------------------
        // Per step along k it loads 32 floats of one row of B (two float16 vectors) and 8 floats of A, then
        // does 16 vector multiply-adds into sums that stay in registers: 512 flops for 40 floats loaded,
        // instead of 2 flops for 2 floats in the naive kernel. On a CPU a float16 is one AVX-512 register
        // (two AVX ones). The sixteen sums are named variables, not an array: PoCL runs a work-group as a
        // loop over its work-items and keeps private arrays in memory, while scalars stay in registers.
        #if ROWS != 8 || COLS != 32
        #error "matmul_register_blocked is written for blocks of 8 rows and 32 columns (ROWS=8, COLS=32)"
        #endif
        __kernel void matmul_register_blocked(const int M, const int N, const int K,
                                              __global const float* A, __global const float* B, __global float* C)
        {
            const int col0 = get_global_id(0) * COLS;
            const int row0 = get_global_id(1) * ROWS;
            if (row0 >= M || col0 >= N) return;   // no barriers here, so leaving early is safe

            if (row0 + ROWS <= M && col0 + COLS <= N)
            {
                // A whole block: the fast path. leftR holds C[row0+R, col0…col0+15], rightR the next 16 columns.
                float16 left0 = 0, left1 = 0, left2 = 0, left3 = 0, left4 = 0, left5 = 0, left6 = 0, left7 = 0;
                float16 right0 = 0, right1 = 0, right2 = 0, right3 = 0, right4 = 0, right5 = 0, right6 = 0, right7 = 0;
                __global const float* rowsOfA = A + row0 * K;
                for (int k = 0; k < K; k++)
                {
                    __global const float* rowOfB = B + k * N + col0;
                    const float16 b0 = vload16(0, rowOfB), b1 = vload16(1, rowOfB);
                    // Row r of the block: one number of A meets 32 numbers of B.
                    #define STEP(r) { const float a = rowsOfA[(r) * K + k]; left##r += a * b0; right##r += a * b1; }
                    STEP(0) STEP(1) STEP(2) STEP(3) STEP(4) STEP(5) STEP(6) STEP(7)
                }
                #define STORE(r) { __global float* c = C + (row0 + (r)) * N + col0; vstore16(left##r, 0, c); vstore16(right##r, 1, c); }
                STORE(0) STORE(1) STORE(2) STORE(3) STORE(4) STORE(5) STORE(6) STORE(7)
            }
            else
            {
                // A block cut by the matrix's edge: element by element, with bounds checks.
                for (int r = row0; r < min(row0 + ROWS, M); r++)
                    for (int c = col0; c < min(col0 + COLS, N); c++)
                    {
                        float sum = 0.0f;
                        for (int k = 0; k < K; k++) sum += A[r * K + k] * B[k * N + c];
                        C[r * N + c] = sum;
                    }
            }
        }
        """;
}
