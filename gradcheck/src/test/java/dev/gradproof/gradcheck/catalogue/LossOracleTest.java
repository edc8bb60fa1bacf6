package dev.gradproof.gradcheck.catalogue;

import dev.gradproof.autograd.Autograd;
import dev.gradproof.autograd.Losses;
import dev.gradproof.autograd.Reduction;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.GradCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The VALUES of the losses (and their first gradients) against the formulas of the lecture notes, computed
 * here in plain Java loops that share no code with autograd-core: gradcheck compares a loss with its own
 * finite differences, so a loss that is wrong the same way forward and backward (a mean taken for a sum, a
 * sum for a mean) passes it; an oracle does not.
 *
 * <ul>
 *   <li>SVM (hinge) loss, notes 003 ("SVM Loss on predictions" and the total loss):
 *       {@code L_i = sum_{j != y_i} max(0, s_j - s_{y_i} + 1)}, {@code L = (1/N) sum_i L_i} ({@link Reduction#MEAN},
 *       the default) or {@code sum_i L_i} ({@link Reduction#SUM}). Subgradient: d/ds_j = 1(margin_j > 0) for
 *       {@code j != y_i}, d/ds_{y_i} = -(number of positive margins), as the max gate of notes 002 routes it.</li>
 *   <li>Softmax cross-entropy, the loss of the notes' "binary Softmax classifier" (002) generalised to C
 *       classes as in its javadoc: {@code L_i = -log(e^{s_{y_i}} / sum_j e^{s_j}) = log sum_j e^{s_j} - s_{y_i}},
 *       evaluated with the max shift {@code m + log sum_j e^{s_j - m}}; mean (default) or sum over i; gradient
 *       {@code softmax(s_i) - onehot(y_i)} per row, divided by N for the mean.</li>
 *   <li>Squared error, notes 004 ({@code Loss = sum_d (NN(d.X) - d.y)^2}) and the 20-line network of 003
 *       ({@code np.square(y_pred - y).sum()}): {@code sum (p - t)^2} (SUM, the default) or its mean over the
 *       elements (MEAN); gradient {@code 2 (p - t)}, divided by the number of elements for the mean.</li>
 *   <li>L2 regularization, notes 003: {@code lambda sum_k W_k^2}; gradient {@code 2 lambda W}.</li>
 * </ul>
 *
 * Random inputs come from a printed seed ({@value GradCheck#SEED_PROPERTY}, default
 * {@link GradCheck#DEFAULT_SEED}); the hand-picked ones are computed by hand in the comments (the notes give
 * the formulas but no worked numeric example of a loss).
 */
class LossOracleTest {

    private static final long SEED = Long.getLong(GradCheck.SEED_PROPERTY, GradCheck.DEFAULT_SEED);

    /** Sums of a few dozen terms of size up to 1e3 in another order: far below 1e-12 relative to their scale. */
    private static final double RELATIVE = 1e-12;

    // ------------------------------------------------------------------ oracles (plain Java)

    static double[] svmTerms(double[][] s, int[] y) {
        double[] terms = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s[i].length; j++) {
                if (j != y[i]) {
                    terms[i] += Math.max(0, s[i][j] - s[i][y[i]] + 1);
                }
            }
        }
        return terms;
    }

    static double[][] svmGradient(double[][] s, int[] y, double scale) {
        double[][] g = new double[s.length][];
        for (int i = 0; i < s.length; i++) {
            g[i] = new double[s[i].length];
            for (int j = 0; j < s[i].length; j++) {
                if (j != y[i] && s[i][j] - s[i][y[i]] + 1 > 0) {
                    g[i][j] += scale;
                    g[i][y[i]] -= scale;
                }
            }
        }
        return g;
    }

    static double[] crossEntropyTerms(double[][] s, int[] y) {
        double[] terms = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            terms[i] = logSumExp(s[i]) - s[i][y[i]];
        }
        return terms;
    }

    static double[][] crossEntropyGradient(double[][] s, int[] y, double scale) {
        double[][] g = new double[s.length][];
        for (int i = 0; i < s.length; i++) {
            double lse = logSumExp(s[i]);
            g[i] = new double[s[i].length];
            for (int j = 0; j < s[i].length; j++) {
                g[i][j] = scale * (Math.exp(s[i][j] - lse) - (j == y[i] ? 1 : 0));
            }
        }
        return g;
    }

    private static double logSumExp(double[] row) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : row) {
            m = Math.max(m, v);
        }
        double sum = 0;
        for (double v : row) {
            sum += Math.exp(v - m);
        }
        return m + Math.log(sum);
    }

    private static double reduce(double[] terms, Reduction reduction) {
        double sum = 0;
        for (double t : terms) {
            sum += t;
        }
        return reduction == Reduction.SUM ? sum : sum / terms.length;
    }

    // ------------------------------------------------------------------ random inputs

    /** A classification loss: autograd-core's, with and without a reduction, and its oracle's terms and gradient. */
    private record Classification(String name, long seed, BiFunction<Variable, int[], Variable> byDefault,
                                  TriFunction loss, BiFunction<double[][], int[], double[]> terms, GradientOracle gradient) {
    }

    private interface TriFunction {
        Variable apply(Variable scores, int[] labels, Reduction reduction);
    }

    private interface GradientOracle {
        double[][] apply(double[][] scores, int[] labels, double scale);
    }

    private static Stream<Arguments> classifications() {
        Classification svm = new Classification("svmHinge", SEED, Losses::svmHinge, Losses::svmHinge,
                LossOracleTest::svmTerms, LossOracleTest::svmGradient);
        Classification crossEntropy = new Classification("softmaxCrossEntropy", SEED + 1, Losses::softmaxCrossEntropy,
                Losses::softmaxCrossEntropy, LossOracleTest::crossEntropyTerms, LossOracleTest::crossEntropyGradient);
        return Stream.of(svm, crossEntropy).flatMap(c -> Stream.of(Reduction.values()).map(r -> Arguments.of(c.name(), r, c)));
    }

    /**
     * Random scores [N, C] (N, C from 1 to 6; every fourth trial of magnitude up to 100) and labels: the value and
     * the gradient of the loss against the formula; the MEAN trials alternate between the default overload and
     * an explicit {@link Reduction#MEAN}.
     */
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("classifications")
    void classificationLossValueAndGradientMatchTheFormula(String name, Reduction reduction, Classification loss) {
        Random random = new Random(loss.seed());
        System.out.printf("%s oracle (%s), seed %d%n", name, reduction, loss.seed());
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + random.nextInt(6);
            int c = 1 + random.nextInt(6);
            double[][] s = uniform(random, n, c, trial % 4 == 3 ? 100 : 3);
            int[] y = labels(random, n, c);
            double expected = reduce(loss.terms().apply(s, y), reduction);
            double[][] grad = loss.gradient().apply(s, y, reduction == Reduction.SUM ? 1 : 1.0 / n);
            String what = String.format("%s %s, trial %d (seed %d), [%d x %d]", name, reduction, trial, loss.seed(), n, c);
            boolean byDefault = reduction == Reduction.MEAN && trial % 2 == 0;
            check(what, s, v -> byDefault ? loss.byDefault().apply(v, y) : loss.loss().apply(v, y, reduction),
                    expected, grad, scale(s) + Math.log(c));
        }
    }

    @ParameterizedTest(name = "sumSquaredError, {0}")
    @EnumSource(Reduction.class)
    void squaredErrorValueAndGradientMatchTheNotesFormula(Reduction reduction) {
        Random random = new Random(SEED + 2);
        System.out.printf("sumSquaredError oracle (%s), seed %d%n", reduction, SEED + 2);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + random.nextInt(5);
            int c = 1 + random.nextInt(5);
            double[][] p = uniform(random, n, c, 3);
            double[][] t = uniform(random, n, c, 3);
            double sum = 0;
            double[][] grad = new double[n][c];
            double perElement = reduction == Reduction.SUM ? 1 : 1.0 / (n * c);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < c; j++) {
                    double d = p[i][j] - t[i][j];
                    sum += d * d;
                    grad[i][j] = 2 * d * perElement;
                }
            }
            double expected = reduction == Reduction.SUM ? sum : sum / (n * c);
            Variable target = Variable.constant(Tensor.matrix(t));
            String what = String.format("sumSquaredError %s, trial %d (seed %d), [%d x %d]", reduction, trial, SEED + 2, n, c);
            boolean byDefault = reduction == Reduction.SUM && trial % 2 == 0;
            check(what, p, v -> byDefault ? Losses.sumSquaredError(v, target)
                    : Losses.sumSquaredError(v, target, reduction), expected, grad, 36 * n * c);
        }
    }

    @Test
    void l2ValueAndGradientMatchTheNotesFormula() {
        Random random = new Random(SEED + 3);
        System.out.printf("l2 oracle, seed %d%n", SEED + 3);
        for (int trial = 0; trial < 20; trial++) {
            double lambda = trial == 0 ? 0 : random.nextDouble() * 2;
            double[][] w = uniform(random, 1 + random.nextInt(4), 1 + random.nextInt(4), 2);
            double sum = 0;
            double[][] grad = new double[w.length][w[0].length];
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[i].length; j++) {
                    sum += w[i][j] * w[i][j];
                    grad[i][j] = 2 * lambda * w[i][j];
                }
            }
            check(String.format("l2(%s), trial %d (seed %d)", lambda, trial, SEED + 3), w, v -> Losses.l2(lambda, v),
                    lambda * sum, grad, 4 * w.length * w[0].length);
        }
    }

    // ------------------------------------------------------------------ by hand

    @Test
    void svmHingeByHand() {
        // row 0, label 0, scores (1, 3, 2): margins 3 - 1 + 1 = 3 and 2 - 1 + 1 = 2, L_0 = 5
        // row 1, label 2, scores (0, 0, 0): margins 0 - 0 + 1 = 1 twice, L_1 = 2
        // row 2, label 1, scores (2, 4, 3.5): margins 2 - 4 + 1 = -1 and 3.5 - 4 + 1 = 0.5, L_2 = 0.5
        double[][] s = {{1, 3, 2}, {0, 0, 0}, {2, 4, 3.5}};
        int[] y = {0, 2, 1};
        assertThat(value(Losses.svmHinge(leaf(s), y, Reduction.SUM))).isEqualTo(7.5);
        assertThat(value(Losses.svmHinge(leaf(s), y, Reduction.MEAN))).isEqualTo(2.5);
        assertThat(value(Losses.svmHinge(leaf(s), y))).as("the default reduction is the notes' mean").isEqualTo(2.5);
        // every margin negative: max(0, .) = 0 for each j != y_i; the j = y_i term (always 1) is left out
        assertThat(value(Losses.svmHinge(leaf(new double[][] {{5, 1, 2}}), new int[] {0}))).isZero();
        // one class: no j != y_i, so no terms
        assertThat(value(Losses.svmHinge(leaf(new double[][] {{7}, {-3}}), new int[] {0, 0}, Reduction.SUM))).isZero();
        // gradient of the mean of rows 0 and 1 above: row 0 (-2, 1, 1) / 2, row 1 (1, 1, -2) / 2
        Variable scores = leaf(new double[][] {{1, 3, 2}, {0, 0, 0}});
        Tensor g = Autograd.grad(Losses.svmHinge(scores, new int[] {0, 2}), scores, false).value();
        assertThat(g.toArray()).containsExactly(-1, 0.5, 0.5, 0.5, 0.5, -1);
    }

    @Test
    void softmaxCrossEntropyByHand() {
        // equal scores over C = 4 classes: softmax 1/4 each, L_i = -log(1/4) = log 4 = 2 log 2
        double[][] s = {{0, 0, 0, 0}, {5, 5, 5, 5}};
        int[] y = {3, 0};
        double log4 = 2 * Math.log(2);
        assertThat(value(Losses.softmaxCrossEntropy(leaf(s), y, Reduction.MEAN))).isCloseTo(log4, within(1e-15));
        assertThat(value(Losses.softmaxCrossEntropy(leaf(s), y))).isCloseTo(log4, within(1e-15));
        assertThat(value(Losses.softmaxCrossEntropy(leaf(s), y, Reduction.SUM))).isCloseTo(2 * log4, within(1e-15));
        // scores (0, log 3), label 0: softmax (1/4, 3/4), L = log 4; label 1: L = log 4 - log 3
        double[][] t = {{0, Math.log(3)}};
        assertThat(value(Losses.softmaxCrossEntropy(leaf(t), new int[] {0}))).isCloseTo(log4, within(1e-15));
        assertThat(value(Losses.softmaxCrossEntropy(leaf(t), new int[] {1}))).isCloseTo(log4 - Math.log(3), within(1e-15));
        // logits (1000, -1000), the correct class at -1000: L = 2000 + log(1 + e^-2000) = 2000 in doubles
        double[][] far = {{1000, -1000}, {1000, -1000}};
        assertThat(value(Losses.softmaxCrossEntropy(leaf(far), new int[] {1, 1}, Reduction.SUM))).isEqualTo(4000);
        assertThat(value(Losses.softmaxCrossEntropy(leaf(far), new int[] {1, 1}))).isEqualTo(2000);
        // gradient of the mean over the equal rows: (softmax - onehot) / 2 = (1/4 - [j = y]) / 2
        Variable scores = leaf(s);
        Tensor g = Autograd.grad(Losses.softmaxCrossEntropy(scores, y), scores, false).value();
        assertThat(g.toArray()).containsExactly(new double[] {0.125, 0.125, 0.125, -0.375, -0.375, 0.125, 0.125, 0.125},
                within(1e-15));
    }

    @Test
    void squaredErrorByHand() {
        // prediction (1, 2, 3) against target (0, 0, 0): 1 + 4 + 9 = 14, mean 14 / 3
        Variable p = leaf(new double[][] {{1, 2, 3}});
        Variable t = Variable.constant(Tensor.zeros(1, 3));
        assertThat(value(Losses.sumSquaredError(p, t))).isEqualTo(14);
        assertThat(value(Losses.sumSquaredError(p, t, Reduction.SUM))).isEqualTo(14);
        assertThat(value(Losses.sumSquaredError(p, t, Reduction.MEAN))).isCloseTo(14.0 / 3, within(1e-15));
        assertThat(Autograd.grad(Losses.sumSquaredError(p, t, Reduction.MEAN), p, false).value().toArray())
                .containsExactly(new double[] {2.0 / 3, 4.0 / 3, 2}, within(1e-15));
        // l2: 0.5 * (1 + 4 + 9) = 7
        assertThat(value(Losses.l2(0.5, p))).isEqualTo(7);
    }

    // ------------------------------------------------------------------ labels

    /** Every label must lie in {@code [0, C)}; the first label outside is named with its index. */
    @Test
    void aLabelOutOfRangeIsRejectedNamingItAndItsIndex() {
        Variable scores = leaf(new double[][] {{1, 2, 3}, {4, 5, 6}});
        for (Reduction reduction : Reduction.values()) {
            assertThatThrownBy(() -> Losses.svmHinge(scores, new int[] {0, 3}, reduction))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("svmHinge").hasMessageContaining("label 3 at index 1")
                    .hasMessageContaining("3 classes");
            assertThatThrownBy(() -> Losses.softmaxCrossEntropy(scores, new int[] {3, 0}, reduction))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("softmaxCrossEntropy").hasMessageContaining("label 3 at index 0");
            assertThatThrownBy(() -> Losses.softmaxCrossEntropy(scores, new int[] {2, -1}, reduction))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label -1 at index 1");
            assertThatThrownBy(() -> Losses.svmHinge(scores, new int[] {-1, 0}, reduction))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label -1 at index 0");
        }
        // the first and last class are accepted
        assertThat(value(Losses.svmHinge(scores, new int[] {0, 2}))).isFinite();
        assertThat(value(Losses.softmaxCrossEntropy(scores, new int[] {2, 0}))).isFinite();
    }

    // ------------------------------------------------------------------ helpers

    private static void check(String what, double[][] s, java.util.function.Function<Variable, Variable> loss,
                              double expected, double[][] grad, double scale) {
        for (boolean createGraph : new boolean[] {false, true}) {
            Variable x = leaf(s);
            Variable out = loss.apply(x);
            assertThat(out.shape().rank()).as(what + ": a scalar").isZero();
            assertThat(out.value().item()).as(what + ": value").isCloseTo(expected, within(RELATIVE * scale));
            List<Variable> g = Autograd.grad(out, List.of(x), createGraph);
            double[] actual = g.get(0).value().toArray();
            int k = 0;
            for (int i = 0; i < grad.length; i++) {
                for (int j = 0; j < grad[i].length; j++) {
                    assertThat(actual[k++]).as("%s: gradient [%d, %d]%s", what, i, j, createGraph ? " (createGraph)" : "")
                            .isCloseTo(grad[i][j], within(RELATIVE * (1 + Math.abs(grad[i][j]))));
                }
            }
        }
    }

    /** The size of the terms: a sum of |s_ij| + 1 over all elements. */
    private static double scale(double[][] s) {
        double sum = 1;
        for (double[] row : s) {
            for (double v : row) {
                sum += Math.abs(v) + 1;
            }
        }
        return sum;
    }

    private static double value(Variable v) {
        return v.value().item();
    }

    private static Variable leaf(double[][] s) {
        return Variable.leaf("scores", Tensor.matrix(s));
    }

    private static double[][] uniform(Random random, int rows, int cols, double bound) {
        double[][] out = new double[rows][cols];
        for (double[] row : out) {
            for (int j = 0; j < cols; j++) {
                row[j] = (random.nextDouble() * 2 - 1) * bound;
            }
        }
        return out;
    }

    private static int[] labels(Random random, int n, int classes) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextInt(classes);
        }
        return y;
    }
}
