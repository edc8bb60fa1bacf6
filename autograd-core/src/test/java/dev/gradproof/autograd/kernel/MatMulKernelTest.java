package dev.gradproof.autograd.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every matmul path (the direct loop, the blocked kernel with the scalar and with the SIMD register
 * tile, the parallel split, the transposed variants) against a plain triple loop written here:
 * exactly on small integers, whose products and sums are exact in doubles, and within the
 * classical error bound {@code 2 gamma_k (|A| |B|)_ij} (Higham, Accuracy and Stability, 3.5) on
 * random values, where {@code gamma_k = k u / (1 - k u)} and {@code u = 2^-53}: two orders of
 * summation each differ from the exact sum by at most {@code gamma_k (|A||B|)_ij}. The scalar
 * kernel and the direct loop sum in the triple loop's order and must match it bit for bit.
 */
class MatMulKernelTest {

    private static final long SEED = 20261129L;

    /**
     * Sizes that cross every edge: empty, one, below and above a register tile, KC and MC blocks, and
     * (up to MC rows) B read in place, with and without a last partial panel, over KC and NC blocks.
     */
    static Stream<Arguments> sizes() {
        return Stream.of(
                Arguments.of(0, 0, 0), Arguments.of(0, 5, 3), Arguments.of(3, 0, 5), Arguments.of(4, 5, 0),
                Arguments.of(1, 1, 1), Arguments.of(1, 7, 1), Arguments.of(3, 5, 7), Arguments.of(7, 3, 17),
                Arguments.of(6, 16, 16), Arguments.of(13, 33, 29), Arguments.of(37, 300, 41),
                Arguments.of(97, 31, 130), Arguments.of(129, 257, 67), Arguments.of(200, 130, 150),
                Arguments.of(2, 3, 2100), Arguments.of(96, 513, 32));
    }

    static List<MicroKernel> kernels() {
        return List.of(ScalarMicroKernel.INSTANCE, VectorMicroKernel.INSTANCE);
    }

    // ------------------------------------------------------------------ exact on small integers

    @ParameterizedTest(name = "{0} x {1} @ {1} x {2}")
    @MethodSource("sizes")
    void everyPathIsExactOnSmallIntegers(int m, int k, int n) {
        long seed = SEED + m * 1_000_003L + k * 1009L + n;
        Random random = new Random(seed);
        double[] a = integers(random, m * k);
        double[] b = integers(random, k * n);
        double[] expected = tripleLoop(a, b, m, k, n);
        String replay = "seed " + seed + ", " + m + " x " + k + " @ " + k + " x " + n;

        assertThat(facade(a, b, m, k, n)).as("MatMulKernel.matmul, " + replay).isEqualTo(expected);
        for (MicroKernel kernel : kernels()) {
            assertThat(blocked(kernel, a, b, m, k, n)).as(kernel.describe() + ", " + replay).isEqualTo(expected);
        }
        assertThat(direct(a, b, m, k, n)).as("direct loop, " + replay).isEqualTo(expected);

        double[] transposedA = transpose(a, m, k);
        double[] outTa = garbage(m * n);
        MatMulKernel.matmulTransposedA(transposedA, b, outTa, m, k, n);
        assertThat(outTa).as("a^T b, " + replay).isEqualTo(expected);

        double[] transposedB = transpose(b, k, n);
        double[] outTb = garbage(m * n);
        MatMulKernel.matmulTransposedB(a, transposedB, outTb, m, k, n);
        assertThat(outTb).as("a b^T, " + replay).isEqualTo(expected);
    }

    @Test
    void transposedVariantsOnTheBlockedPathAreExact() {
        int m = 70;
        int k = 90;
        int n = 50;
        Random random = new Random(SEED);
        double[] a = integers(random, m * k);
        double[] b = integers(random, k * n);
        double[] expected = tripleLoop(a, b, m, k, n);
        for (MicroKernel kernel : kernels()) {
            double[] outTa = garbage(m * n);
            Gemm.multiplyRows(kernel, transpose(a, m, k), 0, 1, m, b, 0, n, 1, outTa, 0, m, k, n, 0, m);
            assertThat(outTa).as("a^T b with " + kernel.describe() + ", seed " + SEED).isEqualTo(expected);
            double[] outTb = garbage(m * n);
            Gemm.multiplyRows(kernel, a, 0, k, 1, transpose(b, k, n), 0, 1, k, outTb, 0, m, k, n, 0, m);
            assertThat(outTb).as("a b^T with " + kernel.describe() + ", seed " + SEED).isEqualTo(expected);
        }
    }

    // ------------------------------------------------------------------ random values, error bound

