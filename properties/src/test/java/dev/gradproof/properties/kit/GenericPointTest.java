package dev.gradproof.properties.kit;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.properties.core.AutogradCoreAdapter;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.graph.GraphRewrites;
import dev.gradproof.properties.graph.GraphSpec;
import dev.gradproof.properties.graph.Identity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why the kit compares two graphs of one function at a generic point: at the exact tie a jqwik run
 * found, the graphs round to different sides of a kink.
 */
class GenericPointTest {

    /** {@code sum(maximum(tanh(x), c))} with the constant {@code c = tanh(x0)}: a tie at x = x0. */
    private static GraphSpec tieWithTanh(double x0) {
        GraphSpec.Builder b = GraphSpec.builder();
        int x = b.leaf("x", Tensor.vector(x0));
        int c = b.constant("c", Tensor.vector(Math.tanh(x0)));
        return b.build(b.apply(OpCall.of(Ops.SUM), b.apply(OpCall.of(Ops.MAXIMUM), b.apply(OpCall.of(Ops.TANH), x), c)));
    }

    private static double gradient(GraphSpec graph) {
        DenseArray g = graph.evaluate(new AutogradCoreAdapter()).backward().grad(graph.gradLeafIndices().get(0));
        return g.data()[0];
    }

    /** The first x0 on a grid where 2 sigmoid(2 x0) - 1 rounds below tanh(x0), so the rewritten graph loses the tie. */
    private static double whereTheRewriteRoundsBelow() {
        for (int k = 1; k < 1000; k++) {
            double x0 = k / 100.0;
            if (gradient(GraphRewrites.rewrite(tieWithTanh(x0), Identity.TANH)) == 0) {
                return x0;
            }
        }
        throw new AssertionError("no grid point where 2 sigmoid(2x) - 1 rounds below tanh(x)");
    }

    @Test
    void atAnExactTieTheRewrittenGraphCanTakeTheOtherBranch() {
        double x0 = whereTheRewriteRoundsBelow();
        GraphSpec graph = tieWithTanh(x0);
        // the tie goes to the first argument, tanh: slope 1 - tanh^2; the rewritten value rounds
        // below c, so c wins and x gets nothing: two valid subgradients, not one gradient
        assertThat(gradient(graph)).as("x0 = %s", x0).isEqualTo(1 - Math.tanh(x0) * Math.tanh(x0));
        assertThat(gradient(GraphRewrites.rewrite(graph, Identity.TANH))).isEqualTo(0.0);
    }

    @Test
    void nearTheTieBothGraphsHaveOneGradient() {
        GraphSpec tie = tieWithTanh(whereTheRewriteRoundsBelow());
        for (long seed = 1; seed <= 20; seed++) {
            GraphSpec graph = GenericPoint.near(tie, seed);
            double expected = gradient(graph);
            assertThat(gradient(GraphRewrites.rewrite(graph, Identity.TANH))).as("seed %d", seed)
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
        }
    }
}
