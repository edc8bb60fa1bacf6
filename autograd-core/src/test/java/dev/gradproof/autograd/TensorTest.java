package dev.gradproof.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

/** Tensors: factories, immutability, element access, the forward arithmetic, equality and printing. */
class TensorTest {

    // ------------------------------------------------------------------ factories

    @Test
    void scalarVectorOfAndMatrix() {
        Tensor s = Tensor.scalar(2.5);
        assertThat(s.rank()).isZero();
        assertThat(s.shape()).isEqualTo(Shape.SCALAR);
        assertThat(s.item()).isEqualTo(2.5);
        assertThat(s.get()).isEqualTo(2.5);

        Tensor v = Tensor.vector(1, 2, 3);
        assertThat(v.dims()).containsExactly(3);
        assertThat(v.get(2)).isEqualTo(3.0);

        Tensor t = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 3, 2);
        assertThat(t.dims()).containsExactly(3, 2);
        assertThat(t.get(2, 0)).isEqualTo(5.0);
        assertThat(t.getFlat(3)).isEqualTo(4.0);
        assertThat(t.size()).isEqualTo(6);

        Tensor m = Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(m.dims()).containsExactly(2, 3);
        assertThat(m.get(1, 0)).isEqualTo(4.0);
        assertThat(m.toArray()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void fromNestedOfEveryDepth() {
        assertThat(Tensor.fromNested(7.0)).isEqualTo(Tensor.scalar(7));
        assertThat(Tensor.fromNested(new double[] {1, 2})).isEqualTo(Tensor.vector(1, 2));
        assertThat(Tensor.fromNested(new double[][] {{1, 2}, {3, 4}, {5, 6}}))
                .isEqualTo(Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 3, 2));
        double[][][] three = {{{1, 2, 3}}, {{4, 5, 6}}};
        assertThat(Tensor.fromNested(three)).isEqualTo(Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 1, 3));
        double[][][][] four = {{{{1}, {2}}, {{3}, {4}}}, {{{5}, {6}}, {{7}, {8}}}};
        Tensor t4 = Tensor.fromNested(four);
        assertThat(t4.dims()).containsExactly(2, 2, 2, 1);
        assertThat(t4.get(1, 0, 1, 0)).isEqualTo(6.0);
        assertThat(Tensor.fromNested(new double[2][0]).dims()).containsExactly(2, 0);
    }

    @Test
    void zerosOnesAndFull() {
        assertThat(Tensor.zeros(2, 2).toArray()).containsExactly(0, 0, 0, 0);
        assertThat(Tensor.ones(3).toArray()).containsExactly(1, 1, 1);
        assertThat(Tensor.ones(Shape.of(1, 2))).isEqualTo(Tensor.of(new double[] {1, 1}, 1, 2));
        assertThat(Tensor.full(Shape.of(2), -4.5).toArray()).containsExactly(-4.5, -4.5);
        assertThat(Tensor.zeros()).isEqualTo(Tensor.scalar(0));
    }

    @Test
    void randnIsReproducibleFromItsSeedAndDrawsFromRandom() {
        long seed = 42;
        Tensor a = Tensor.randn(seed, 3, 4);
        assertThat(Tensor.randn(seed, 3, 4)).isEqualTo(a);
        assertThat(Tensor.randn(seed + 1, 3, 4)).isNotEqualTo(a);
        Random random = new Random(seed);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.getFlat(i)).isEqualTo(random.nextGaussian());
        }
    }

    @Test
    void randnLooksStandardNormal() {
        long seed = 2024;
        Tensor t = Tensor.randn(seed, 100_000);
        SummaryStatistics stats = new SummaryStatistics();
        for (double v : t.toArray()) {
            stats.addValue(v);
        }
        // Standard errors: 1/sqrt(n) = 0.0032 for the mean, sqrt(2/n) = 0.0045 for the variance.
        assertThat(stats.getMean()).as("seed %d", seed).isCloseTo(0, within(0.02));
        assertThat(stats.getVariance()).as("seed %d", seed).isCloseTo(1, within(0.03));
    }

    @Test
    void uniformIsReproducibleAndInRange() {
        long seed = 99;
        Tensor u = Tensor.uniform(seed, -1, 3, 50_000);
        assertThat(Tensor.uniform(seed, -1, 3, 50_000)).isEqualTo(u);
        assertThat(Tensor.uniform(seed + 1, -1, 3, 50_000)).isNotEqualTo(u);
        SummaryStatistics stats = new SummaryStatistics();
        for (double v : u.toArray()) {
            assertThat(v).isGreaterThanOrEqualTo(-1).isLessThan(3);
            stats.addValue(v);
        }
        // Mean 1, variance (4^2)/12 = 1.333; standard error of the mean 0.0052.
        assertThat(stats.getMean()).as("seed %d", seed).isCloseTo(1, within(0.03));
        assertThat(stats.getVariance()).as("seed %d", seed).isCloseTo(16.0 / 12, within(0.03));
    }

    // ------------------------------------------------------------------ immutability

    @Test
    void mutatingTheSourceOrACopyNeverChangesATensor() {
        double[] data = {1, 2, 3, 4};
        Tensor of = Tensor.of(data, 2, 2);
        Tensor vector = Tensor.vector(data);
        double[][] rows = {{1, 2}, {3, 4}};
        Tensor matrix = Tensor.matrix(rows);
        data[0] = 99;
        rows[1][1] = 99;
        of.toArray()[1] = 99;
        of.dims()[0] = 99;

        assertThat(of.toArray()).containsExactly(1, 2, 3, 4);
        assertThat(of.dims()).containsExactly(2, 2);
        assertThat(vector.toArray()).containsExactly(1, 2, 3, 4);
        assertThat(matrix.get(1, 1)).isEqualTo(4.0);
    }

    @Test
    void derivedTensorsAreCopies() {
        Tensor t = Tensor.vector(1, 2, 3);
        Tensor replaced = t.withFlat(1, -5);
        Tensor reshaped = t.reshape(Shape.of(3, 1));
        assertThat(replaced).isEqualTo(Tensor.vector(1, -5, 3));
        assertThat(t).isEqualTo(Tensor.vector(1, 2, 3));
        assertThat(reshaped.toArray()).containsExactly(1, 2, 3);
        Variable leaf = Variable.leaf(t);
        assertThat(leaf.value()).isEqualTo(Tensor.vector(1, 2, 3));
    }

    // ------------------------------------------------------------------ arithmetic

    @Test
    void mapAndElementwiseArithmeticWithBroadcasting() {
        Tensor m = Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor row = Tensor.vector(10, 20, 30);
        Tensor column = Tensor.of(new double[] {100, 200}, 2, 1);
        assertThat(m.map(v -> v * v)).isEqualTo(Tensor.matrix(new double[][] {{1, 4, 9}, {16, 25, 36}}));
        assertThat(m.plus(row)).isEqualTo(Tensor.matrix(new double[][] {{11, 22, 33}, {14, 25, 36}}));
        assertThat(m.minus(column)).isEqualTo(Tensor.matrix(new double[][] {{-99, -98, -97}, {-196, -195, -194}}));
        assertThat(column.times(row)).isEqualTo(Tensor.matrix(new double[][] {{1000, 2000, 3000}, {2000, 4000, 6000}}));
        assertThat(m.times(0.5)).isEqualTo(Tensor.matrix(new double[][] {{0.5, 1, 1.5}, {2, 2.5, 3}}));
        assertThat(m.zip(Tensor.scalar(2), "pow", Math::pow).get(1, 2)).isEqualTo(36.0);
    }

    @Test
    void minusScaledIsMinusOfTimesBitForBit() {
        Random random = new Random(11);
        Tensor w = Tensor.randn(random, 7, 5);
        Tensor g = Tensor.randn(random, 7, 5).times(1e3);
        double rate = 0.1;   // not a power of two: every product rounds
        assertThat(w.minusScaled(g, rate).toArray()).containsExactly(w.minus(g.times(rate)).toArray());
        assertThat(Tensor.vector(1, 2).minusScaled(Tensor.vector(10, 100), 0.5)).isEqualTo(Tensor.vector(-4, -48));
        // broadcasting, as minus does: a row taken from every row of a matrix
        Tensor row = Tensor.vector(1, 2, 3, 4, 5);
        assertThat(w.minusScaled(row, rate)).isEqualTo(w.minus(row.times(rate)));
        assertThatThrownBy(() -> w.minusScaled(Tensor.vector(1, 2), rate))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[7, 5]");
    }

    @Test
    void zipBroadcastsARankThreeAgainstAMiddleAxis() {
        // a [2, 1, 3] with b [4, 1]: out[i][j][k] = a[i][0][k] + b[j][0].
        Tensor a = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 1, 3);
        Tensor b = Tensor.of(new double[] {10, 20, 30, 40}, 4, 1);
        Tensor sum = a.plus(b);
        assertThat(sum.dims()).containsExactly(2, 4, 3);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 3; k++) {
                    assertThat(sum.get(i, j, k)).isEqualTo(a.get(i, 0, k) + b.get(j, 0));
                }
            }
        }
    }

    @Test
    void reductions() {
        Tensor m = Tensor.matrix(new double[][] {{1, 5, 3}, {4, 2, 6}});
        assertThat(m.sum()).isEqualTo(Tensor.scalar(21));
        assertThat(m.sumAsDouble()).isEqualTo(21.0);
        assertThat(m.sum(0, false)).isEqualTo(Tensor.vector(5, 7, 9));
        assertThat(m.sum(1, true)).isEqualTo(Tensor.of(new double[] {9, 12}, 2, 1));
        assertThat(m.max(1, false)).isEqualTo(Tensor.vector(5, 6));
        assertThat(m.max(0, true)).isEqualTo(Tensor.of(new double[] {4, 5, 6}, 1, 3));
        assertThat(Tensor.matrix(new double[][] {{1, Double.NaN, 3}}).max(1, false).getFlat(0)).isNaN();
        assertThat(Tensor.zeros(2, 0).max(1, false)).isEqualTo(Tensor.full(Shape.of(2), Double.NEGATIVE_INFINITY));
        assertThat(m.reduceTo(Shape.of(1, 3))).isEqualTo(Tensor.of(new double[] {5, 7, 9}, 1, 3));
        assertThat(m.reduceTo(Shape.SCALAR)).isEqualTo(Tensor.scalar(21));
    }

    @Test
    void shapeArithmetic() {
        Tensor m = Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(Tensor.vector(1, 2, 3).broadcastTo(Shape.of(2, 3)))
                .isEqualTo(Tensor.matrix(new double[][] {{1, 2, 3}, {1, 2, 3}}));
        assertThat(m.permute(1, 0)).isEqualTo(Tensor.matrix(new double[][] {{1, 4}, {2, 5}, {3, 6}}));
        assertThat(m.reshape(Shape.of(3, 2))).isEqualTo(Tensor.matrix(new double[][] {{1, 2}, {3, 4}, {5, 6}}));
        assertThat(m.matmul(Tensor.matrix(new double[][] {{1, 0}, {0, 1}, {1, 1}})))
                .isEqualTo(Tensor.matrix(new double[][] {{4, 5}, {10, 11}}));
    }

    @Test
    void hasNaN() {
        assertThat(Tensor.vector(1, Double.NaN).hasNaN()).isTrue();
        assertThat(Tensor.vector(1, Double.POSITIVE_INFINITY).hasNaN()).isFalse();
        assertThat(Tensor.zeros(0).hasNaN()).isFalse();
    }

    // ------------------------------------------------------------------ equality and printing

    @Test
    void equalsIsBitwiseAndConsistentWithHashCode() {
        Tensor a = Tensor.matrix(new double[][] {{1, 2}, {3, 4}});
        Tensor b = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(Tensor.of(new double[] {1, 2, 3, 4}, 4));
        assertThat(a).isNotEqualTo(Tensor.of(new double[] {1, 2, 3, 4}, 1, 4));
        assertThat(a).isNotEqualTo(a.withFlat(3, 4.000000000000001));
        assertThat(Tensor.scalar(Double.NaN)).as("NaN equals NaN bitwise").isEqualTo(Tensor.scalar(Double.NaN));
        assertThat(Tensor.scalar(0.0)).as("0.0 differs from -0.0").isNotEqualTo(Tensor.scalar(-0.0));
        assertThat(a).isNotEqualTo(null).isNotEqualTo("[[1.0, 2.0], [3.0, 4.0]]");
    }

    @Test
    void toStringIsNumpyLike() {
        assertThat(Tensor.scalar(2.5).toString()).isEqualTo("2.5");
        assertThat(Tensor.vector(1, -2).toString()).isEqualTo("[1.0, -2.0]");
        assertThat(Tensor.matrix(new double[][] {{1, 2}, {3, 4}}).toString()).isEqualTo("[[1.0, 2.0], [3.0, 4.0]]");
        assertThat(Tensor.of(new double[] {1, 2, 3, 4}, 2, 1, 2).toString()).isEqualTo("[[[1.0, 2.0]], [[3.0, 4.0]]]");
        assertThat(Tensor.vector(Double.NaN).toString()).isEqualTo("[NaN]");
    }

    @Test
    void variablesPrintTheirNameOrOpAndShape() {
        assertThat(Variable.leaf("w", Tensor.zeros(2, 3)).toString()).isEqualTo("w[2, 3]");
        assertThat(Variable.constant(Tensor.zeros(2)).toString()).isEqualTo("constant[2] (constant)");
        Variable x = Variable.leaf(Tensor.zeros(2));
        assertThat(x.toString()).isEqualTo("leaf[2]");
        assertThat(x.relu().toString()).isEqualTo("relu[2]");
    }
}
