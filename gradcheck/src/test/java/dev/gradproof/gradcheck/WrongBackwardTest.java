package dev.gradproof.gradcheck;

import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.gradcheck.model.SanityCheck;
import dev.gradproof.gradcheck.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import dev.gradproof.gradcheck.model.TestContext;
import org.junit.jupiter.api.Tag;

import static dev.gradproof.gradcheck.Foreign.gradientOf;
import static dev.gradproof.gradcheck.Foreign.sigmoid;
import static dev.gradproof.gradcheck.Foreign.sumOf;
import static dev.gradproof.gradcheck.Foreign.uniform;
import static dev.gradproof.gradcheck.assertj.GradProofAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliberately wrong backward passes, written as foreign code over plain arrays: each must fail in
 * FULL, FAST and SAMPLED mode (except the one wrong in a single element of 10,000, which a sample of
 * ten elements cannot be expected to hit).
 */
@Tag(TestContext.EXPECTED_FAILURE_TAG)
class WrongBackwardTest {

    private static final double ALPHA = 1.5;
    private static final double LEAKY = 0.01;

    /** A wrong backward: a fresh check of it, and whether SAMPLED must catch it too. */
    record Wrong(String name, Supplier<GradCheck> check, boolean sampled) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Wrong> cases() {
        List<Wrong> cases = new ArrayList<>();
        double[] x = uniform(1, 12, -3, 3);
        cases.add(new Wrong("sigmoid gradient sigma instead of sigma(1 - sigma)",
                () -> GradCheck.scalar(in -> sumOf(in, Foreign::sigmoid), in -> gradientOf(in, Foreign::sigmoid))
                        .input("x", x), true));
        cases.add(new Wrong("tanh gradient 1 - tanh instead of 1 - tanh^2",
                () -> GradCheck.scalar(in -> sumOf(in, Math::tanh), in -> gradientOf(in, v -> 1 - Math.tanh(v)))
                        .input("x", x), true));
        cases.add(new Wrong("ELU gradient alpha (e^x - 1) instead of alpha e^x for x < 0",
                () -> GradCheck.scalar(in -> sumOf(in, v -> v >= 0 ? v : ALPHA * Math.expm1(v)),
                        in -> gradientOf(in, v -> v >= 0 ? 1 : ALPHA * Math.expm1(v))).input("x", x), true));
        cases.add(new Wrong("Leaky ReLU slope 0.1 instead of 0.01",
                () -> GradCheck.scalar(in -> sumOf(in, v -> v >= 0 ? v : LEAKY * v),
                        in -> gradientOf(in, v -> v >= 0 ? 1 : 0.1)).input("x", x), true));
        cases.add(new Wrong("matmul gradient with the transpose on the wrong side", WrongBackwardTest::wrongMatmul, true));
        cases.add(new Wrong("gradient overwritten instead of accumulated at a fork",
                // f(x) = x sigma(x): x forks into the product and the sigmoid; the second branch's
                // gradient overwrites the first instead of adding to it
                () -> GradCheck.scalar(in -> sumOf(in, v -> v * sigmoid(v)),
                        in -> gradientOf(in, v -> v * sigmoid(v) * (1 - sigmoid(v)))).input("x", x), true));
        cases.add(new Wrong("gradient wrong in a single element of a 100x100 input", WrongBackwardTest::singleElement,
                false));
        cases.add(new Wrong("relative bias of 1e-6 in the sigmoid's gradient",
                () -> GradCheck.scalar(in -> sumOf(in, Foreign::sigmoid),
                        in -> gradientOf(in, v -> sigmoid(v) * (1 - sigmoid(v)) * (1 + 1e-6))).input("x", x), true));
        cases.add(new Wrong("NaN in one element", () -> GradCheck.scalar(in -> sumOf(in, Math::tanh), in -> {
            double[][] g = gradientOf(in, v -> 1 - Math.tanh(v) * Math.tanh(v));
            g[0][7] = Double.NaN;
            return g;
        }).input("x", x), true));
        cases.add(new Wrong("gradient of the wrong shape", () -> GradCheck.scalar(
                in -> sumOf(in, Math::tanh), in -> new double[][] {new double[5]}).input("w1", x, 2, 6), true));
        cases.add(new Wrong("backward ignores the upstream gradient", () -> GradCheck.vector(
                in -> Foreign.map(in[0], Math::tanh),
                (in, upstream) -> new double[][] {Foreign.map(in[0], v -> 1 - Math.tanh(v) * Math.tanh(v))})
                .input("x", x), true));
        return cases;
    }

