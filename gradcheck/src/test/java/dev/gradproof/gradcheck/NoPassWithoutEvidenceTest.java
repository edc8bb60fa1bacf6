package dev.gradproof.gradcheck;

import dev.gradproof.gradcheck.model.CheckVerdict;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.gradcheck.model.SanityCheck;
import dev.gradproof.gradcheck.model.TestContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static dev.gradproof.gradcheck.Foreign.gradientOf;
import static dev.gradproof.gradcheck.Foreign.sumOf;
import static dev.gradproof.gradcheck.assertj.GradProofAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tagged {@value TestContext#EXPECTED_FAILURE_TAG}: most checks here must not pass, and the report
 * counts them apart.
 *
 * <p>The soundness cases: each is foreign code on which an earlier gradcheck claimed a PASS without
 * evidence, or raised a false alarm. Every expected derivative is a closed form written here.
 */
@Tag(TestContext.EXPECTED_FAILURE_TAG)
class NoPassWithoutEvidenceTest {

    // ------------------------------------------------------------------ noise, kinks and nothing compared

    @Test
    void aForwardPassWithNoiseAndAGradientTwiceTooLargeIsNeverAPass() {
        Random noise = new Random(3);
        GradCheckResult result = GradCheck.scalar(
                        in -> sumOf(in, v -> v * v) * (1 + 1e-5 * noise.nextGaussian()),
                        in -> gradientOf(in, v -> 2 * (2 * v)))
                .input("x", new double[] {0.3, -1.2, 0.8}).parallelism(1).check();
        assertThat(result).fails();
        assertThat(result.findings()).anyMatch(f -> f.check() == SanityCheck.FORWARD_DETERMINISTIC
                && f.message().contains("two forward passes at the same point differ"));
    }

    @Test
    void aDropoutMaskDrawnAnewAtEveryCallIsAFindingNotAKink() {
        Random mask = new Random(5);
        GradCheckResult result = GradCheck.scalar(
                        in -> {
                            double s = 0;
                            for (double v : in[0]) {
                                s += mask.nextDouble() < 0.5 ? 0 : 2 * v;
                            }
                            return s;
                        },
                        in -> gradientOf(in, v -> 1))
                .input("x", new double[] {0.3, -1.2, 0.8, 2.0}).parallelism(1).check();
        assertThat(result).fails();
        assertThat(result.statistics().kinks()).isZero();
    }

    @Test
    void checkWhereEveryElementSitsOnAKinkIsInconclusiveWithTheReason() {
        GradCheckResult result = GradCheck.scalar(in -> sumOf(in, v -> Math.max(0, v)),
                in -> gradientOf(in, v -> v > 0 ? 1 : 0)).input("x", new double[] {0, 0}).check();
        assertThat(result).isInconclusive().hasKinkAt("x", 0).hasKinkAt("x", 1);
        assertThat(result.passed()).isFalse();
        assertThat(result.reasons()).singleElement().asString().startsWith("nothing was compared: all 2 elements");
        assertThat(result.failureMessage()).contains("inconclusive: nothing was compared");
    }

    @Test
    void aDeclaredVariationOfTheForwardPassIsMeasuredAndCountedAsNoise() {
        Random noise = new Random(11);
        GradCheckResult right = GradCheck.scalar(
                        in -> sumOf(in, v -> v * v) * (1 + 1e-13 * noise.nextGaussian()),
                        in -> gradientOf(in, v -> 2 * v))
                .input("x", new double[] {0.3, -1.2, 0.8}).nondeterminismTolerance(1e-11).parallelism(1).check();
        assertThat(right).passes();
        assertThat(right.notes()).anyMatch(n -> n.contains("varies at one point within the declared tolerance"));
        assertThat(right.replay()).contains(".nondeterminismTolerance(1.0E-11)");
    }

    // ------------------------------------------------------------------ kinks confirmed, not assumed

    @Test
    void aLeakyReluWhoseBackwardUsesTheWrongSlopeWithinEpsOfTheKinkFails() {
        // forward slope 0.01 below 0, backward 0.1: at points within 5e-7 of the kink (eps is 1e-6)
        double[] x = {-5e-7, -3e-7, -1e-7, 2e-7, 4e-7};
        GradCheckResult wrong = GradCheck.scalar(in -> sumOf(in, v -> v >= 0 ? v : 0.01 * v),
                in -> gradientOf(in, v -> v >= 0 ? 1 : 0.1)).input("x", x).check();
        assertThat(wrong).fails().hasFailureAt("x", 0).hasFailureAt("x", 1).hasFailureAt("x", 2);
        GradCheckResult right = GradCheck.scalar(in -> sumOf(in, v -> v >= 0 ? v : 0.01 * v),
                in -> gradientOf(in, v -> v >= 0 ? 1 : 0.01)).input("x", x).check();
        assertThat(right).passes().hasNoKinks();
    }

    @Test
    void aReluThatPassesTheGradientBelowZeroFailsWithinEpsOfTheKink() {
        double[] x = {-4e-7, -2e-7, 3e-7};
        assertThat(GradCheck.scalar(in -> sumOf(in, v -> Math.max(0, v)), in -> gradientOf(in, v -> 1))
                .input("x", x).check()).fails().hasFailureAt("x", 0).hasFailureAt("x", 1);
    }

    @Test
    void aDifferentiablePointWithALargeHigherDerivativePasses() {
        // |x|^1.5 has derivative 1.5 |x|^0.5 sign(x): 0 at 0, where its one-sided slopes are -sqrt(h), sqrt(h)
        assertThat(GradCheck.scalar(in -> sumOf(in, v -> Math.pow(Math.abs(v), 1.5)),
                in -> gradientOf(in, v -> 1.5 * Math.sqrt(Math.abs(v)) * Math.signum(v)))
                .input("x", new double[] {0, 0}).check()).passes().hasNoKinks();
    }

    @Test
    void aCubicAtZeroIsNoFalseAlarm() {
        // x^3 - 10 x^4 at 0: value 0, derivative 3x^2 - 40x^3 = 0; both one-sided slopes carry h^2
        assertThat(GradCheck.scalar(in -> sumOf(in, v -> v * v * v - 10 * v * v * v * v),
                in -> gradientOf(in, v -> 3 * v * v - 40 * v * v * v)).input("x", new double[] {0, 0, 0}).check())
                .passes().hasNoKinks();
        assertThat(GradCheck.scalar(in -> sumOf(in, v -> v * v * v - 10 * v * v * v * v),
                in -> gradientOf(in, v -> 3 * v * v - 40 * v * v * v)).input("x", new double[] {0, 0, 0})
                .mode(Mode.FAST).check()).passes();
    }

    // ------------------------------------------------------------------ power: steps chosen per element

    @Test
    void aBiasOfOneInAThousandUnderALossOfOneHundredMillionFails() {
        // loss 1e8 + sum(sin x): gradient cos x of order 1; the rounding of 1e8 swamps eps = 1e-6
        double[] x = {0.4, -1.3, 2.2};
        GradCheckResult biased = GradCheck.scalar(in -> 1e8 + sumOf(in, Math::sin),
                in -> gradientOf(in, v -> Math.cos(v) * 1.001)).input("x", x).check();
        assertThat(biased).fails().hasFailureAt("x", 0).hasFailureAt("x", 1).hasFailureAt("x", 2);
        GradCheckResult right = GradCheck.scalar(in -> 1e8 + sumOf(in, Math::sin),
                in -> gradientOf(in, Math::cos)).input("x", x).check();
        assertThat(right).passes();
        assertThat(right.detectableError()).isLessThan(1e-3);
        assertThat(right.failureMessage()).contains("(relative) in any compared element would have been caught");
    }

    @Test
    void aTinyGradientElementWithTheWrongSignUnderLargeLogitsFails() {
        // log-sum-exp: gradient softmax(x); the element at 0 against logits of 20 is about 1e-9
        double[] x = {20, 19.5, 20.3, 0};
        GradCheckResult wrong = GradCheck.scalar(NoPassWithoutEvidenceTest::logSumExp, in -> {
            double[] p = softmax(in[0]);
            p[3] = -p[3];
            return new double[][] {p};
        }).input("x", x).check();
        assertThat(wrong).fails().hasFailureAt("x", 3);
        assertThat(GradCheck.scalar(NoPassWithoutEvidenceTest::logSumExp, in -> new double[][] {softmax(in[0])})
                .input("x", x).check()).passes();
    }

    @Test
    void aSoftplusWithoutLog1pIsNeverAFalseAlarm() {
        // log(1 + e^x) at -30: the values are quantized (1 + 9.4e-14 rounds), the gradient sigmoid(x) is exact
        GradCheckResult result = GradCheck.scalar(in -> sumOf(in, v -> Math.log(1 + Math.exp(v))),
                in -> gradientOf(in, Foreign::sigmoid)).input("x", new double[] {-30, -30.5}).check();
        assertThat(result.verdict()).as(result.failureMessage()).isNotEqualTo(CheckVerdict.FAILED);
        if (result.verdict() == CheckVerdict.INCONCLUSIVE) {
            assertThat(result.reasons()).isNotEmpty();
        }
    }

    @Test
    void aCancellingFunctionIsNeverAFalseAlarmNorAPassWithNothingCompared() {
        // (x + 1)^2 - x^2 - 2x - 1 is 0 everywhere; computed, it is rounding noise
        GradCheckResult result = GradCheck.scalar(in -> sumOf(in, v -> (v + 1) * (v + 1) - v * v - 2 * v - 1),
                in -> gradientOf(in, v -> 0)).input("x", new double[] {0.7, -1.9, 3.1}).check();
        assertThat(result.verdict()).as(result.failureMessage()).isNotEqualTo(CheckVerdict.FAILED);
        assertThat(result.statistics().kinks()).as(result.failureMessage()).isZero();
    }

    // ------------------------------------------------------------------ the upstream reaches the engine

    @Test
    void aLossWhoseBackwardIgnoresItsUpstreamFails() {
        // the vector-Jacobian form hands the upstream to the engine; this one answers as if it were 1
        double[] x = {0.3, -1.2, 0.8};
        GradCheckResult ignoring = GradCheck.vector(in -> new double[] {sumOf(in, v -> v * v)},
                (in, upstream) -> gradientOf(in, v -> 2 * v)).input("x", x).check();
        assertThat(ignoring).fails();
        assertThat(ignoring.findings()).anyMatch(f -> f.check() == SanityCheck.UPSTREAM_LINEAR);
        assertThat(ignoring.findings()).anyMatch(f -> f.check() == SanityCheck.ZERO_UPSTREAM);
        GradCheckResult scaling = GradCheck.vector(in -> new double[] {sumOf(in, v -> v * v)},
                (in, upstream) -> gradientOf(in, v -> upstream[0] * 2 * v)).input("x", x).check();
        assertThat(scaling).passes();
    }

    // ------------------------------------------------------------------ FAST at scale

    @Test
    void fastOnTenMillionElementsNeverPassesAGradientOneAndAHalfTimesTooLarge() {
        int n = 10_000_000;
        double[] x = new double[n];
        Random random = new Random(17);
        for (int k = 0; k < n; k++) {
            x[k] = random.nextGaussian();
        }
        GradCheckResult result = GradCheck.scalar(in -> sumOf(in, v -> v * v),
                in -> gradientOf(in, v -> 1.5 * 2 * v)).input("x", x).mode(Mode.FAST).recordsPerInput(0).check();
        assertThat(result.passed()).as(result.summary()).isFalse();
    }

    @Test
    void fastWithNothingComparedStatesNoDetectionAndDoesNotPass() {
        GradCheckResult result = GradCheck.scalar(in -> sumOf(in, v -> Math.max(0, v)),
                in -> gradientOf(in, v -> v > 0 ? 1 : 0)).input("x", new double[] {0, 0}).mode(Mode.FAST).check();
        assertThat(result).isInconclusive();
    }

    // ------------------------------------------------------------------ crashes inside user code

    @Test
    void aStackOverflowInTheFunctionIsARecordedFailureNotACrash() {
        GradCheckResult result = GradCheck.scalar(in -> deep(in[0][0], 1_000_000_000),
                in -> gradientOf(in, v -> 1)).input("x", new double[] {0.5}).check();
        assertThat(result).fails();
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(SanityCheck.FUNCTION_COMPLETES);
            assertThat(f.message()).contains("java.lang.StackOverflowError");
        });
    }

    private static double deep(double x, int depth) {
        return depth == 0 ? x : deep(x, depth - 1) + 0.0;
    }

    private static double logSumExp(double[][] in) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : in[0]) {
            max = Math.max(max, v);
        }
        double s = 0;
        for (double v : in[0]) {
            s += Math.exp(v - max);
        }
        return max + Math.log(s);
    }

    private static double[] softmax(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v);
        }
        double[] p = new double[x.length];
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            p[k] = Math.exp(x[k] - max);
            s += p[k];
        }
        for (int k = 0; k < x.length; k++) {
            p[k] /= s;
        }
        return p;
    }
}
