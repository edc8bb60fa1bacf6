package dev.gradproof.autograd;

import static dev.gradproof.autograd.Approx.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reductions (sum, mean: all, or along each axis, with and without keepdims), shape ops
 * (reshape, transpose, permute, broadcastTo and its reverse sumToShape) and matmul: values and
 * gradients against explicit loops written out in the test.
 */
class ReductionAndShapeTest {

    /** x[i][j][k] = 100 i + 10 j + k on [2, 3, 4]: every element tells its index. */
    private static final Tensor X = indexed();

    private static Tensor indexed() {
        double[] data = new double[24];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    data[(i * 3 + j) * 4 + k] = 100 * i + 10 * j + k;
                }
            }
        }
        return Tensor.of(data, 2, 3, 4);
    }

    /** Distinct upstream values 1, 2, 3, ... of a shape. */
    private static Tensor counting(Shape shape) {
        double[] data = new double[shape.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = i + 1;
        }
        return Tensor.of(data, shape);
    }

    @Test
    void sumOfAllElementsAndItsGradient() {
        Variable x = Variable.leaf("x", X);
        Variable s = x.sum();
        s.backward(Tensor.scalar(2.5));
        // sum of 100 i over i, j, k: 12 * 100 = 1200; of 10 j: 8 * 10 * (0+1+2) = 240; of k: 6 * 6 = 36.
        assertThat(s.value()).isEqualTo(Tensor.scalar(1200 + 240 + 36));
        assertThat(x.grad()).isEqualTo(Tensor.full(X.shape(), 2.5));
    }

    @Test
    void meanOfAllElementsAndItsGradient() {
        Variable x = Variable.leaf("x", X);
        Variable m = x.mean();
        m.backward(Tensor.scalar(3));
        assertThat(m.value().item()).isEqualTo(1476.0 / 24);
        assertClose("dmean/dx", x.grad(), Tensor.full(X.shape(), 3.0 / 24), 1e-15, 0);
    }

    @ParameterizedTest(name = "axis {0}, keepdims {1}")
    @CsvSource({
        "0, false, 3;4",   "0, true, 1;3;4",
        "1, false, 2;4",   "1, true, 2;1;4",
        "2, false, 2;3",   "2, true, 2;3;1",
        "-1, false, 2;3",  "-1, true, 2;3;1",
        "-3, false, 3;4",  "-3, true, 1;3;4",
    })
    void sumAndMeanAlongAnAxis(int axis, boolean keepDims, String dims) {
        Shape expectedShape = Shape.of(Arrays.stream(dims.split(";")).mapToInt(Integer::parseInt).toArray());
        int a = axis < 0 ? axis + 3 : axis;
        int count = X.shape().dim(a);
        Tensor upstream = counting(expectedShape);

        double[] sums = new double[expectedShape.size()];
        double[] gradSum = new double[24];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    int[] full = {i, j, k};
                    int out = reducedOffset(full, a);
                    sums[out] += X.get(i, j, k);
                    gradSum[(i * 3 + j) * 4 + k] = upstream.getFlat(out);
                }
            }
        }
        double[] means = sums.clone();
        double[] gradMean = gradSum.clone();
        for (int i = 0; i < means.length; i++) {
            means[i] /= count;
        }
        for (int i = 0; i < gradMean.length; i++) {
            gradMean[i] /= count;
        }

        Variable x = Variable.leaf("x", X);
        Variable s = x.sum(axis, keepDims);
        s.backward(upstream);
        assertThat(s.value()).isEqualTo(Tensor.of(sums, expectedShape));
        assertThat(x.grad()).isEqualTo(Tensor.of(gradSum, X.shape()));

        Variable y = Variable.leaf("y", X);
        Variable m = y.mean(axis, keepDims);
        m.backward(upstream);
        assertClose("mean", m.value(), Tensor.of(means, expectedShape), 1e-15, 0);
        assertClose("dmean/dx", y.grad(), Tensor.of(gradMean, X.shape()), 1e-15, 0);
    }

    /** The row-major offset of {@code index} with axis {@code axis} dropped, in [2, 3, 4]. */
    private static int reducedOffset(int[] index, int axis) {
        int[] dims = {2, 3, 4};
        int offset = 0;
        for (int d = 0; d < 3; d++) {
            if (d != axis) {
                offset = offset * dims[d] + index[d];
            }
        }
        return offset;
    }

    @Test
    void reshapeKeepsRowMajorOrderAndReshapesTheGradientBack() {
        Variable x = Variable.leaf("x", X);
        Variable r = x.reshape(6, 4);
        Tensor upstream = counting(Shape.of(6, 4));
        r.backward(upstream);
        assertThat(r.value().toArray()).containsExactly(X.toArray());
        assertThat(r.value().get(4, 1)).isEqualTo(X.get(1, 1, 1));   // flat 4 * 4 + 1 = 17 = (1 * 3 + 1) * 4 + 1
        assertThat(x.grad().shape()).isEqualTo(X.shape());
        assertThat(x.grad().toArray()).containsExactly(upstream.toArray());
        assertThat(r.creator().orElseThrow().name()).isEqualTo("reshape");
    }

    @Test
    void transposeOfAMatrixAndItsGradient() {
        Variable x = Variable.leaf("x", Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}}));
        Variable t = x.transpose();
        t.backward(Tensor.matrix(new double[][] {{10, 40}, {20, 50}, {30, 60}}));
        assertThat(t.value()).isEqualTo(Tensor.matrix(new double[][] {{1, 4}, {2, 5}, {3, 6}}));
        assertThat(x.grad()).isEqualTo(Tensor.matrix(new double[][] {{10, 20, 30}, {40, 50, 60}}));
        assertThat(t.creator().orElseThrow().name()).isEqualTo("transpose");
    }

    @Test
    void transposeOfAVectorAndAScalarChangesNothing() {
        assertThat(Variable.leaf(Tensor.vector(1, 2)).transpose().value()).isEqualTo(Tensor.vector(1, 2));
        assertThat(Variable.scalar("s", 3).transpose().value()).isEqualTo(Tensor.scalar(3));
    }

    @ParameterizedTest(name = "axes {0} {1} {2}")
    @CsvSource({"2, 0, 1", "1, 2, 0", "0, 2, 1", "2, 1, 0", "0, 1, 2", "1, 0, 2"})
    void permuteOfRankThreeAndItsGradient(int p0, int p1, int p2) {
        int[] axes = {p0, p1, p2};
        Variable x = Variable.leaf("x", X);
        Variable p = x.permute(axes);
        int[] dims = {2, 3, 4};
        Shape outShape = Shape.of(dims[p0], dims[p1], dims[p2]);
        assertThat(p.shape()).isEqualTo(outShape);
        Tensor upstream = counting(outShape);
        p.backward(upstream);

        double[] expectedGrad = new double[24];
        for (int o = 0; o < outShape.size(); o++) {
            int[] out = outShape.index(o);
            int[] in = new int[3];
            for (int d = 0; d < 3; d++) {
                in[axes[d]] = out[d];             // output axis d is input axis axes[d]
            }
            assertThat(p.value().getFlat(o)).isEqualTo(100 * in[0] + 10 * in[1] + in[2]);
            expectedGrad[(in[0] * 3 + in[1]) * 4 + in[2]] = upstream.getFlat(o);
        }
        assertThat(x.grad()).isEqualTo(Tensor.of(expectedGrad, X.shape()));
    }

    @Test
    void transposeOfRankThreeReversesTheAxes() {
        Variable t = Variable.leaf("x", X).transpose();
        assertThat(t.shape()).isEqualTo(Shape.of(4, 3, 2));
        assertThat(t.value().get(3, 1, 0)).isEqualTo(X.get(0, 1, 3));
        assertThat(t.value().get(2, 2, 1)).isEqualTo(X.get(1, 2, 2));
    }

    // ------------------------------------------------------------------ broadcastTo and sumToShape

    @Test
    void broadcastToRepeatsAndItsGradientSumsOverTheBroadcastAxes() {
        Tensor upstream = Tensor.matrix(new double[][] {{1, 2, 3}, {10, 20, 30}});

        Variable row = Variable.leaf("row", Tensor.vector(7, 8, 9));
        Variable b = row.broadcastTo(Shape.of(2, 3));
        b.backward(upstream);
        assertThat(b.value()).isEqualTo(Tensor.matrix(new double[][] {{7, 8, 9}, {7, 8, 9}}));
        assertThat(row.grad()).isEqualTo(Tensor.vector(11, 22, 33));

        Variable column = Variable.leaf("column", Tensor.of(new double[] {5, 6}, 2, 1));
        Variable c = column.broadcastTo(Shape.of(2, 3));
        c.backward(upstream);
        assertThat(c.value()).isEqualTo(Tensor.matrix(new double[][] {{5, 5, 5}, {6, 6, 6}}));
        assertThat(column.grad()).isEqualTo(Tensor.of(new double[] {6, 60}, 2, 1));

        Variable scalar = Variable.scalar("s", 4);
        scalar.broadcastTo(Shape.of(2, 3)).backward(upstream);
        assertThat(scalar.grad()).isEqualTo(Tensor.scalar(66));
    }

    @Test
    void sumToShapeSumsAndItsGradientBroadcastsBack() {
        Variable x = Variable.leaf("x", Tensor.matrix(new double[][] {{1, 2, 3}, {10, 20, 30}}));
        Variable s = x.sumToShape(Shape.of(1, 3));
        s.backward(Tensor.of(new double[] {1, 2, 3}, 1, 3));
        assertThat(s.value()).isEqualTo(Tensor.of(new double[] {11, 22, 33}, 1, 3));
        assertThat(x.grad()).isEqualTo(Tensor.matrix(new double[][] {{1, 2, 3}, {1, 2, 3}}));

        Variable y = Variable.leaf("y", Tensor.matrix(new double[][] {{1, 2, 3}, {10, 20, 30}}));
        Variable column = y.sumToShape(Shape.of(2, 1));
        column.backward(Tensor.of(new double[] {-1, 5}, 2, 1));
        assertThat(column.value()).isEqualTo(Tensor.of(new double[] {6, 60}, 2, 1));
        assertThat(y.grad()).isEqualTo(Tensor.matrix(new double[][] {{-1, -1, -1}, {5, 5, 5}}));
    }

    @Test
    void broadcastToAndSumToShapeAreEachOthersGradients() {
        Variable x = Variable.leaf("x", Tensor.vector(1, 2, 3));
        Variable u = Variable.leaf("u", Tensor.ones(2, 3));
        Variable viaBroadcast = Autograd.grad(x.broadcastTo(Shape.of(2, 3)), List.of(x), u, true).get(0);
        assertThat(viaBroadcast.creator().orElseThrow().name()).isEqualTo("sum");

        Variable m = Variable.leaf("m", Tensor.ones(2, 3));
        Variable v = Variable.leaf("v", Tensor.ones(3));
        Variable viaSum = Autograd.grad(m.sumToShape(Shape.of(3)), List.of(m), v, true).get(0);
        assertThat(viaSum.creator().orElseThrow().name()).isEqualTo("broadcastTo");
        assertThat(viaSum.value()).isEqualTo(Tensor.ones(2, 3));
    }

    // ------------------------------------------------------------------ matmul

    @Test
    void matmulMatchesTripleLoopsInValueAndGradients() {
        long seed = 20_240_601L;
        Tensor xv = Tensor.randn(seed, 3, 4);
        Tensor wv = Tensor.randn(seed + 1, 4, 2);
        Tensor upstream = Tensor.randn(seed + 2, 3, 2);
        Variable x = Variable.leaf("x", xv);
        Variable w = Variable.leaf("w", wv);
        Variable y = x.matmul(w);
        y.backward(upstream);

        double[] yExpected = new double[6];
        double[] dx = new double[12];
        double[] dw = new double[8];
        for (int n = 0; n < 3; n++) {
            for (int m = 0; m < 2; m++) {
                for (int d = 0; d < 4; d++) {
                    yExpected[n * 2 + m] += xv.get(n, d) * wv.get(d, m);
                    dx[n * 4 + d] += upstream.get(n, m) * wv.get(d, m);   // dL/dy w^T
                    dw[d * 2 + m] += xv.get(n, d) * upstream.get(n, m);   // x^T dL/dy
                }
            }
        }
        String seedText = "seed " + seed;
        assertClose("y, " + seedText, y.value(), Tensor.of(yExpected, 3, 2), 1e-13, 1e-15);
        assertClose("dL/dx, " + seedText, x.grad(), Tensor.of(dx, 3, 4), 1e-13, 1e-15);
        assertClose("dL/dw, " + seedText, w.grad(), Tensor.of(dw, 4, 2), 1e-13, 1e-15);
    }

    @Test
    void matmulOfAConstantAndALeafGivesOnlyTheLeafAGradient() {
        Variable x = Variable.constant(Tensor.matrix(new double[][] {{1, 2}}));
        Variable w = Variable.leaf("w", Tensor.matrix(new double[][] {{3}, {4}}));
        x.matmul(w).sum().backward();
        assertThat(w.grad()).isEqualTo(Tensor.matrix(new double[][] {{1}, {2}}));
        assertThat(x.grad()).isEqualTo(Tensor.zeros(1, 2));
    }
}
