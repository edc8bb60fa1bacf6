package dev.gradproof.gradcheck.kernels;

import dev.gradproof.autograd.Autograd;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.Mode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * matmul against an independent oracle, batched and at the sizes where autograd-core's kernel changes path: the direct loop (fewer than 8^3
 * multiply-adds), the packed, cache-blocked product (past its K and M blocks, 256 and 96) and the
 * product split over the processors (at least 128^3), which the op catalogue's small samples never
 * reach. The forward value and both gradients (through backward, first order and with a recorded
 * graph) are compared with an independent oracle, the textbook triple loop and its closed-form
 * gradients {@code dA = G B^T}, {@code dB = A^T G} of {@code sum(G * (A B))}; and gradcheck's FAST
 * mode checks the gradient against finite differences. Each case prints its seed.
 */
class MatmulOracleTest {

    /**
     * Summation orders differ (blocked, tiled) from the triple loop; any order of a k-term dot product is
     * within k * 2^-53 * sum |a_ip b_pj| of the exact value, below 1e-12 * sum |a_ip b_pj| for k up to 9,000.
     */
    private static final double RELATIVE = 1e-12;

    @ParameterizedTest(name = "[{0} x {1}] @ [{1} x {2}], seed {3}")
    @CsvSource({
        "3, 5, 4, 1",          // direct loop
        "9, 10, 11, 2",        // packed, one block
        "100, 300, 20, 3",     // packed, K beyond one 256-block, M beyond one 96-block
        "130, 129, 131, 4",    // split over the processors
        "600, 200, 150, 8",    // split over the processors in four chunks of 168 rows, the last one short
        "9, 10, 2100, 9",      // N beyond one 2048-column block of B
        "3, 2100, 4, 10",      // the gradient a = g b^T has 2100 columns: a transposed B beyond one column block
    })
    void valueAndGradientsMatchTheTripleLoop(int m, int k, int n, long seed) throws Throwable {
        System.out.printf("large matmul [%d x %d] @ [%d x %d], seed %d%n", m, k, k, n, seed);
        onAFreshThread(() -> checkValueAndGradients(m, k, n, seed));
    }

    private static void checkValueAndGradients(int m, int k, int n, long seed) {
        Random random = new Random(seed);
        double[][] a = uniform(random, m, k);
        double[][] b = uniform(random, k, n);
        double[][] g = uniform(random, m, n);

        for (boolean createGraph : new boolean[] {false, true}) {
            Variable x = Variable.leaf("a", Tensor.matrix(a));
            Variable w = Variable.leaf("b", Tensor.matrix(b));
            Variable product = x.matmul(w);
            assertClose("a @ b", product.value(), a, b);
            Variable loss = product.mul(Variable.constant(Tensor.matrix(g))).sum();
            List<Variable> grads = Autograd.grad(loss, List.of(x, w), createGraph);
            String how = createGraph ? " (createGraph)" : "";
            assertClose("dL/da = g b^T" + how, grads.get(0).value(), g, transpose(b));
            assertClose("dL/db = a^T g" + how, grads.get(1).value(), transpose(a), g);
        }

        GradCheckResult fast = GradCheck.of(in -> in.get(0).matmul(in.get(1)).mul(Variable.constant(Tensor.matrix(g))).sum())
                .input("a", a).input("b", b).mode(Mode.FAST).seed(seed).record(false).check();
        assertThat(fast.passed()).as("FAST gradcheck of [%d x %d] @ [%d x %d], seed %d:%n%s", m, k, k, n, seed,
                fast.failureMessage()).isTrue();
    }

