package dev.gradproof.gradcheck;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.gradcheck.engine.GradCheckException;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.gradcheck.model.SanityCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import dev.gradproof.gradcheck.model.TestContext;
import org.junit.jupiter.api.Tag;

import static dev.gradproof.gradcheck.Foreign.gradientOf;
import static dev.gradproof.gradcheck.Foreign.sumOf;
import static dev.gradproof.gradcheck.assertj.GradProofAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks besides the derivatives, as PyTorch makes them and more. */
@Tag(TestContext.EXPECTED_FAILURE_TAG)
class SanityChecksTest {

    private static final double[] X = {0.3, -1.2, 0.8, 2.0};

    @Test
    void perturbedInputsAreRestoredEvenWhenTheFunctionThrows() {
        double[] given = X.clone();
        List<double[]> seen = Collections.synchronizedList(new ArrayList<>());
        List<double[]> whenSeen = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger calls = new AtomicInteger();
        GradCheck check = GradCheck.scalar(in -> {
            seen.add(in[0]);
            whenSeen.add(in[0].clone());
            if (calls.incrementAndGet() == 20) {
                throw new IllegalStateException("boom");
            }
            return sumOf(in, Math::tanh);
        }, in -> gradientOf(in, v -> 1 - Math.tanh(v) * Math.tanh(v))).input("x", given).parallelism(1);
        GradCheckResult result = check.check();
        assertThat(result).fails();
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(SanityCheck.FUNCTION_COMPLETES);
            assertThat(f.message()).contains("the function threw at input 0 \"x\" [4] at [")
                    .contains("java.lang.IllegalStateException: boom");
        });
        assertThat(given).containsExactly(X);
        // a perturbed array is either restored (one element probed at a time) or a new one for that probe alone,
        // never written after the call (the noise line's points)
        for (int c = 0; c < seen.size(); c++) {
            double[] after = seen.get(c);
            assertThat(Arrays.equals(after, X) || Arrays.equals(after, whenSeen.get(c)))
                    .as("call %d saw %s, now %s", c, Arrays.toString(whenSeen.get(c)),
                            Arrays.toString(after))
                    .isTrue();
        }
    }

    @Test
    void anOutOfMemoryErrorWhileTheNoiseIsMeasuredIsARecordedFailure() {
        AtomicInteger calls = new AtomicInteger();
        GradCheckResult result = GradCheck.scalar(in -> {
            if (calls.incrementAndGet() == 6) {   // the point, two repeats, then the noise line's points
                throw new OutOfMemoryError("Java heap space");
            }
            return sumOf(in, Math::tanh);
        }, in -> gradientOf(in, v -> 1 - Math.tanh(v) * Math.tanh(v))).input("x", X).mode(Mode.FAST).parallelism(1)
                .check();

        assertThat(result).fails();
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(SanityCheck.FUNCTION_COMPLETES);
            assertThat(f.message()).contains("a point of the noise line", "java.lang.OutOfMemoryError: Java heap space");
        });
    }

    @Test
    void aFunctionThatMutatesItsInputsIsReported() {
        GradCheckResult result = GradCheck.scalar(in -> {
            double s = sumOf(in, Math::tanh);
            in[0][2] = 99;
            return s;
        }, in -> gradientOf(in, v -> 1 - Math.tanh(v) * Math.tanh(v))).input("x", X).parallelism(1).check();
        assertThat(result).fails().hasFinding(SanityCheck.INPUTS_NOT_MUTATED);
        assertThat(result.failureMessage()).contains("forward changed input 0 \"x\" [4] at [2]: 0.8 became 99.0");
    }

    @Test
    void aBackwardThatMutatesTheUpstreamIsReported() {
        GradCheckResult result = GradCheck.vector(in -> Foreign.map(in[0], Math::tanh), (in, up) -> {
            double[] g = new double[up.length];
            for (int k = 0; k < g.length; k++) {
                g[k] = up[k] * (1 - Math.tanh(in[0][k]) * Math.tanh(in[0][k]));
                up[k] = 0;
            }
            return new double[][] {g};
        }).input("x", X).check();
        assertThat(result).fails().hasFinding(SanityCheck.INPUTS_NOT_MUTATED);
        assertThat(result.failureMessage()).contains("backward changed the upstream gradient");
    }

    @Test
    void backwardRunTwiceMustAgreeWithinTheNondeterminismTolerance() {
        AtomicInteger calls = new AtomicInteger();
        GradCheck check = GradCheck.scalar(in -> sumOf(in, Math::tanh), in -> {
            double wobble = 1 + 1e-13 * (calls.incrementAndGet() % 2);
            return gradientOf(in, v -> (1 - Math.tanh(v) * Math.tanh(v)) * wobble);
        }).input("x", X);
        assertThat(check.check()).fails().hasFinding(SanityCheck.BACKWARD_DETERMINISTIC);
        calls.set(0);
        assertThat(check.nondeterminismTolerance(1e-12).check()).passes();
    }

    @Test
    void anInputTheOutputIgnoresGetsZerosOfItsShape() {
        assertThat(GradCheck.of(v -> v.get(0).tanh().sum()).input("x", X).input("unused", Tensor.ones(2, 3)).check())
                .passes();
        GradCheckResult foreign = GradCheck.scalar(in -> sumOf(in, Math::tanh),
                in -> new double[][] {gradientOf(in, v -> 1 - Math.tanh(v) * Math.tanh(v))[0], null})
                .input("x", X).input("unused", new double[6], 2, 3).check();
        assertThat(foreign).fails().hasFinding(SanityCheck.GRADIENT_SHAPE);
        assertThat(foreign.failureMessage()).contains(
                "input 1 \"unused\" [2, 3]: the gradient is null; even an input the output ignores must get zeros of shape [2, 3]");
    }

    @Test
    void aMissingGradientIsReported() {
        GradCheckResult result = GradCheck.scalar(in -> in[0][0] * in[1][0], in -> new double[][] {{in[1][0]}})
                .input("a", 2.0).input("b", 3.0).check();
        assertThat(result).fails().hasFinding(SanityCheck.GRADIENT_SHAPE);
        assertThat(result.failureMessage()).contains("backward returned 1 gradient for 2 inputs");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theOutputShapeMustNotChangeUnderPerturbation(Mode mode) {
        GradCheckResult result = GradCheck.vector(in -> in[0][0] > 0.3 ? new double[] {in[0][0], in[0][1]}
                        : new double[] {in[0][0], in[0][1], 0},
                (in, up) -> new double[][] {{up[0], up[1]}})
                .input("x", new double[] {0.3 + 1e-7, 1}).mode(mode).check();
        assertThat(result).fails().hasFinding(SanityCheck.OUTPUT_SHAPE_STABLE);
        assertThat(result.failureMessage()).contains("changed the output shape from [2] to [3]");
    }

    @Test
    void aNonFiniteValueIsAFailureThatSaysWhere() {
        GradCheckResult result = GradCheck.of(v -> v.get(0).log().sum()).input("x", new double[] {1, -1}).check();
        assertThat(result).fails().hasFinding(SanityCheck.FINITE_VALUE);
        assertThat(result.failureMessage()).contains("the value is NaN at output [] of shape []");
    }

    @Test
    void aNonFiniteNumericalDerivativeIsAFailureThatSaysWhichProbe() {
        // a value that turns NaN on one side of the point at every step, however small: log|x| - log(x)
        // is 0 for x > 0 and NaN below, and x = 1e-300 leaves no step that stays inside
        GradCheckResult result = GradCheck.scalar(in -> Math.log(Math.abs(in[0][1])) - Math.log(in[0][1]) + in[0][0],
                in -> new double[][] {{1, 0}}).input("x", new double[] {4, 1e-300}).check();
        assertThat(result).fails().hasFinding(SanityCheck.FINITE_NUMERICAL).hasFailureAt("x", 1);
        assertThat(result.failureMessage()).contains("the numerical derivative is not finite: perturbing input 0 \"x\""
                + " [2] at [1] by -2h gives NaN at output []");
    }

    @Test
    void aProbeThatLeavesTheDomainIsRetriedAtSmallerStepsThatStayInIt() {
        // sqrt at 1e-6: the probe at x - 2h (h = 1e-6) is negative; at h = 1e-8 the stencil stays above 0
        GradCheckResult result = GradCheck.of(v -> v.get(0).sqrt().sum()).input("x", new double[] {4, 1e-6}).check();
        assertThat(result).passes();
        assertThat(result.inputs().get(0).recordAt(List.of(1)).orElseThrow().step()).isLessThan(5e-7);
        // a wrong derivative there still fails: 1 / sqrt(x) instead of 1 / (2 sqrt(x))
        assertThat(GradCheck.scalar(in -> Math.sqrt(in[0][0]), in -> new double[][] {{1 / Math.sqrt(in[0][0])}})
                .input("x", 1e-6).check()).fails().hasFailureAt("x");
    }

    @Test
    void aNonFiniteValueNeverPassesInAnyMode() {
        for (Mode mode : Mode.values()) {
            assertThat(GradCheck.scalar(in -> Double.POSITIVE_INFINITY, in -> new double[][] {{0}})
                    .input("x", 1.0).mode(mode).check()).fails().hasFinding(SanityCheck.FINITE_VALUE);
        }
    }

    @Test
    void inputsAreExcludedByNameOrIndexAndBadExclusionsAreNamed() {
        GradCheck check = GradCheck.of(v -> v.get(0).mul(v.get(1)).sum())
                .input("x", new double[] {1, 2}).input("w", new double[] {3, 4});
        GradCheckResult byName = check.exclude("x").check();
        assertThat(byName.input("x").orElseThrow().excluded()).isTrue();
        assertThat(byName.input("w").orElseThrow().elementsChecked()).isEqualTo(2);
        GradCheckResult byIndex = GradCheck.of(v -> v.get(0).mul(v.get(1)).sum())
                .input("x", new double[] {1, 2}).input("w", new double[] {3, 4}).exclude(1).check();
        assertThat(byIndex.input("w").orElseThrow().verdicts()).isEqualTo("..");
        assertThatThrownBy(() -> GradCheck.of(v -> v.get(0).sum()).input("x", X).exclude("y").check())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gradcheck: cannot exclude \"y\"; the inputs are [x]");
        assertThatThrownBy(() -> GradCheck.of(v -> v.get(0).sum()).input("x", X).exclude("x").check())
                .hasMessage("gradcheck: every input is excluded; nothing to check");
    }

    @Test
    void badInputsAreRejectedNamingInputAndIndex() {
        assertThatThrownBy(() -> GradCheck.of(v -> v.get(0).sum()).input("w", new double[] {1, Double.NaN, 3}, 3).check())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gradcheck: input 0 \"w\" [3] at [1] is NaN; gradients are checked at finite points");
        assertThatThrownBy(() -> GradCheck.of(v -> v.get(0).sum()).input("w", new double[] {1, 2, 3}, 2, 2))
                .hasMessage("input \"w\": 3 values do not fill shape [2, 2] of size 4");
        assertThatThrownBy(() -> GradCheck.of(v -> v.get(0).sum()).check())
                .hasMessageContaining("no inputs");
        assertThatThrownBy(() -> GradCheck.of(v -> v.get(0).sum()).input("x", X).mode(Mode.FAST).stencil(5).check())
                .hasMessageContaining("FAST mode uses the central difference");
    }

    @Test
    void aStepThatVanishesNextToItsValueIsNamed() {
        // the step is relative above 1 (eps |x|), so it vanishes only when eps itself is below precision
        assertThat(GradCheck.of(v -> v.get(0).square().sum()).input("x", 1e20).check()).passes();
        assertThatThrownBy(() -> GradCheck.of(v -> v.get(0).sum()).input("x", 1.0).eps(1e-17).check())
                .isInstanceOf(GradCheckException.class)
                .hasMessageContaining("the step 1.0E-17 vanishes next to the value 1.0");
    }
}
