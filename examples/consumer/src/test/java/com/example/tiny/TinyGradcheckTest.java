package com.example.tiny;

import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.Verdict;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static dev.gradproof.gradcheck.assertj.GradProofAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tiny engine's backward passes checked with gradcheck's API for foreign code: two lambdas over
 * plain arrays, one computing the value with the engine and one reading the gradients it
 * backpropagates. gradcheck knows nothing of {@link Node}.
 */
class TinyGradcheckTest {

    /** The value and gradients of {@code f} built from leaves holding the inputs (each a vector). */
    private static GradCheck check(Function<Node[], Node> f, int[]... shapes) {
        return GradCheck.scalar(
                in -> f.apply(leaves(in, shapes)).data()[0],
                in -> {
                    Node[] leaves = leaves(in, shapes);
                    f.apply(leaves).backward();
                    double[][] grads = new double[leaves.length][];
                    for (int i = 0; i < leaves.length; i++) {
                        grads[i] = leaves[i].grad();
                    }
                    return grads;
                });
    }

    private static Node[] leaves(double[][] in, int[]... shapes) {
        Node[] leaves = new Node[in.length];
        for (int i = 0; i < in.length; i++) {
            leaves[i] = Node.leaf(in[i], shapes[i]);
        }
        return leaves;
    }

    @Test
    void theNotesNeuronWithATanh() {
        // f(w, x) = tanh(w0 x0 + w1 x1 + w2): w [3] times x extended with a 1 for the bias
        GradCheckResult result = check(n -> n[0].mul(n[1]).sum().tanh(), new int[] {3}, new int[] {3})
                .input("w", new double[] {2, -3, -3})
                .input("x", new double[] {-1, -2, 1})
                .exclude("x")
                .label("tiny: the notes' neuron, tanh")
                .check();

        assertThat(result).passes().hasMaxRelativeErrorBelow(1e-7);
    }

    @Test
    void aLayerWithBroadcastingPassesEveryElement() {
        // sum(tanh(x * w + b)) with x [4, 3], w [3] and b [3] broadcast over the rows
        GradCheckResult result = check(n -> n[0].mul(n[1]).add(n[2]).tanh().sum(),
                new int[] {4, 3}, new int[] {3}, new int[] {3})
                .input("x", new double[] {0.5, -1, 2, 1.5, 0.25, -0.75, -2, 1, 0.1, 0.3, -0.4, 0.9}, 4, 3)
                .input("w", new double[] {0.2, -0.5, 0.7})
                .input("b", new double[] {0.1, 0, -0.1})
                .label("tiny: a broadcast layer")
                .check();

        assertThat(result).passes();
        assertThat(result.statistics().checked()).isEqualTo(12 + 3 + 3);
    }

    @Test
    void reluAtItsKinkIsAKinkNotAFailure() {
        GradCheckResult result = check(n -> n[0].relu().sum(), new int[] {3})
                .input("x", new double[] {-1, 0, 2})
                .label("tiny: relu at 0")
                .check();

        assertThat(result).passes();
        assertThat(result.input("x").orElseThrow().verdictAt(1)).isEqualTo(Verdict.KINK);
    }

    @Test
    void aWrongBackwardIsCaught() {
        // the classic mistake: forgetting the chain rule through tanh (gradient 1 instead of 1 - tanh^2)
        GradCheckResult result = GradCheck.scalar(
                        in -> Math.tanh(in[0][0] * in[1][0]),
                        in -> new double[][] {{in[1][0]}, {in[0][0]}})
                .input("w", 0.8).input("x", 1.5)
                .record(false)
                .check();

        assertThat(result.passed()).isFalse();
    }
}
