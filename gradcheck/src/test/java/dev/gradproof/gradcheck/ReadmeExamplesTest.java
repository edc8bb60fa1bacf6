package dev.gradproof.gradcheck;

import dev.gradproof.autograd.Losses;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.model.ElementRecord;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.Mode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import dev.gradproof.gradcheck.model.TestContext;
import org.junit.jupiter.api.Tag;

import static dev.gradproof.gradcheck.assertj.GradProofAssertions.assertGradientsOf;
import static dev.gradproof.gradcheck.assertj.GradProofAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The README's examples, compiled and run: the notes' "flat" backward of the sigmoid neuron and
 * the hand-written backward of the 20-line network, both as foreign code over plain arrays, and
 * the same network through autograd-core.
 */
class ReadmeExamplesTest {

    // ---------------------------------------------------------------- README: the sigmoid neuron

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** f(w, x) = sigma(w0 x0 + w1 x1 + w2), the notes' neuron; inputs w = [w0, w1, w2], x = [x0, x1]. */
    static double neuron(double[][] in) {
        double[] w = in[0];
        double[] x = in[1];
        return sigmoid(w[0] * x[0] + w[1] * x[1] + w[2]);
    }

    /** The notes' "flat" backward pass, line by line. */
    static double[][] neuronBackward(double[][] in) {
        double[] w = in[0];
        double[] x = in[1];
        double L = sigmoid(w[0] * x[0] + w[1] * x[1] + w[2]);
        double gradL = 1.0;
        double gradS3 = gradL * (1 - L) * L;
        double gradW2 = gradS3;
        double gradS2 = gradS3;
        double gradS0 = gradS2;
        double gradS1 = gradS2;
        double gradW1 = gradS1 * x[1];
        double gradX1 = gradS1 * w[1];
        double gradW0 = gradS0 * x[0];
        double gradX0 = gradS0 * w[0];
        return new double[][] {{gradW0, gradW1, gradW2}, {gradX0, gradX1}};
    }

    @Test
    void theNotesSigmoidNeuron() {
        GradCheckResult result = GradCheck.scalar(ReadmeExamplesTest::neuron, ReadmeExamplesTest::neuronBackward)
                .input("w", new double[] {2, -3, -3})
                .input("x", new double[] {-1, -2})
                .check();
        assertThat(result).passes().hasMaxRelativeErrorBelow(1e-7);

        // by hand, as in the notes: the dot product is 2(-1) + (-3)(-2) - 3 = 1, sigma(1) = 0.731,
        // the local gradient (1 - 0.731) 0.731 = 0.197 reaches w as x times it and x as w times it
        double local = sigmoid(1) * (1 - sigmoid(1));
        assertThat(local).isCloseTo(0.19661193, within(1e-8));
        assertThat(analytic(result, "w", 0)).isEqualTo(-1 * local);
        assertThat(analytic(result, "w", 1)).isEqualTo(-2 * local);
        assertThat(analytic(result, "x", 1)).isEqualTo(-3 * local);
    }

    private static double analytic(GradCheckResult result, String input, int k) {
        ElementRecord r = result.input(input).orElseThrow().recordAt(List.of(k)).orElseThrow();
        return r.analytic();
    }

    // ---------------------------------------------------------------- README: the 20-line network

    static final int N = 8;
    static final int D_IN = 5;
    static final int H = 4;
    static final int D_OUT = 3;

    /** h = sigmoid(x w1); y_pred = h w2; loss = sum((y_pred - y)^2); inputs x, y, w1, w2 (row-major). */
    static double networkLoss(double[][] in) {
        double[] x = in[0];
        double[] y = in[1];
        double[] h = hidden(x, in[2]);
        double[] yPred = Foreign.matmul(h, in[3], N, H, D_OUT);
        double loss = 0;
        for (int i = 0; i < yPred.length; i++) {
            loss += (yPred[i] - y[i]) * (yPred[i] - y[i]);
        }
        return loss;
    }

    static double[] hidden(double[] x, double[] w1) {
        double[] h = Foreign.matmul(x, w1, N, D_IN, H);
        for (int i = 0; i < h.length; i++) {
            h[i] = 1 / (1 + Math.exp(-h[i]));
        }
        return h;
    }