    /**
     * A batch {@code x [B, m, k]} times one matrix {@code w [k, n]} or a batch {@code w [B, k, n]}: each batch
     * element's product and gradients are those of the triple loop, {@code dL/dw} summed over the batch when one
     * {@code w} served every element. gradcheck alone cannot see a product that is wrong the same way forward
     * and backward (all zeros, one batch element's offset reused): the oracle can.
     */
    @ParameterizedTest(name = "[{0} x {1} x {2}] @ batched w: {4}, seed {5}")
    @CsvSource({
        "3, 2, 4, 5, true, 5",
        "3, 2, 4, 5, false, 6",
        "2, 9, 10, 11, true, 7",
    })
    void batchedProductsMatchTheTripleLoopPerBatchElement(int batch, int m, int k, int n, boolean batchedW, long seed) {
        System.out.printf("batched matmul [%d x %d x %d] @ %s, seed %d%n", batch, m, k, batchedW ? "[" + batch + " x " + k
                + " x " + n + "]" : "[" + k + " x " + n + "]", seed);
        Random random = new Random(seed);
        double[][][] a = new double[batch][][];
        double[][][] b = new double[batchedW ? batch : 1][][];
        double[][][] g = new double[batch][][];
        for (int i = 0; i < batch; i++) {
            a[i] = uniform(random, m, k);
            if (batchedW || i == 0) {
                b[i] = uniform(random, k, n);
            }
            g[i] = uniform(random, m, n);
        }
        Variable x = Variable.leaf("a", Tensor.fromNested(a));
        Variable w = Variable.leaf("b", batchedW ? Tensor.fromNested(b) : Tensor.matrix(b[0]));
        Variable product = x.matmul(w);
        Variable loss = product.mul(Variable.constant(Tensor.fromNested(g))).sum();
        List<Variable> grads = Autograd.grad(loss, List.of(x, w), false);
        double[][] summedDw = new double[k][n];
        for (int i = 0; i < batch; i++) {
            double[][] bi = b[batchedW ? i : 0];
            assertClose("(a @ b)[" + i + "]", slice(product.value(), i), a[i], bi);
            assertClose("dL/da[" + i + "] = g b^T", slice(grads.get(0).value(), i), g[i], transpose(bi));
            if (batchedW) {
                assertClose("dL/db[" + i + "] = a^T g", slice(grads.get(1).value(), i), transpose(a[i]), g[i]);
            } else {
                double[][] part = product(transpose(a[i]), g[i]);
                for (int p = 0; p < k; p++) {
                    for (int j = 0; j < n; j++) {
                        summedDw[p][j] += part[p][j];
                    }
                }
            }
        }
        if (!batchedW) {
            Tensor dw = grads.get(1).value();
            assertThat(dw.dims()).containsExactly(k, n);
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < n; j++) {
                    assertThat(dw.get(p, j)).as("dL/db[%d, %d] summed over the batch", p, j)
                            .isCloseTo(summedDw[p][j], within(1e-12 * batch * k));
                }
            }
        }
    }

    /**
     * Runs {@code check} on a new thread and rethrows what it threw. The kernel keeps its packing buffers per
     * thread and only grows them, so on a thread that has already multiplied larger matrices a buffer sized
     * too small for this product would go unnoticed; a fresh thread sizes them for this product alone.
     */
    private static void onAFreshThread(Runnable check) throws Throwable {
        Throwable[] thrown = new Throwable[1];
        Thread thread = new Thread(() -> {
            try {
                check.run();
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "matmul-oracle");
        thread.start();
        thread.join();
        if (thrown[0] != null) {
            throw thrown[0];
        }
    }

    /** Batch element {@code i} of a rank-3 tensor, as a matrix. */
    private static Tensor slice(Tensor t, int i) {
        int[] d = t.dims();
        assertThat(d).hasSize(3);
        double[][] rows = new double[d[1]][d[2]];
        for (int r = 0; r < d[1]; r++) {
            for (int c = 0; c < d[2]; c++) {
                rows[r][c] = t.get(i, r, c);
            }
        }
        return Tensor.matrix(rows);
    }

    private static double[][] uniform(Random random, int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (double[] row : out) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextDouble() * 2 - 1;
            }
        }
        return out;
    }

    private static double[][] product(double[][] a, double[][] b) {
        double[][] out = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                double s = 0;
                for (int p = 0; p < b.length; p++) {
                    s += a[i][p] * b[p][j];
                }
                out[i][j] = s;
            }
        }
        return out;
    }

    private static double[][] transpose(double[][] a) {
        double[][] out = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }

    private static double[][] abs(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = Arrays.stream(a[i]).map(Math::abs).toArray();
        }
        return out;
    }

    /** {@code actual} is the product {@code x y} (the triple loop), each element within the bound above. */
    private static void assertClose(String what, Tensor actual, double[][] x, double[][] y) {
        double[][] expected = product(x, y);
        double[][] bound = product(abs(x), abs(y));
        assertThat(actual.dims()).as(what + ": shape").containsExactly(expected.length, expected[0].length);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                double got = actual.get(i, j);
                assertThat(Math.abs(got - expected[i][j])).as("%s at [%d, %d]: %s, expected %s", what, i, j, got, expected[i][j])
                        .isLessThanOrEqualTo(RELATIVE * bound[i][j]);
            }
        }
    }
}
