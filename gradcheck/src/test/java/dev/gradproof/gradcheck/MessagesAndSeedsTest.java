package dev.gradproof.gradcheck;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.InputResult;
import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.gradcheck.model.Numbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import dev.gradproof.gradcheck.model.TestContext;
import org.junit.jupiter.api.Tag;

import static dev.gradproof.gradcheck.Foreign.gradientOf;
import static dev.gradproof.gradcheck.Foreign.sumOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The failure message, the replay line, and seeds: one seed, one result, whatever the thread count. */
class MessagesAndSeedsTest {

    /** sum(sigma(w1)) with w1[1][2] = 1, whose gradient is wrongly sigma instead of sigma(1 - sigma). */
    private static GradCheck wrongSigmoid() {
        double[] w1 = {0.5, -0.25, 2, -1, 0.75, 1};
        return GradCheck.scalar(in -> sumOf(in, Foreign::sigmoid), in -> gradientOf(in, Foreign::sigmoid))
                .input("w1", w1, 2, 3);
    }

    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    @Test
    void theFailureMessageIsOneTableOfTheWorstElementsThenTheSeedAndAReplayLine() {
        GradCheckResult result = wrongSigmoid().label("sigmoid").check();
        String message = result.failureMessage();
        // sigma(1) = 0.731 against the true derivative sigma(1)(1 - sigma(1)) = 0.197: rel (0.731 - 0.197) / 0.731
        assertThat(message).contains(
                "input 0 \"w1\" [2, 3] at [1, 2]: analytic 0.731 numerical 0.197 rel 7.3e-1 FAIL (|a - n| 5.3e-1 > tol ");
        String[] lines = message.split("\n");
        assertThat(lines[0]).startsWith("gradcheck \"sigmoid\" FAILED (FULL, eps 1.0e-6, 1 input, 6 elements checked: 6 FAIL");
        assertThat(lines).hasSize(1 + 6 + 1 + 2);
        assertThat(lines[7]).startsWith("  an error above ").endsWith(" (relative) in any compared element would have been caught");
        assertThat(lines[lines.length - 2]).isEqualTo("seed 42");
        assertThat(lines[lines.length - 1]).isEqualTo(
                "replay: GradCheck.scalar(value, gradient).input(\"w1\", w1).mode(Mode.FULL).seed(42L).check()");
        // worst first: the element with the largest error ratio leads the table
        assertThat(result.worstElements().get(0).record().errorRatio())
                .isGreaterThanOrEqualTo(result.worstElements().get(5).record().errorRatio());
    }

    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    @Test
    void theReplayLineNamesEveryNonDefaultOption() {
        GradCheckResult result = wrongSigmoid().mode(Mode.SAMPLED).samples(3).eps(1e-5).stencil(5).seed(7).check();
        assertThat(result.replay()).isEqualTo("GradCheck.scalar(value, gradient).input(\"w1\", w1)"
                + ".mode(Mode.SAMPLED).samples(3).eps(1.0E-5).stencil(5).seed(7L).check()");
        assertThat(result.failureMessage()).contains("seed 7\nreplay: ");
    }

    @Test
    void numbersAreFormattedCompactly() {
        assertThat(Numbers.sci(0.7306, 2)).isEqualTo("7.3e-1");
        assertThat(Numbers.sci(1.0e-6, 2)).isEqualTo("1.0e-6");
        assertThat(Numbers.sci(12345, 3)).isEqualTo("1.23e4");
        assertThat(Numbers.compact(0.73105857)).isEqualTo("0.731");
        assertThat(Numbers.compact(2000)).isEqualTo("2000");
        assertThat(Numbers.compact(1.97e-7)).isEqualTo("1.97e-7");
        assertThat(Numbers.compact(0)).isEqualTo("0");
        assertThat(Numbers.compact(Double.NaN)).isEqualTo("NaN");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void oneSeedGivesOneResultWhateverTheThreadCount(Mode mode) {
        Tensor x = Tensor.randn(11, 6, 7);
        GradCheckResult one = relu(x).mode(mode).seed(123).parallelism(1).check();
        for (int threads : new int[] {2, 3, 8}) {
            GradCheckResult many = relu(x).mode(mode).seed(123).parallelism(threads).check();
            assertThat(many.inputs()).usingRecursiveComparison().isEqualTo(one.inputs());
            assertThat(many.directions()).usingRecursiveComparison().isEqualTo(one.directions());
            assertThat(many.statistics()).isEqualTo(one.statistics());
        }
    }

    @Test
    void anotherSeedSamplesOtherElements() {
        Tensor x = Tensor.randn(12, 20, 20);
        List<String> verdicts = new java.util.ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            verdicts.add(relu(x).mode(Mode.SAMPLED).seed(seed).check().inputs().get(0).verdicts());
        }
        assertThat(verdicts).doesNotHaveDuplicates();
    }

    @Test
    void theSeedPropertyReplacesTheDefaultSeed() {
        String before = System.getProperty(GradCheck.SEED_PROPERTY);
        try {
            System.setProperty(GradCheck.SEED_PROPERTY, "99");
            assertThat(relu(Tensor.randn(1, 3)).check().seed()).isEqualTo(99);
            assertThat(relu(Tensor.randn(1, 3)).seed(5).check().seed()).isEqualTo(5);
        } finally {
            if (before == null) {
                System.clearProperty(GradCheck.SEED_PROPERTY);
            } else {
                System.setProperty(GradCheck.SEED_PROPERTY, before);
            }
        }
        assertThat(relu(Tensor.randn(1, 3)).check().seed()).isEqualTo(GradCheck.DEFAULT_SEED);
    }

    private static GradCheck relu(Tensor x) {
        return GradCheck.of(v -> v.get(0).tanh().relu().mul(v.get(0)).sum()).input("x", x);
    }

    @Test
    void everyInputReportsShapeElementsAndStatistics() {
        GradCheckResult result = GradCheck.of(v -> v.get(0).matmul(v.get(1)).sigmoid().sum())
                .input("a", Tensor.randn(1, 2, 3)).input("b", Tensor.randn(2, 3, 4)).check();
        InputResult b = result.input("b").orElseThrow();
        assertThat(b.shape()).containsExactly(3, 4);
        assertThat(b.elements()).isEqualTo(12);
        assertThat(b.elementsChecked()).isEqualTo(12);
        assertThat(b.relativeErrors()).hasSize(12).doesNotContainNull();
        assertThat(b.verdicts()).isEqualTo("PPPPPPPPPPPP");
        assertThat(b.statistics().checked()).isEqualTo(12);
        assertThat(b.statistics().p99RelativeError()).isLessThanOrEqualTo(b.statistics().maxRelativeError());
        assertThat(b.statistics().medianRelativeError()).isLessThanOrEqualTo(b.statistics().p99RelativeError());
        assertThat(result.tolerances().eps()).isEqualTo(1e-6);
        assertThat(result.statistics().checked()).isEqualTo(18);
    }
}
