package dev.gradproof.autograd.examples;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The autograd version of the notes' 20-line network against the notes' own hand-written backward
 * pass (lines 14-17 of the slide), which serves as the closed-form oracle.
 */
class TwoLayerNetworkTest {

    /** The notes' flat backward, transcribed line by line with plain tensor arithmetic. */
    private static Tensor[] notesBackward(Tensor x, Tensor y, Tensor w1, Tensor w2) {
        Tensor h = x.matmul(w1).map(v -> 1 / (1 + Math.exp(-v)));        // h = 1 / (1 + np.exp(-x.dot(w1)))
        Tensor yPred = h.matmul(w2);                                     // y_pred = h.dot(w2)
        Tensor gradYPred = yPred.minus(y).times(2.0);                    // grad_y_pred = 2.0 * (y_pred - y)
        Tensor gradW2 = h.permute(1, 0).matmul(gradYPred);               // grad_w2 = h.T.dot(grad_y_pred)
        Tensor gradH = gradYPred.matmul(w2.permute(1, 0));               // grad_h = grad_y_pred.dot(w2.T)
        Tensor oneMinusH = h.map(v -> 1 - v);
        Tensor gradW1 = x.permute(1, 0).matmul(gradH.times(h).times(oneMinusH)); // grad_w1 = x.T.dot(grad_h * h * (1 - h))
        return new Tensor[] {gradW1, gradW2};
    }

    @ParameterizedTest(name = "N={1} D_in={2} H={3} D_out={4}")
    @CsvSource({"7, 8, 20, 5, 3", "11, 64, 1000, 100, 10"})
    void autogradGradientsEqualTheNotesHandWrittenBackward(long seed, int n, int dIn, int h, int dOut) {
        TwoLayerNetwork net = new TwoLayerNetwork(seed, n, dIn, h, dOut);
        Variable loss = net.loss();
        loss.backward();

        Tensor[] expected = notesBackward(net.x(), net.y(), net.w1().value(), net.w2().value());
        assertClose(net.w1().grad(), expected[0]);
        assertClose(net.w2().grad(), expected[1]);
    }

    @Test
    void lossIsTheSumOfSquaredErrorsOfTheForwardPass() {
        TwoLayerNetwork net = new TwoLayerNetwork(3, 4, 6, 5, 2);
        Tensor h = net.x().matmul(net.w1().value()).map(v -> 1 / (1 + Math.exp(-v)));
        Tensor diff = h.matmul(net.w2().value()).minus(net.y());
        double expected = diff.times(diff).sumAsDouble();
        assertThat(net.loss().value().item()).isCloseTo(expected, within(1e-12 * expected));
    }

    @Test
    void aStepMovesEachWeightAgainstItsGradientByTheLearningRate() {
        TwoLayerNetwork net = new TwoLayerNetwork(5, 4, 6, 5, 2);
        Tensor w1 = net.w1().value();
        Tensor w2 = net.w2().value();
        Tensor[] grads = notesBackward(net.x(), net.y(), w1, w2);

        net.step();

        assertClose(net.w1().value(), w1.minus(grads[0].times(TwoLayerNetwork.LEARNING_RATE)));
        assertClose(net.w2().value(), w2.minus(grads[1].times(TwoLayerNetwork.LEARNING_RATE)));
        assertThat(net.w1().grad()).isEqualTo(Tensor.zeros(w1.shape()));
    }

    @Test
    void trainingPrintsTheLossAsItFalls() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        double[] losses = new TwoLayerNetwork(0)
                .train(200, 100, new PrintStream(buffer, true, StandardCharsets.UTF_8));

        assertThat(losses[199]).isLessThan(losses[0] / 10);
        for (int t = 1; t < losses.length; t++) {
            assertThat(losses[t]).as("loss at step %d", t).isLessThanOrEqualTo(losses[t - 1]);
        }
        assertThat(buffer.toString(StandardCharsets.UTF_8).lines())
                .hasSize(3)
                .first().asString().startsWith("step    0  loss ");
    }

    private static void assertClose(Tensor actual, Tensor expected) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        double scale = 0;
        for (double v : expected.toArray()) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.getFlat(i)).as("element %d", i)
                    .isCloseTo(expected.getFlat(i), within(1e-12 * scale));
        }
    }
}
