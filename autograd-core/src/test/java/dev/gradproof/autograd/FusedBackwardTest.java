package dev.gradproof.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The first-order backward of matmul (transposes read in place), sigmoid and tanh (one fused loop
 * each) give bit for bit the gradients of their differentiable form, the one {@code createGraph}
 * records: both sum every element's products in the same order and multiply in the same order.
 */
class FusedBackwardTest {

    @ParameterizedTest(name = "{0} x {1} @ {1} x {2}, seed {3}")
    @CsvSource({"3, 4, 5, 11", "8, 50, 20, 12", "64, 100, 30, 13", "130, 70, 90, 14"})
    void matmulSigmoidAndTanhBackwardMatchTheirRecordedForm(int m, int k, int n, long seed) {
        Variable x = Variable.leaf("x", Tensor.randn(seed, m, k));
        Variable w = Variable.leaf("w", Tensor.randn(seed + 1, k, n));
        Variable loss = x.matmul(w).sigmoid().tanh().square().sum();

        List<Variable> fused = Autograd.grad(loss, List.of(x, w), false);
        List<Variable> recorded = Autograd.grad(loss, List.of(x, w), true);

        for (int i = 0; i < 2; i++) {
            assertThat(bits(fused.get(i).value())).as("gradient " + i + ", seed " + seed)
                    .isEqualTo(bits(recorded.get(i).value()));
        }
    }

    private static long[] bits(Tensor t) {
        return Arrays.stream(t.toArray()).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