    @ParameterizedTest(name = "{0} x {1} @ {1} x {2}")
    @MethodSource("sizes")
    void everyPathIsWithinTheSummationErrorBoundOnRandomValues(int m, int k, int n) {
        long seed = SEED ^ (m * 31L + k) * 31L + n;
        Random random = new Random(seed);
        double[] a = gaussians(random, m * k);
        double[] b = gaussians(random, k * n);
        double[] expected = tripleLoop(a, b, m, k, n);
        double[] bound = errorBound(a, b, m, k, n);
        String replay = "seed " + seed + ", " + m + " x " + k + " @ " + k + " x " + n;

        assertThat(bits(blocked(ScalarMicroKernel.INSTANCE, a, b, m, k, n))).as("scalar kernel, " + replay)
                .isEqualTo(bits(expected));
        assertThat(bits(direct(a, b, m, k, n))).as("direct loop, " + replay).isEqualTo(bits(expected));
        assertWithin(facade(a, b, m, k, n), expected, bound, "MatMulKernel.matmul, " + replay);
        for (MicroKernel kernel : kernels()) {
            assertWithin(blocked(kernel, a, b, m, k, n), expected, bound, kernel.describe() + ", " + replay);
        }
        double[] outTa = garbage(m * n);
        MatMulKernel.matmulTransposedA(transpose(a, m, k), b, outTa, m, k, n);
        assertWithin(outTa, expected, bound, "a^T b, " + replay);
        double[] outTb = garbage(m * n);
        MatMulKernel.matmulTransposedB(a, transpose(b, k, n), outTb, m, k, n);
        assertWithin(outTb, expected, bound, "a b^T, " + replay);
    }

    // ------------------------------------------------------------------ IEEE semantics

