package dev.gradproof.properties.kit;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;
import dev.gradproof.properties.graph.GraphSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kit's independent broadcasting oracle, by hand, and its failure messages. */
class ReferenceAndCheckTest {

    private static final double[] M = {1, 2, 3, 4, 5, 6};   // [[1, 2, 3], [4, 5, 6]]

    @Test
    void reducesByHand() {
        assertThat(Reference.reduce(M, new int[] {2, 3}, new int[] {3})).containsExactly(5, 7, 9);
        assertThat(Reference.reduce(M, new int[] {2, 3}, new int[] {1, 3})).containsExactly(5, 7, 9);
        assertThat(Reference.reduce(M, new int[] {2, 3}, new int[] {2, 1})).containsExactly(6, 15);
        assertThat(Reference.reduce(M, new int[] {2, 3}, new int[0])).containsExactly(21);
        assertThat(Reference.reduce(new double[0], new int[] {0, 3}, new int[] {3})).containsExactly(0, 0, 0);
        assertThat(Reference.foldCount(new int[] {2, 3}, new int[] {3})).isEqualTo(2);
    }

    @Test
    void broadcastsByHand() {
        assertThat(Reference.broadcast(new double[] {1, 2, 3}, new int[] {3}, new int[] {2, 3}))
                .containsExactly(1, 2, 3, 1, 2, 3);
        assertThat(Reference.broadcast(new double[] {7, 8}, new int[] {2, 1}, new int[] {2, 3}))
                .containsExactly(7, 7, 7, 8, 8, 8);
        assertThat(Reference.broadcastShape(new int[] {2, 1}, new int[] {3})).containsExactly(2, 3);
        assertThatThrownBy(() -> Reference.broadcastShape(new int[] {2}, new int[] {3}))
                .hasMessage("shapes do not broadcast: [2] and [3]");
    }

    @Test
    void aFailureNamesTheInvariantVariableIndexAndGraph() {
        GraphSpec.Builder b = GraphSpec.builder();
        int x = b.leaf("x0", Tensor.zeros(2, 2));
        GraphSpec spec = b.build(b.apply(OpCall.of(Ops.SUM), x));
        DenseArray got = new DenseArray(new double[] {1, 2, 3, 5}, new int[] {2, 2});
        assertThatThrownBy(() -> Check.close("fork accumulation", "x0", got, new double[] {1, 2, 3, 4},
                new int[] {2, 2}, Tolerance.elementwise(4, new double[] {1, 2, 3, 4}), spec))
                .hasMessage("fork accumulation: x0 [2, 2]: 1 of 4 elements differ\n"
                        + "    at [1, 1]: got 5.0, expected 4.0 (allowed error 1.8e-15)\n"
                        + "  in graph (2 nodes): sum(x0[2,2])");
        assertThatThrownBy(() -> Check.shape("gradient shape", "b", got, new int[] {2}, spec))
                .hasMessageStartingWith("gradient shape: gradient of b has shape [2, 2] but the variable has shape [2]");
    }

    @Test
    void nanNeverPasses() {
        DenseArray nan = DenseArray.scalar(Double.NaN);
        assertThatThrownBy(() -> Check.close("x", "v", nan, new double[] {Double.NaN}, new int[0],
                Tolerance.normwise(1, 1), "case")).hasMessageContaining("got NaN, expected NaN");
        assertThatThrownBy(() -> Check.finite("x", "v", nan, "case")).hasMessageContaining("has NaN at []");
        assertThatCode(() -> Check.close("x", "v", DenseArray.scalar(1.0), new double[] {1.0}, new int[0],
                (a, e) -> new double[1], "case")).doesNotThrowAnyException();
    }
}