    /** Y = X W with square matrices; the backward puts the transposes on the wrong side. */
    private static GradCheck wrongMatmul() {
        int n = 3;
        return GradCheck.vector(in -> Foreign.matmul(in[0], in[1], n, n, n), (in, g) -> new double[][] {
            // right: dX = G W^T and dW = X^T G; wrong: W^T G and G X^T (same shapes, square)
            Foreign.matmul(Foreign.transpose(in[1], n, n), g, n, n, n),
            Foreign.matmul(g, Foreign.transpose(in[0], n, n), n, n, n)})
                .input("X", uniform(2, 9, -2, 2), n, n).input("W", uniform(3, 9, -2, 2), n, n);
    }

    /** f(w) = sum(w^3 / 3 - w), gradient w^2 - 1, except at [37, 58] where it is 2w (the second derivative). */
    private static GradCheck singleElement() {
        return GradCheck.scalar(in -> sumOf(in, v -> v * v * v / 3 - v), in -> {
            double[][] g = gradientOf(in, v -> v * v - 1);
            g[0][37 * 100 + 58] = 2 * in[0][37 * 100 + 58];
            return g;
        }).input("w", uniform(4, 10_000, -2, 2), 100, 100);
    }

    static Stream<Arguments> everyCaseInEveryMode() {
        List<Arguments> args = new ArrayList<>();
        for (Wrong w : cases()) {
            for (Mode mode : Mode.values()) {
                if (mode != Mode.SAMPLED || w.sampled()) {
                    args.add(Arguments.of(w, mode));
                }
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} fails in {1}")
    @MethodSource("everyCaseInEveryMode")
    void wrongBackwardFails(Wrong wrong, Mode mode) {
        GradCheckResult result = wrong.check().get().mode(mode).label(wrong.name()).check();
        assertThat(result).fails();
        assertThat(result.failureMessage()).contains("FAILED", "seed 42", "replay: ");
    }

    @Test
    void theSingleWrongElementIsNamedInFullMode() {
        GradCheckResult result = singleElement().check();
        assertThat(result).fails().hasFailureAt("w", 37, 58);
        assertThat(result.statistics().failed()).isEqualTo(1);
        assertThat(result.inputs().get(0).verdicts().chars().filter(c -> c == 'F').count()).isEqualTo(1);
        assertThat(result.failureMessage()).contains("input 0 \"w\" [100, 100] at [37, 58]: analytic ");
    }

    @Test
    void wrongShapeNamesInputExpectedAndActualShape() {
        GradCheckResult result = cases().stream().filter(w -> w.name().contains("wrong shape")).findFirst()
                .orElseThrow().check().get().check();
        assertThat(result).hasFinding(SanityCheck.GRADIENT_SHAPE);
        assertThat(result.failureMessage())
                .contains("input 0 \"w1\" [2, 6]: the gradient has 5 elements, expected shape [2, 6] (12 elements)");
    }

    @Test
    void nanSaysWhichElementAndThatItIsTheAnalyticGradient() {
        GradCheckResult result = cases().stream().filter(w -> w.name().startsWith("NaN")).findFirst()
                .orElseThrow().check().get().check();
        assertThat(result).hasFinding(SanityCheck.FINITE_ANALYTIC).hasFailureAt("x", 7);
        assertThat(result.failureMessage()).contains("the analytic gradient of input 0 \"x\" [12] is NaN at [7]");
        assertThat(result.inputs().get(0).verdictAt(7)).isEqualTo(Verdict.FAIL);
    }

    @Test
    void ignoringTheUpstreamIsNamedByTheZeroUpstreamCheck() {
        GradCheckResult result = cases().stream().filter(w -> w.name().contains("ignores")).findFirst()
                .orElseThrow().check().get().check();
        assertThat(result).hasFinding(SanityCheck.ZERO_UPSTREAM);
    }

    @Test
    void theBiasOfOneInAMillionIsCaughtAtEveryElement() {
        GradCheckResult result = cases().stream().filter(w -> w.name().startsWith("relative bias")).findFirst()
                .orElseThrow().check().get().check();
        assertThat(result.statistics().failed()).isEqualTo(12);
        assertThat(result.statistics().maxRelativeError()).isBetween(0.5e-6, 2e-6);
    }
}