    /** The notes' lines 14-17: grad_y_pred, grad_w2, grad_h, grad_w1 = x.T.dot(grad_h * h * (1 - h)). */
    static double[][] networkBackward(double[][] in) {
        double[] x = in[0];
        double[] y = in[1];
        double[] w2 = in[3];
        double[] h = hidden(x, in[2]);
        double[] yPred = Foreign.matmul(h, w2, N, H, D_OUT);
        double[] gradYPred = new double[yPred.length];
        for (int i = 0; i < yPred.length; i++) {
            gradYPred[i] = 2.0 * (yPred[i] - y[i]);
        }
        double[] gradW2 = Foreign.matmul(Foreign.transpose(h, N, H), gradYPred, H, N, D_OUT);
        double[] gradH = Foreign.matmul(gradYPred, Foreign.transpose(w2, H, D_OUT), N, D_OUT, H);
        double[] local = new double[gradH.length];
        for (int i = 0; i < local.length; i++) {
            local[i] = gradH[i] * h[i] * (1 - h[i]);
        }
        double[] gradW1 = Foreign.matmul(Foreign.transpose(x, N, D_IN), local, D_IN, N, H);
        return new double[][] {null, null, gradW1, gradW2};
    }

    @Test
    void theNotesTwentyLineNetwork() {
        Random random = new Random(7);
        GradCheckResult result = GradCheck.scalar(ReadmeExamplesTest::networkLoss, ReadmeExamplesTest::networkBackward)
                .input("x", gaussian(random, N * D_IN), N, D_IN)
                .input("y", gaussian(random, N * D_OUT), N, D_OUT)
                .input("w1", gaussian(random, D_IN * H), D_IN, H)
                .input("w2", gaussian(random, H * D_OUT), H, D_OUT)
                .exclude("x", "y")
                .check();
        assertThat(result).passes();
        assertThat(result.input("w1").orElseThrow().elementsChecked()).isEqualTo(D_IN * H);
        assertThat(result.input("x").orElseThrow().excluded()).isTrue();
    }

    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    @Test
    void theTwentyLineNetworkWithTheSigmoidGradientForgottenFails() {
        GradCheckResult result = GradCheck.scalar(ReadmeExamplesTest::networkLoss, in -> {
            double[][] g = networkBackward(in);
            // as if grad_w1 = x.T.dot(grad_h) had been written, forgetting h * (1 - h)
            double[] gradYPred = new double[N * D_OUT];
            double[] yPred = Foreign.matmul(hidden(in[0], in[2]), in[3], N, H, D_OUT);
            for (int i = 0; i < yPred.length; i++) {
                gradYPred[i] = 2.0 * (yPred[i] - in[1][i]);
            }
            double[] gradH = Foreign.matmul(gradYPred, Foreign.transpose(in[3], H, D_OUT), N, D_OUT, H);
            g[2] = Foreign.matmul(Foreign.transpose(in[0], N, D_IN), gradH, D_IN, N, H);
            return g;
        }).input("x", gaussian(new Random(1), N * D_IN), N, D_IN)
                .input("y", gaussian(new Random(2), N * D_OUT), N, D_OUT)
                .input("w1", gaussian(new Random(3), D_IN * H), D_IN, H)
                .input("w2", gaussian(new Random(4), H * D_OUT), H, D_OUT)
                .exclude("x", "y")
                .check();
        assertThat(result).fails();
        assertThat(result.input("w1").orElseThrow().statistics().failed()).isEqualTo(D_IN * H);
        assertThat(result.input("w2").orElseThrow().statistics().failed()).isZero();
    }

    static double[] gaussian(Random random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    // ---------------------------------------------------------------- README: autograd-core

    @Test
    void theSameNetworkThroughAutogradCore() {
        Tensor x = Tensor.randn(1, N, D_IN);
        Tensor y = Tensor.randn(2, N, D_OUT);
        Tensor w1 = Tensor.randn(3, D_IN, H);
        Tensor w2 = Tensor.randn(4, H, D_OUT);
        GradCheckResult result = GradCheck.of(v -> Losses.sumSquaredError(
                        v.get(0).matmul(v.get(1)).sigmoid().matmul(v.get(2)), v.get(3)))
                .input("x", x).input("w1", w1).input("w2", w2).input("y", y)
                .exclude("x", "y")
                .check();
        assertThat(result).passes().hasMaxRelativeErrorBelow(1e-6);

        assertGradientsOf(v -> v.get(0).matmul(v.get(1)).tanh().sum())
                .at(Variable.constant("x", x), Variable.leaf("w1", w1))
                .matchNumerical()
                .hasNoKinks();

        assertThat(GradCheck.of(v -> Losses.softmaxCrossEntropy(v.get(0).matmul(v.get(1)), new int[] {0, 2, 1, 1, 0, 2, 2, 1}))
                .input("x", x).input("w", Tensor.randn(5, D_IN, D_OUT)).exclude("x").mode(Mode.FAST).check())
                .passes();
    }
}
