package dev.gradproof.gradcheck;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.model.GradCheckResult;
import org.junit.jupiter.api.Test;
import dev.gradproof.gradcheck.model.TestContext;
import org.junit.jupiter.api.Tag;

import static dev.gradproof.gradcheck.assertj.GradProofAssertions.assertGradientsOf;
import static dev.gradproof.gradcheck.assertj.GradProofAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The AssertJ entry point and its messages. */
class AssertionsTest {

    private static final Tensor X = Tensor.uniform(71, -2, 2, 4);

    private static GradCheck biasedTanh(double bias) {
        return GradCheck.scalar(in -> Foreign.sumOf(in, Math::tanh),
                in -> Foreign.gradientOf(in, v -> (1 - Math.tanh(v) * Math.tanh(v)) * (1 + bias))).input("w", X);
    }

    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    @Test
    void passesFailsWithTheTableAndTheReplayLine() {
        GradCheckResult failing = biasedTanh(0.1).check();
        assertThatThrownBy(() -> assertThat(failing).passes()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("input 0 \"w\" [4] at [")
                .hasMessageContaining("seed 42")
                .hasMessageContaining("replay: GradCheck.scalar(value, gradient).input(\"w\", w)");
        assertThat(failing).fails();
        assertThatThrownBy(() -> assertThat(biasedTanh(0).check()).fails())
                .hasMessageContaining("Expected the gradient check to fail, but it is PASSED");
    }

    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    @Test
    void theLargestRelativeErrorIsAssertedWithTheWorstElementNamed() {
        assertThat(biasedTanh(0).check()).hasMaxRelativeErrorBelow(1e-7);
        assertThatThrownBy(() -> assertThat(biasedTanh(1e-5).check()).hasMaxRelativeErrorBelow(1e-7))
                .hasMessageMatching("(?s)Expected the largest relative error to be below 1\\.0E-7 but it is (9\\.99|1\\.00)\\d*E-[56].*")
                .hasMessageContaining("input 0 \"w\" [4] at [");
    }

    @Test
    void kinksAreAssertedByInputAndIndex() {
        GradCheckResult relu = GradCheck.of(v -> v.get(0).relu().sum()).input("x", new double[] {1, 0, -1}).check();
        assertThat(relu).hasKinkAt("x", 1).hasKinkAt(0, 1).hasKinkIn("relu");
        assertThatThrownBy(() -> assertThat(relu).hasKinkAt("x", 0))
                .hasMessageContaining("Expected KINK at [0] of input \"x\" [3] but it was PASS");
        assertThatThrownBy(() -> assertThat(relu).hasKinkAt("y", 0))
                .hasMessageContaining("The result has no input \"y\"; its inputs are [x]");
        assertThatThrownBy(() -> assertThat(relu).hasKinkAt("x", 0, 0))
                .hasMessageContaining("Index [0, 0] has rank 2 but input \"x\" has shape [3]");
        assertThatThrownBy(() -> assertThat(relu).hasNoKinks()).hasMessageContaining("Expected no kinks but 1");
        assertThatThrownBy(() -> assertThat(relu).hasKinkIn("maximum"))
                .hasMessageContaining("Expected a KINK in \"maximum\" but found kinks in [relu]");
    }

    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    @Test
    void theOneCallFormPassesAndFailsWithItsOwnReplayLine() {
        Variable w = Variable.leaf("w", X);
        assertGradientsOf(v -> v.get(0).tanh().sum()).at(w).matchNumerical().hasMaxRelativeErrorBelow(1e-7);
        assertThatThrownBy(() -> assertGradientsOf(v -> v.get(0).tanh().sum().add(v.get(0).reciprocal().sum()))
                .at(Variable.leaf("w", Tensor.vector(1e-9, 1))).matchNumerical())
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertGradientsOf(biasedTanh(0.1)).withSeed(9).matchNumerical())
                .hasMessageContaining("replay: assertGradientsOf(check).mode(Mode.FULL).seed(9L).matchNumerical()");
        assertGradientsOf(biasedTanh(0)).labelled("tanh").matchNumerical();
    }
}
