package dev.gradproof.gradcheck;

import dev.gradproof.autograd.Losses;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.model.Band;
import dev.gradproof.gradcheck.model.ElementRecord;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.gradcheck.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import dev.gradproof.gradcheck.model.TestContext;
import org.junit.jupiter.api.Tag;

import static dev.gradproof.gradcheck.Foreign.gradientOf;
import static dev.gradproof.gradcheck.Foreign.sigmoid;
import static dev.gradproof.gradcheck.Foreign.sumOf;
import static dev.gradproof.gradcheck.assertj.GradProofAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Correct but awkward functions must not fail: kinks hit exactly or within eps, ties, tiny
 * gradients and huge values. The three correct ops that torch.autograd.gradcheck (eps 1e-6, atol
 * 1e-5, rtol 1e-3) fails are KINK or PASS here, and the sigmoid whose gradient is 1e-3 too large,
 * which torch passes, fails here.
 */
class AwkwardFunctionsTest {

    /** torch.autograd.gradcheck's criterion on the same analytic and numerical values: allclose(a, n). */
    private static boolean torchWouldPass(ElementRecord r) {
        return Math.abs(r.analytic() - r.numerical()) <= 1e-5 + 1e-3 * Math.abs(r.numerical());
    }

    private static final double[] NEAR_ZERO = {0.0, 0.5e-6, -0.5e-6, 1.5e-6, -1.5e-6, 0.7, -0.7};

    @ParameterizedTest
    @EnumSource(Mode.class)
    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    void reluAtZeroIsAKinkNamedReluAndWithinEpsIsComparedAtASmallerStep(Mode mode) {
        GradCheckResult result = GradCheck.of(v -> v.get(0).relu().sum()).input("x", NEAR_ZERO).mode(mode).check();
        if (mode == Mode.FAST) {
            // every direction through a point with an element on a kink crosses that kink at every step:
            // FAST compares nothing there, and says so instead of passing
            assertThat(result).isInconclusive();
            assertThat(result.reasons()).anyMatch(r -> r.startsWith("nothing was compared"));
            return;
        }
        assertThat(result).passes();
        {
            assertThat(result).hasKinkAt("x", 0).hasKinkIn("relu").hasVerdictAt("x", Verdict.PASS, 1)
                    .hasVerdictAt("x", Verdict.PASS, 2).hasVerdictAt("x", Verdict.PASS, 5)
                    .hasVerdictAt("x", Verdict.PASS, 6);
        }
    }

    @Test
    void torchFailsReluAtZeroAndWithinEpsWhichAreKinksHere() {
        GradCheckResult result = GradCheck.of(v -> v.get(0).relu().sum()).input("x", NEAR_ZERO).check();
        // torch compares at eps 1e-6 and sees (left + right) / 2 = 0.5 against 0 or 1 at all three points;
        // here the kink at 0 is a KINK, and the two points beside it are compared at a step that no
        // longer crosses it
        ElementRecord atZero = result.inputs().get(0).recordAt(List.of(0)).orElseThrow();
        assertThat(atZero.verdict()).isEqualTo(Verdict.KINK);
        assertThat(atZero.kinkOp()).isEqualTo("relu");
        for (int k : new int[] {0, 1, 2}) {
            ElementRecord atEps = new ElementRecord(List.of(k), k, NEAR_ZERO[k] > 0 ? 1 : 0, 1e-6, 0.5, 0, 0, 0, 0,
                    Verdict.PASS, Band.HAPPY, null, null, null, null, null);
            assertThat(torchWouldPass(atEps)).as("torch on x = " + NEAR_ZERO[k]).isFalse();
        }
        for (int k : new int[] {1, 2}) {
            ElementRecord r = result.inputs().get(0).recordAt(List.of(k)).orElseThrow();
            assertThat(r.verdict()).isEqualTo(Verdict.PASS);
            assertThat(r.step()).isLessThan(1e-6);
        }
    }

