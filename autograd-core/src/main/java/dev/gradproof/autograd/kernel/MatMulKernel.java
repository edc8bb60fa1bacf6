package dev.gradproof.autograd.kernel;

/**
 * Dense matrix products of row-major matrices, {@code out[m x n] = A[m x k] B[k x n]}, written into
 * a caller-provided array (overwriting it), with the two transposed products that backward needs
 * ({@code A^T B} and {@code A B^T}) read in place, without copying a transpose.
 *
 * <p>Small products run a direct i-p-j loop; larger ones the cache-blocked, packed {@link Gemm}
 * with the register tile {@link MicroKernels} chose for this JVM (SIMD when it runs with
 * {@code --add-modules jdk.incubator.vector}, scalar otherwise); products of at least
 * {@link #PARALLEL_THRESHOLD} multiply-adds split their rows over the processors. Every output
 * element is summed in an order that depends only on the sizes and the chosen kernel, never on the
 * thread count, so one input gives bitwise one result.
 *
 * <p>Zero entries are multiplied like any other (no skipping), so that {@code 0 * NaN} and
 * {@code 0 * Infinity} give NaN as in IEEE 754.
 */
public final class MatMulKernel {

    /** Products of fewer multiply-adds than this run the direct loop (packing would not pay). */
    static final long DIRECT_BELOW = 8 * 8 * 8;
    /** Products of at least this many multiply-adds use every processor (about 128^3). */
    static final long PARALLEL_THRESHOLD = 128L * 128 * 128;

    private MatMulKernel() {
    }

    /** {@code out = a b} with {@code a} of {@code m x k} and {@code b} of {@code k x n}, all from offset 0. */
    public static void matmul(double[] a, double[] b, double[] out, int m, int k, int n) {
        matmul(a, 0, b, 0, out, 0, m, k, n);
    }

    /**
     * {@code out = a b} on contiguous row-major blocks: {@code a} of {@code m x k} starting at
     * {@code aOffset}, {@code b} of {@code k x n} at {@code bOffset}, the {@code m x n} result
     * overwriting {@code out} from {@code outOffset}.
     *
     * @throws IllegalArgumentException naming the argument if a size is negative or a block does not
     *     fit its array
     */
    public static void matmul(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset,
                              int m, int k, int n) {
        checkSizes(m, k, n);
        checkBlock("a", a, aOffset, m, k);
        checkBlock("b", b, bOffset, k, n);
        checkBlock("out", out, outOffset, m, n);
        multiply(a, aOffset, k, 1, b, bOffset, n, 1, out, outOffset, m, k, n);
    }

    /**
     * {@code out = a^T b} with {@code a} stored as {@code k x m} and {@code b} as {@code k x n}: the
     * gradient {@code x^T upstream} of a product's right operand, without forming {@code x^T}.
     */
    public static void matmulTransposedA(double[] a, double[] b, double[] out, int m, int k, int n) {
        checkSizes(m, k, n);
        checkBlock("a", a, 0, k, m);
        checkBlock("b", b, 0, k, n);
        checkBlock("out", out, 0, m, n);
        multiply(a, 0, 1, m, b, 0, n, 1, out, 0, m, k, n);
    }

    /**
     * {@code out = a b^T} with {@code a} stored as {@code m x k} and {@code b} as {@code n x k}: the
     * gradient {@code upstream w^T} of a product's left operand, without forming {@code w^T}.
     */
    public static void matmulTransposedB(double[] a, double[] b, double[] out, int m, int k, int n) {
        checkSizes(m, k, n);
        checkBlock("a", a, 0, m, k);
        checkBlock("b", b, 0, n, k);
        checkBlock("out", out, 0, m, n);
        multiply(a, 0, k, 1, b, 0, 1, k, out, 0, m, k, n);
    }

    /** The register tile this JVM uses, e.g. {@code "vector 512-bit 6x16"} or {@code "scalar 4x4"}. */
    public static String kernelName() {
        return MicroKernels.selected().describe();
    }

    private static void multiply(double[] a, int aOffset, int aRowStride, int aColStride,
                                 double[] b, int bOffset, int bRowStride, int bColStride,
                                 double[] c, int cOffset, int m, int k, int n) {
        long volume = (long) m * k * n;
        if (volume < DIRECT_BELOW) {
            direct(a, aOffset, aRowStride, aColStride, b, bOffset, bRowStride, bColStride, c, cOffset, m, k, n);
            return;
        }
        MicroKernel kernel = MicroKernels.selected();
        ParallelRows.RowRange rows = (start, end) -> Gemm.multiplyRows(kernel,
                a, aOffset, aRowStride, aColStride, b, bOffset, bRowStride, bColStride, c, cOffset, m, k, n, start, end);
        if (volume >= PARALLEL_THRESHOLD) {
            int threads = ParallelRows.threads();
            int chunk = Math.max(Gemm.MC / 4, Gemm.roundUp((m + 2 * threads - 1) / (2 * threads), Gemm.MC / 4));
            ParallelRows.run(m, chunk, rows);
        } else {
            rows.compute(0, m);
        }
    }

    /** The i-p-j loop over strided operands, summing each element in increasing p from zero. */
    static void direct(double[] a, int aOffset, int aRowStride, int aColStride,
                       double[] b, int bOffset, int bRowStride, int bColStride,
                       double[] c, int cOffset, int m, int k, int n) {
        java.util.Arrays.fill(c, cOffset, cOffset + m * n, 0.0);
        for (int i = 0; i < m; i++) {
            int rowC = cOffset + i * n;
            int rowA = aOffset + i * aRowStride;
            for (int p = 0; p < k; p++) {
                double aip = a[rowA + p * aColStride];
                int rowB = bOffset + p * bRowStride;
                if (bColStride == 1) {
                    for (int j = 0; j < n; j++) {
                        c[rowC + j] += aip * b[rowB + j];
                    }
                } else {
                    for (int j = 0; j < n; j++) {
                        c[rowC + j] += aip * b[rowB + j * bColStride];
                    }
                }
            }
        }
    }

    private static void checkSizes(int m, int k, int n) {
        if (m < 0 || k < 0 || n < 0) {
            throw new IllegalArgumentException("matmul: negative size m=" + m + ", k=" + k + ", n=" + n);
        }
    }

    private static void checkBlock(String name, double[] array, int offset, int rows, int cols) {
        long end = (long) offset + (long) rows * cols;
        if (offset < 0 || end > array.length) {
            throw new IllegalArgumentException("matmul: " + name + " block of " + rows + " x " + cols
                    + " at offset " + offset + " does not fit its array of length " + array.length);
        }
    }
}
