package dev.gradproof.autograd.kernel;

/**
 * Dense matrix product of row-major matrices: {@code out[m x n] = a[m x k] * b[k x n]}.
 *
 * <p>The i-k-j loop order streams contiguous rows of {@code b} and {@code out}, which the JIT
 * vectorises; a blocked or SIMD kernel can replace this one behind the same signature.
 */
public final class MatMulKernel {

    private MatMulKernel() {
    }

    /**
     * Writes {@code a * b} into {@code out}, overwriting it. Zero entries are multiplied like any
     * other (no skipping), so that {@code 0 * NaN} and {@code 0 * Infinity} give NaN as in IEEE 754.
     */
    public static void matmul(double[] a, double[] b, double[] out, int m, int k, int n) {
        java.util.Arrays.fill(out, 0, m * n, 0.0);
        for (int i = 0; i < m; i++) {
            int rowA = i * k;
            int rowOut = i * n;
            for (int p = 0; p < k; p++) {
                double aip = a[rowA + p];
                int rowB = p * n;
                for (int j = 0; j < n; j++) {
                    out[rowOut + j] += aip * b[rowB + j];
                }
            }
        }
    }

    /**
     * Writes {@code a * b} into {@code out} from the given offsets, overwriting {@code m * n}
     * elements: one matrix of a batch stored back to back (a batched product calls it once per batch).
     */
    public static void matmul(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int m, int k,
                              int n) {
        java.util.Arrays.fill(out, outOffset, outOffset + m * n, 0.0);
        for (int i = 0; i < m; i++) {
            int rowA = aOffset + i * k;
            int rowOut = outOffset + i * n;
            for (int p = 0; p < k; p++) {
                double aip = a[rowA + p];
                int rowB = bOffset + p * n;
                for (int j = 0; j < n; j++) {
                    out[rowOut + j] += aip * b[rowB + j];
                }
            }
        }
    }
}