    @Test
    void foreignReluAtZeroIsAKinkAndWithinEpsIsComparedAtASmallerStep() {
        GradCheckResult result = GradCheck.scalar(in -> sumOf(in, v -> Math.max(0, v)),
                in -> gradientOf(in, v -> v > 0 ? 1 : 0)).input("x", NEAR_ZERO).check();
        assertThat(result).passes().hasKinkAt("x", 0).hasVerdictAt("x", Verdict.PASS, 1)
                .hasVerdictAt("x", Verdict.PASS, 2);
        for (int k : new int[] {1, 2}) {
            assertThat(result.inputs().get(0).recordAt(List.of(k)).orElseThrow().step()).isLessThan(0.5e-6);
        }
        ElementRecord atZero = result.inputs().get(0).recordAt(List.of(0)).orElseThrow();
        assertThat(atZero.leftSlope()).isEqualTo(0.0);
        // the slopes come from the smallest step that confirmed the kink, where rounding is about 1e-7
        assertThat(atZero.rightSlope()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    /** Scores with the margin of class 1 in row 0 exactly 0: s_1 - s_0 + 1 = 1 - 2 + 1. */
    private static final Tensor HINGE_SCORES = Tensor.matrix(new double[][] {{2, 1, 0.5}, {0.3, -0.4, 1.2}});
    private static final int[] HINGE_LABELS = {0, 2};

    @Test
    void hingeAtItsMarginIsAKinkInSvmHingeRelu() {
        GradCheckResult result = GradCheck.of(v -> Losses.svmHinge(v.get(0), HINGE_LABELS))
                .input("scores", HINGE_SCORES).check();
        assertThat(result).passes().hasKinkIn("svmHinge/relu").hasKinkAt("scores", 0, 1);
        ElementRecord r = result.inputs().get(0).recordAt(List.of(0, 1)).orElseThrow();
        assertThat(torchWouldPass(r)).as("torch at the margin").isFalse();
    }

    @Test
    void foreignHingeAtItsMarginIsAKink() {
        // L = sum_{j != y} max(0, s_j - s_y + 1) for one example with label 0
        GradCheckResult result = GradCheck.scalar(in -> {
            double[] s = in[0];
            return Math.max(0, s[1] - s[0] + 1) + Math.max(0, s[2] - s[0] + 1);
        }, in -> {
            double[] s = in[0];
            double m1 = s[1] - s[0] + 1 > 0 ? 1 : 0;
            double m2 = s[2] - s[0] + 1 > 0 ? 1 : 0;
            return new double[][] {{-m1 - m2, m1, m2}};
        }).input("scores", new double[] {2, 1, 0.5}).check();
        assertThat(result).passes().hasKinkAt("scores", 1);
    }

    @Test
    void maxWithATieIsAKinkNamedMaximum() {
        GradCheckResult result = GradCheck.of(v -> v.get(0).maximum(v.get(1)).sum())
                .input("a", new double[] {1, 2, 3}).input("b", new double[] {1, -2, 5}).check();
        assertThat(result).passes().hasKinkAt("a", 0).hasKinkAt("b", 0).hasKinkIn("maximum")
                .hasVerdictAt("a", Verdict.PASS, 1).hasVerdictAt("b", Verdict.PASS, 2);
    }

    @Test
    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    void foreignMaxWithATieDoesNotFail() {
        GradCheckResult result = GradCheck.scalar(in -> Math.max(in[0][0], in[1][0]),
                in -> in[0][0] >= in[1][0] ? new double[][] {{1}, {0}} : new double[][] {{0}, {1}})
                .input("a", 1.25).input("b", 1.25).check();
        assertThat(result).isInconclusive().hasKinkAt("a").hasKinkAt("b");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void gradientsNearOneInATrillionPass(Mode mode) {
        double[] x = Foreign.uniform(5, 6, -2, 2);
        assertThat(GradCheck.of(v -> v.get(0).tanh().mul(1e-12).sum()).input("x", x).mode(mode).check()).passes();
        assertThat(GradCheck.of(v -> v.get(0).mul(1e-12).add(1.0).sum()).input("x", x).mode(mode).check()).passes();
        double[] farLeft = {-27.6, -27.0, -26.0};
        assertThat(GradCheck.of(v -> v.get(0).sigmoid().sum()).input("x", farLeft).mode(mode).check())
                .passes().hasMaxRelativeErrorBelow(1e-6);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void valuesNearAMillionPass(Mode mode) {
        double[] nearMillion = Foreign.uniform(6, 6, 1e6 - 2, 1e6 + 2);
        assertThat(GradCheck.of(v -> v.get(0).add(-1e6).tanh().sum()).input("x", nearMillion).mode(mode).check())
                .passes();
        double[] thousands = Foreign.uniform(7, 6, 900, 1100);
        assertThat(GradCheck.of(v -> v.get(0).square().sum()).input("x", thousands).mode(mode).check()).passes();
        assertThat(GradCheck.of(v -> v.get(0).tanh().sum().add(1e6)).input("x", Foreign.uniform(8, 6, -2, 2))
                .mode(mode).check()).passes();
        assertThat(GradCheck.scalar(in -> 1e6 + sumOf(in, Math::sin), in -> gradientOf(in, Math::cos))
                .input("x", Foreign.uniform(9, 6, -3, 3)).mode(mode).check()).passes();
    }

    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    @Test
    void torchPassesASigmoidGradientOneThousandthTooLargeWhichFailsHere() {
        GradCheckResult result = GradCheck.scalar(in -> sumOf(in, Foreign::sigmoid),
                in -> gradientOf(in, v -> sigmoid(v) * (1 - sigmoid(v)) * (1 + 1e-3)))
                .input("x", Foreign.uniform(10, 8, -3, 3)).check();
        assertThat(result).fails();
        for (ElementRecord r : result.inputs().get(0).records()) {
            assertThat(torchWouldPass(r)).as("torch at " + r.index()).isTrue();
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        }
    }

    @Test
    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    void aGraphThatChangesBetweenProbesIsAKinkOfTheGraphStructure() {
        // control flow on a value: x^2 for x > 0, x / 2 otherwise; at x = 0 the probes build different graphs
        GradCheckResult result = GradCheck.of(v -> v.get(0).value().item() > 0 ? v.get(0).square() : v.get(0).mul(0.5))
                .input("x", 0.0).check();
        // the only element sits on the kink at every step: nothing was compared, so no PASS is claimed
        assertThat(result).isInconclusive().hasKinkAt("x").hasKinkIn("graph structure");
    }

    @Test
    void eluWithAlphaOneHasNoKinkAtZero() {
        GradCheckResult result = GradCheck.of(v -> v.get(0).elu().sum()).input("x", NEAR_ZERO).check();
        assertThat(result).passes().hasNoKinks();
    }

    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    @Test
    void absAtZeroIsAKinkAndAWrongSubgradientOutsideTheSlopesFails() {
        assertThat(GradCheck.of(v -> v.get(0).abs().sum()).input("x", new double[] {0, 1, -1}).check())
                .passes().hasKinkAt("x", 0).hasKinkIn("abs");
        // a foreign |x| claiming slope 3 at 0: outside the one-sided slopes -1 and 1
        assertThat(GradCheck.scalar(in -> Math.abs(in[0][0]), in -> new double[][] {{in[0][0] == 0 ? 3 : Math.signum(in[0][0])}})
                .input("x", 0.0).check()).fails().hasFailureAt("x");
    }

    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    @Test
    void aKinkInAStronglyCurvedFunctionIsAKinkDespiteTheOneSidedSlopesTruncation() {
        // f(x) = 3e-3 relu(x) - 1e3 x^2 at 0: the subgradient 0 is the left derivative, but the
        // one-sided differences are first-order accurate, off by c h = 1e-3 each: left 1e-3,
        // right 2e-3, so the analytic 0 lies outside them by exactly their truncation error
        GradCheckResult result = GradCheck.scalar(
                in -> 3e-3 * Math.max(0, in[0][0]) - 1e3 * in[0][0] * in[0][0],
                in -> new double[][] {{(in[0][0] > 0 ? 3e-3 : 0) - 2e3 * in[0][0]}})
                .input("x", 0.0).check();
        assertThat(result).isInconclusive().hasKinkAt("x");
        // a subgradient beyond both slopes by more than their truncation still fails
        assertThat(GradCheck.scalar(
                in -> 3e-3 * Math.max(0, in[0][0]) - 1e3 * in[0][0] * in[0][0],
                in -> new double[][] {{in[0][0] == 0 ? 1e-2 : (in[0][0] > 0 ? 3e-3 : 0) - 2e3 * in[0][0]}})
                .input("x", 0.0).check()).fails().hasFailureAt("x");
    }

    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    @Test
    void reluOfTMinusReluOfMinusTIsAKinkForAutogradAndAFailureForForeignCode() {
        // relu(t) - relu(-t) = t: both one-sided slopes are 1, but every AD engine, taking the
        // subgradient 0 of each ReLU, returns 0 at t = 0. The branch records show that the probes
        // cross the kinks; values alone cannot tell this from a wrong gradient.
        assertThat(GradCheck.of(v -> v.get(0).relu().sub(v.get(0).neg().relu()).sum())
                .input("t", new double[] {0, 0.5}).check())
                .passes().hasKinkAt("t", 0).hasKinkIn("relu");
        assertThat(GradCheck.scalar(in -> Math.max(0, in[0][0]) - Math.max(0, -in[0][0]),
                in -> new double[][] {{in[0][0] > 0 ? 1 : in[0][0] < 0 ? 1 : 0}})
                .input("t", 0.0).check()).fails().hasFailureAt("t");
    }

    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    @Test
    void atLargeMagnitudesTheStepIsRelativeSoABiasOfOneInAThousandIsCaught() {
        // at x near 1e8 an absolute step of 1e-6 is about 70 ulps of x and the central difference of
        // x^2 (about 1e16) is good to about 1%; the step eps |x| keeps it at about 1e-9
        double[] x = {1.3e8, -2.7e8, 6.1e7};
        GradCheckResult right = GradCheck.scalar(in -> sumOf(in, v -> v * v), in -> gradientOf(in, v -> 2 * v))
                .input("x", x).check();
        assertThat(right).passes().hasMaxRelativeErrorBelow(1e-8);
        assertThat(right.inputs().get(0).recordAt(List.of(0)).orElseThrow().step()).isEqualTo(1e-6 * 1.3e8);
        assertThat(GradCheck.scalar(in -> sumOf(in, v -> v * v), in -> gradientOf(in, v -> 2 * v * 1.001))
                .input("x", x).check()).fails().hasFailureAt("x", 0).hasFailureAt("x", 1).hasFailureAt("x", 2);
    }

    @Test
    void anElementPassingAtItsOwnRelativeStepIsNotReportedAsConfirmedAtALargerOne() {
        GradCheckResult result = GradCheck.of(v -> v.get(0).square().sum()).input("x", new double[] {2, 3, 0.5}).check();
        assertThat(result).passes();
        assertThat(result.notes()).noneMatch(note -> note.contains("larger step"));
    }

    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    @Test
    void aHigherOrderStencilAtLargeMagnitudesStillCatchesABiasOfOneInAMillion() {
        // the node error of a 5-point stencil is relative to the element's own step eps |x|, not to eps
        double[] x = {1e4, -2e4, 3e3};
        assertThat(GradCheck.scalar(in -> sumOf(in, v -> v * v * v), in -> gradientOf(in, v -> 3 * v * v))
                .input("x", x).stencil(5).check()).passes();
        assertThat(GradCheck.scalar(in -> sumOf(in, v -> v * v * v), in -> gradientOf(in, v -> 3 * v * v * (1 + 1e-6)))
                .input("x", x).stencil(5).check()).fails().hasFailureAt("x", 0).hasFailureAt("x", 1).hasFailureAt("x", 2);
    }

    @Test
    void variablesMayBeGivenDirectlyWithConstantsExcluded() {
        Variable x = Variable.constant("x", Tensor.matrix(new double[][] {{1, -2}, {0.5, 3}}));
        Variable w = Variable.leaf("w", Tensor.matrix(new double[][] {{0.2, -0.1}, {0.4, 0.3}}));
        GradCheckResult result = GradCheck.of(v -> v.get(0).matmul(v.get(1)).tanh().sum()).at(x, w).check();
        assertThat(result).passes();
        assertThat(result.inputs().get(0).excluded()).isTrue();
        assertThat(result.inputs().get(0).elementsChecked()).isZero();
        assertThat(result.inputs().get(1).elementsChecked()).isEqualTo(4);
    }
}