    @Test
    void nanAndInfinityPropagateThroughZerosToTheirColumnOnly() {
        int m = 13;
        int k = 20;
        int n = 37;
        double[] a = new double[m * k];
        double[] b = integers(new Random(SEED), k * n);
        b[7 * n + 5] = Double.NaN;
        b[11 * n + 30] = Double.POSITIVE_INFINITY;
        for (MicroKernel kernel : kernels()) {
            double[] out = blocked(kernel, a, b, m, k, n);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double expected = j == 5 || j == 30 ? Double.NaN : 0.0;
                    assertThat(Double.valueOf(out[i * n + j])).as(kernel.describe() + " out[" + i + "][" + j + "]")
                            .isEqualTo(Double.valueOf(expected));
                }
            }
        }
        double[] out = facade(a, b, m, k, n);
        assertThat(out[3 * n + 5]).as("0 * NaN through the facade").isNaN();
        assertThat(out[3 * n + 30]).as("0 * Infinity through the facade").isNaN();
        assertThat(out[3 * n + 6]).isEqualTo(0.0);
    }

    @Test
    void infinityTimesFiniteStaysInfinite() {
        double[] a = {1, 2, 3, 4};
        double[] b = {Double.POSITIVE_INFINITY, 1, 1, 1};
        double[] out = new double[4];
        MatMulKernel.matmul(a, b, out, 2, 2, 2);
        assertThat(out).containsExactly(Double.POSITIVE_INFINITY, 3, Double.POSITIVE_INFINITY, 7);
    }

    // ------------------------------------------------------------------ offsets, determinism, selection

    @Test
    void offsetOverloadReadsAndWritesOnlyItsBlocks() {
        int m = 40;
        int k = 50;
        int n = 30;
        Random random = new Random(SEED);
        double[] a = integers(random, m * k);
        double[] b = integers(random, k * n);
        double[] aBig = new double[7 + m * k + 3];
        double[] bBig = new double[11 + k * n];
        System.arraycopy(a, 0, aBig, 7, m * k);
        System.arraycopy(b, 0, bBig, 11, k * n);
        double[] out = new double[5 + m * n + 4];
        Arrays.fill(out, -99.0);
        MatMulKernel.matmul(aBig, 7, bBig, 11, out, 5, m, k, n);
        assertThat(Arrays.copyOfRange(out, 5, 5 + m * n)).isEqualTo(tripleLoop(a, b, m, k, n));
        assertThat(Arrays.copyOfRange(out, 0, 5)).containsOnly(-99.0);
        assertThat(Arrays.copyOfRange(out, 5 + m * n, out.length)).containsOnly(-99.0);
    }

    @Test
    void theParallelSplitGivesBitwiseTheSerialResult() {
        int m = 301;
        int k = 280;
        int n = 140;
        Random random = new Random(SEED);
        double[] a = gaussians(random, m * k);
        double[] b = gaussians(random, k * n);
        assertThat((long) m * k * n).isGreaterThanOrEqualTo(MatMulKernel.PARALLEL_THRESHOLD);
        double[] serial = blocked(MicroKernels.selected(), a, b, m, k, n);
        double[] parallel = facade(a, b, m, k, n);
        assertThat(bits(parallel)).as("seed " + SEED).isEqualTo(bits(serial));
        double[] uneven = garbage(m * n);
        for (int start = 0, step = 5; start < m; start += step, step += 7) {
            Gemm.multiplyRows(MicroKernels.selected(), a, 0, k, 1, b, 0, n, 1, uneven, 0, m, k, n,
                    start, Math.min(m, start + step));
        }
        assertThat(bits(uneven)).as("rows in uneven chunks, seed " + SEED).isEqualTo(bits(serial));
    }

    @Test
    void theVectorKernelIsChosenOnlyWhenItsModuleIsPresent() {
        assertThat(MicroKernels.select(false)).isSameAs(ScalarMicroKernel.INSTANCE);
        assertThat(ModuleLayer.boot().findModule(MicroKernels.VECTOR_MODULE)).as("tests run with the module").isPresent();
        assertThat(MicroKernels.select(true)).isSameAs(VectorMicroKernel.lanes() >= 4
                ? VectorMicroKernel.INSTANCE : ScalarMicroKernel.INSTANCE);
        assertThat(MatMulKernel.kernelName()).isEqualTo(MicroKernels.selected().describe());
    }

    @Test
    void badSizesAreNamed() {
        assertThatThrownBy(() -> MatMulKernel.matmul(new double[6], new double[6], new double[4], 2, 3, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n=-1");
        assertThatThrownBy(() -> MatMulKernel.matmul(new double[5], new double[6], new double[4], 2, 3, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("matmul: a block of 2 x 3 at offset 0 does not fit its array of length 5");
        assertThatThrownBy(() -> MatMulKernel.matmul(new double[6], 0, new double[6], 1, new double[4], 0, 2, 3, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("matmul: b block of 3 x 2 at offset 1 does not fit its array of length 6");
        assertThatThrownBy(() -> MatMulKernel.matmulTransposedB(new double[6], new double[6], new double[3], 2, 3, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("matmul: out block of 2 x 2 at offset 0 does not fit its array of length 3");
    }

    // ------------------------------------------------------------------ helpers

    private static double[] tripleLoop(double[] a, double[] b, int m, int k, int n) {
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a[i * k + p] * b[p * n + j];
                }
                out[i * n + j] = sum;
            }
        }
        return out;
    }

    /** {@code 2 gamma_k (|A| |B|)_ij}, evaluated with a 2x margin for its own rounding. */
    private static double[] errorBound(double[] a, double[] b, int m, int k, int n) {
        double u = Math.ulp(1.0) / 2;
        double gamma = k * u / (1 - k * u);
        double[] absA = Arrays.stream(a).map(Math::abs).toArray();
        double[] absB = Arrays.stream(b).map(Math::abs).toArray();
        double[] bound = tripleLoop(absA, absB, m, k, n);
        for (int i = 0; i < bound.length; i++) {
            bound[i] *= 2 * gamma * 2;
        }
        return bound;
    }

    private static void assertWithin(double[] actual, double[] expected, double[] bound, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertThat(Math.abs(actual[i] - expected[i])).as(what + ", element " + i + ": " + actual[i]
                    + " vs " + expected[i]).isLessThanOrEqualTo(bound[i]);
        }
    }

    private static double[] facade(double[] a, double[] b, int m, int k, int n) {
        double[] out = garbage(m * n);
        MatMulKernel.matmul(a, b, out, m, k, n);
        return out;
    }

    private static double[] blocked(MicroKernel kernel, double[] a, double[] b, int m, int k, int n) {
        double[] out = garbage(m * n);
        Gemm.multiplyRows(kernel, a, 0, k, 1, b, 0, n, 1, out, 0, m, k, n, 0, m);
        return out;
    }

    private static double[] direct(double[] a, double[] b, int m, int k, int n) {
        double[] out = garbage(m * n);
        MatMulKernel.direct(a, 0, k, 1, b, 0, n, 1, out, 0, m, k, n);
        return out;
    }

    /** An output array full of NaN, so that any element a kernel fails to overwrite shows. */
    private static double[] garbage(int size) {
        double[] out = new double[size];
        Arrays.fill(out, Double.NaN);
        return out;
    }

    private static double[] integers(Random random, int size) {
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextInt(9) - 4;
        }
        return values;
    }

    private static double[] gaussians(Random random, int size) {
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextGaussian();
        }
        return values;
    }

    private static double[] transpose(double[] x, int rows, int cols) {
        double[] t = new double[x.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = x[i * cols + j];
            }
        }
        return t;
    }

    private static long[] bits(double[] x) {
        return Arrays.stream(x).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
