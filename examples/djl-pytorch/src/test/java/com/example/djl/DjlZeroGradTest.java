package com.example.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import dev.gradproof.properties.engine.DenseArray;
import dev.gradproof.properties.engine.OpCall;
import dev.gradproof.properties.engine.Ops;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The adapter's zeroGrad leaves exact zeros, also after a gradient that was infinite. */
class DjlZeroGradTest {

    @Test
    void zeroGradClearsAnInfiniteGradientToZero() {
        try (DjlAdapter djl = new DjlAdapter()) {
            NDArray x = djl.leaf("x", new DenseArray(new double[] {0, 4}, new int[] {2}));
            NDArray root = djl.apply(OpCall.of(Ops.SQRT), List.of(x));
            djl.backward(djl.apply(OpCall.of(Ops.SUM), List.of(root)), null);
            // d sqrt(x) / dx = 1 / (2 sqrt(x)): infinite at 0, 1/4 at 4
            assertThat(djl.grad(x).data()).containsExactly(Double.POSITIVE_INFINITY, 0.25);

            djl.zeroGrad(x);

            assertThat(djl.grad(x).data()).containsExactly(0.0, 0.0);   // not NaN, as inf - inf would leave
        }
    }
}
