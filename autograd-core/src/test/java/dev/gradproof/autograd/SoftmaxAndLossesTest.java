package dev.gradproof.autograd;

import static dev.gradproof.autograd.Approx.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Softmax and log-softmax (closed forms, rows summing to 1, stability for logits of +-1000) and
 * the losses of the notes against values computed by hand.
 */
class SoftmaxAndLossesTest {

    private static final long SEED = 7_331L;

    /** exp(x_i) / sum_j exp(x_j) along {@code axis} of a matrix, written out directly. */
    private static Tensor softmaxByHand(Tensor x, int axis) {
        int rows = x.shape().dim(0);
        int cols = x.shape().dim(1);
        double[] out = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double denominator = 0;
                for (int k = 0; k < (axis == 1 ? cols : rows); k++) {
                    denominator += Math.exp(axis == 1 ? x.get(i, k) : x.get(k, j));
                }
                out[i * cols + j] = Math.exp(x.get(i, j)) / denominator;
            }
        }
        return Tensor.of(out, rows, cols);
    }

    @ParameterizedTest(name = "axis {0}")
    @ValueSource(ints = {0, 1, -1})
    void softmaxMatchesItsDefinitionAndSumsToOne(int axis) {
        Tensor logits = Tensor.uniform(SEED, -4, 4, 3, 5);
        int a = axis < 0 ? axis + 2 : axis;
        Variable s = Variable.leaf("x", logits).softmax(axis);
        assertClose("softmax, seed " + SEED, s.value(), softmaxByHand(logits, a), 1e-14, 0);
        Tensor sums = s.value().sum(a, false);
        for (int i = 0; i < sums.size(); i++) {
            assertThat(sums.getFlat(i)).isCloseTo(1.0, within(1e-15));
        }
    }

    @Test
    void softmaxGradientIsTheJacobianTimesTheUpstream() {
        // For one row: J^T u = s * (u - <s, u>).
        Tensor logits = Tensor.uniform(SEED, -3, 3, 2, 4);
        Tensor upstream = Tensor.uniform(SEED + 1, -1, 1, 2, 4);
        Variable x = Variable.leaf("x", logits);
        x.softmax(1).backward(upstream);
        Tensor s = softmaxByHand(logits, 1);
        double[] expected = new double[8];
        for (int i = 0; i < 2; i++) {
            double dot = 0;
            for (int j = 0; j < 4; j++) {
                dot += s.get(i, j) * upstream.get(i, j);
            }
            for (int j = 0; j < 4; j++) {
                expected[i * 4 + j] = s.get(i, j) * (upstream.get(i, j) - dot);
            }
        }
        assertClose("dsoftmax, seed " + SEED, x.grad(), Tensor.of(expected, 2, 4), 1e-12, 1e-16);
    }

    @Test
    void logSoftmaxMatchesItsDefinitionAndItsGradient() {
        // log s_i = x_i - log sum_j exp(x_j); J^T u = u - s * sum(u).
        Tensor logits = Tensor.uniform(SEED, -3, 3, 2, 4);
        Tensor upstream = Tensor.uniform(SEED + 1, -1, 1, 2, 4);
        Variable x = Variable.leaf("x", logits);
        Variable ls = x.logSoftmax(1);
        ls.backward(upstream);
        Tensor s = softmaxByHand(logits, 1);
        double[] value = new double[8];
        double[] grad = new double[8];
        for (int i = 0; i < 2; i++) {
            double logSum = 0;
            double upstreamSum = 0;
            for (int j = 0; j < 4; j++) {
                logSum += Math.exp(logits.get(i, j));
                upstreamSum += upstream.get(i, j);
            }
            logSum = Math.log(logSum);
            for (int j = 0; j < 4; j++) {
                value[i * 4 + j] = logits.get(i, j) - logSum;
                grad[i * 4 + j] = upstream.get(i, j) - s.get(i, j) * upstreamSum;
            }
        }
        assertClose("logSoftmax, seed " + SEED, ls.value(), Tensor.of(value, 2, 4), 1e-13, 1e-15);
        assertClose("dlogSoftmax, seed " + SEED, x.grad(), Tensor.of(grad, 2, 4), 1e-12, 1e-15);
    }

    @Test
    void softmaxAndLogSoftmaxAreStableForLogitsOfPlusMinusAThousand() {
        Variable x = Variable.leaf("x", Tensor.matrix(new double[][] {{1000, -1000, 0}, {-1000, -1000, -1000}}));
        Tensor s = x.softmax(1).value();
        Tensor ls = x.logSoftmax(1).value();
        assertThat(s.hasNaN()).isFalse();
        // e^-1000 and e^-2000 are far below the smallest double: exactly 0 after rounding.
        assertThat(s).isEqualTo(Tensor.matrix(new double[][] {{1, 0, 0}, {1.0 / 3, 1.0 / 3, 1.0 / 3}}));
        assertThat(ls.get(0, 0)).isEqualTo(0.0);
        assertThat(ls.get(0, 1)).isEqualTo(-2000.0);
        assertThat(ls.get(0, 2)).isEqualTo(-1000.0);
        assertThat(ls.get(1, 0)).isCloseTo(-Math.log(3), within(1e-13));
    }

    // ------------------------------------------------------------------ softmax cross-entropy

    @Test
    void softmaxCrossEntropyOfATinyBatchByHand() {
        // Row 0: logits (0, 0, 0), label 0: p = (1/3, 1/3, 1/3), loss ln 3.
        // Row 1: logits (0, ln 2, ln 3), label 2: p = (1, 2, 3)/6, loss -ln(1/2) = ln 2.
        // Mean: (ln 3 + ln 2) / 2 = ln(6) / 2. Gradient: (p - onehot) / N.
        Variable scores = Variable.leaf("scores",
                Tensor.matrix(new double[][] {{0, 0, 0}, {0, Math.log(2), Math.log(3)}}));
        Variable loss = Losses.softmaxCrossEntropy(scores, new int[] {0, 2});
        loss.backward();
        assertClose("loss", loss.value().item(), Math.log(6) / 2, 1e-15, 0);
        assertClose("dL/dscores", scores.grad(), Tensor.matrix(new double[][] {
            {-1.0 / 3, 1.0 / 6, 1.0 / 6},
            {1.0 / 12, 1.0 / 6, -1.0 / 4},
        }), 1e-14, 1e-16);
    }

    @Test
    void softmaxCrossEntropyIsFiniteForLogitsOfPlusMinusAThousand() {
        // Row 0: the label's logit is -1000, 2000 below the max: loss 2000, gradient (1, -1, 0).
        // Row 1: the label's logit is the max by 1000 and 2000: loss 0 (e^-1000 rounds away), gradient 0.
        Variable scores = Variable.leaf("scores",
                Tensor.matrix(new double[][] {{1000, -1000, 0}, {-1000, 1000, 0}}));
        Variable loss = Losses.softmaxCrossEntropy(scores, new int[] {1, 1});
        loss.backward();
        assertThat(loss.value().item()).isEqualTo(1000.0);
        assertThat(scores.grad().toArray()).containsExactly(new double[] {0.5, -0.5, 0, 0, 0, 0},
                within(0.0));
    }

    @Test
    void aMaskedLogitOfMinusInfinityTakesNoProbabilityAndNoGradient() {
        // row (0, ln 3, -inf), label 0: softmax = (1/4, 3/4, 0), loss = -ln(1/4) = ln 4
        Variable scores = Variable.leaf("scores",
                Tensor.matrix(new double[][] {{0, Math.log(3), Double.NEGATIVE_INFINITY}}));
        Variable loss = Losses.softmaxCrossEntropy(scores, new int[] {0});
        loss.backward();
        assertClose("loss", loss.value().item(), Math.log(4), 1e-15, 0);
        assertClose("dL/dscores", scores.grad(), Tensor.matrix(new double[][] {{-0.75, 0.75, 0}}), 1e-15, 1e-16);
    }

    @Test
    void svmHingeIgnoresAMaskedScoreOfMinusInfinity() {
        // row (2, 1.5, -inf), label 0: max(0, 1.5 - 2 + 1) + max(0, -inf) = 0.5; gradient (-1, 1, 0)
        Variable scores = Variable.leaf("scores",
                Tensor.matrix(new double[][] {{2, 1.5, Double.NEGATIVE_INFINITY}}));
        Variable loss = Losses.svmHinge(scores, new int[] {0});
        loss.backward();
        assertThat(loss.value().item()).isEqualTo(0.5);
        assertThat(scores.grad().toArray()).containsExactly(-1.0, 1.0, 0.0);
    }

    @Test
    void reusingTheLabelsArrayAfterTheForwardPassDoesNotChangeTheGradient() {
        int[] labels = {0, 1};
        Variable scores = Variable.leaf("scores", Tensor.matrix(new double[][] {{1, 2}, {3, 4}}));
        Variable ce = Losses.softmaxCrossEntropy(scores, labels);
        Variable hinge = Losses.svmHinge(scores, labels);
        labels[0] = 1;
        labels[1] = 0;
        Variable expectedScores = Variable.leaf(scores.value());
        Losses.softmaxCrossEntropy(expectedScores, new int[] {0, 1}).add(
                Losses.svmHinge(expectedScores, new int[] {0, 1})).backward();
        ce.add(hinge).backward();
        assertThat(scores.grad()).isEqualTo(expectedScores.grad());
    }

    @Test
    void softmaxCrossEntropyGradientIsSoftmaxMinusOneHotOverN() {
        Tensor logits = Tensor.uniform(SEED, -5, 5, 4, 3);
        int[] labels = {2, 0, 1, 2};
        Variable scores = Variable.leaf("scores", logits);
        Variable loss = Losses.softmaxCrossEntropy(scores, labels);
        loss.backward();
        Tensor p = softmaxByHand(logits, 1);
        double[] expected = new double[12];
        double expectedLoss = 0;
        for (int i = 0; i < 4; i++) {
            expectedLoss -= Math.log(p.get(i, labels[i])) / 4;
            for (int j = 0; j < 3; j++) {
                expected[i * 3 + j] = (p.get(i, j) - (j == labels[i] ? 1 : 0)) / 4;
            }
        }
        assertClose("loss, seed " + SEED, loss.value().item(), expectedLoss, 1e-13, 0);
        assertClose("dL/dscores, seed " + SEED, scores.grad(), Tensor.of(expected, 4, 3), 1e-12, 1e-16);
    }

    // ------------------------------------------------------------------ SVM hinge

    @Test
    void svmHingeOnTheThreeClassExampleByHand() {
        // cs231n's example, one row per image (cat, car, frog), classes (cat, car, frog):
        // cat  (3.2, 5.1, -1.7), label cat:  max(0, 5.1-3.2+1) + max(0, -1.7-3.2+1) = 2.9 + 0
        // car  (1.3, 4.9,  2.0), label car:  max(0, 1.3-4.9+1) + max(0,  2.0-4.9+1) = 0 + 0
        // frog (2.2, 2.5, -3.1), label frog: max(0, 2.2+3.1+1) + max(0,  2.5+3.1+1) = 6.3 + 6.6
        // L = (2.9 + 0 + 12.9) / 3 = 5.2666...
        Variable scores = Variable.leaf("scores", Tensor.matrix(new double[][] {
            {3.2, 5.1, -1.7},
            {1.3, 4.9, 2.0},
            {2.2, 2.5, -3.1},
        }));
        Variable loss = Losses.svmHinge(scores, new int[] {0, 1, 2});
        loss.backward();
        assertClose("loss", loss.value().item(), 15.8 / 3, 1e-14, 0);
        // Each positive margin adds 1/N to its class and -1/N to the label's class.
        assertClose("dL/dscores", scores.grad(), Tensor.matrix(new double[][] {
            {-1.0 / 3, 1.0 / 3, 0},
            {0, 0, 0},
            {1.0 / 3, 1.0 / 3, -2.0 / 3},
        }), 1e-15, 0);
    }

    // ------------------------------------------------------------------ L2 and SSE

    @Test
    void l2RegularizationSumsSquaresOfAllWeights() {
        Variable w1 = Variable.leaf("w1", Tensor.matrix(new double[][] {{1, -2}, {3, 0.5}}));
        Variable w2 = Variable.leaf("w2", Tensor.vector(4));
        Variable r = Losses.l2(0.1, w1, w2);
        r.backward();
        // 0.1 * (1 + 4 + 9 + 0.25 + 16) = 3.025; gradient 2 lambda W.
        assertClose("R", r.value().item(), 3.025, 1e-15, 0);
        assertClose("dR/dw1", w1.grad(), Tensor.matrix(new double[][] {{0.2, -0.4}, {0.6, 0.1}}), 1e-15, 0);
        assertClose("dR/dw2", w2.grad(), Tensor.vector(0.8), 1e-15, 0);
    }

    @Test
    void sumSquaredErrorAndItsGradient() {
        Variable prediction = Variable.leaf("prediction", Tensor.matrix(new double[][] {{1, 2}, {3, 4}}));
        Variable target = Variable.leaf("target", Tensor.matrix(new double[][] {{0, 2}, {5, 1}}));
        Variable loss = Losses.sumSquaredError(prediction, target);
        loss.backward();
        // differences (1, 0, -2, 3): 1 + 0 + 4 + 9 = 14; the notes' grad_y_pred = 2 (y_pred - y).
        assertThat(loss.value().item()).isEqualTo(14.0);
        assertThat(prediction.grad()).isEqualTo(Tensor.matrix(new double[][] {{2, 0}, {-4, 6}}));
        assertThat(target.grad().toArray()).containsExactly(new double[] {-2, 0, 4, -6},
                within(0.0));
    }

    @Test
    void lossesNameTheirPartsAsComposites() {
        Variable scores = Variable.leaf("scores", Tensor.zeros(1, 2));
        List<String> parts = Graph.topologicalOrder(List.of(Losses.softmaxCrossEntropy(scores, new int[] {0})))
                .stream().flatMap(v -> v.creator().stream()).map(Op::describe).toList();
        assertThat(parts).isNotEmpty().allMatch(name -> name.startsWith("softmaxCrossEntropy/"));
        assertThat(parts).contains("softmaxCrossEntropy/logSoftmax/exp");
    }
}
