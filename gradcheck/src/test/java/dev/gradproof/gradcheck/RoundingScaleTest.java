package dev.gradproof.gradcheck;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.gradcheck.model.GradCheckResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static dev.gradproof.gradcheck.assertj.GradProofAssertions.assertThat;

/**
 * Correct functions whose small outputs come from much larger intermediate values: the rounding of
 * the intermediates, not of the output, limits the finite differences, and the tolerance must know
 * it (from the adjoints of the graph) instead of raising a false alarm.
 */
class RoundingScaleTest {

    @ParameterizedTest
    @ValueSource(doubles = {7.559999999999988, 8.25, 9.5, 11.0})
    void theSecondDerivativeOfTanhNearSaturationPasses(double x) {
        // d/dx tanh = 1 - y^2 cancels to about 4 e^-2x while y^2 is about 1
        assertThat(GradCheck.gradgrad(v -> v.get(0).tanh()).input("x", x).check()).passes();
    }

    @Test
    void theSecondDerivativeOfSigmoidNearSaturationPasses() {
        assertThat(GradCheck.gradgrad(v -> v.get(0).sigmoid()).input("x", 13.799999999999994).check()).passes();
    }

    @Test
    void logSoftmaxOfWidelySpreadLogitsPasses() {
        GradCheckResult result = GradCheck.of(v -> v.get(0).logSoftmax(1))
                .input("x", Tensor.matrix(new double[][] {{0, -40, -45}})).check();
        assertThat(result).passes();
    }
}
