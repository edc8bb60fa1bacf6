package dev.gradproof.gradcheck;

import dev.gradproof.autograd.Losses;
import dev.gradproof.autograd.Op;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.autograd.Variable;
import dev.gradproof.gradcheck.function.DoubleBackward;
import dev.gradproof.gradcheck.function.ForeignFunction;
import dev.gradproof.gradcheck.model.CheckKind;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.gradcheck.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import dev.gradproof.gradcheck.model.TestContext;
import org.junit.jupiter.api.Tag;

import static dev.gradproof.gradcheck.Foreign.sigmoid;
import static dev.gradproof.gradcheck.assertj.GradProofAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Second order: the backward pass, recorded with createGraph, is itself checked against finite
 * differences, with respect to the inputs and to the upstream.
 */
class GradGradCheckTest {

    /** x^3 with a backward written in differentiable ops: right to every order. */
    static final class Cube extends Op {
        private Cube(Variable x) {
            super("cube", x);
        }

        static Variable apply(Variable x) {
            return new Cube(x).record(x.value().map(v -> v * v * v));
        }

        @Override
        protected Variable[] backward(Variable upstream, Variable output) {
            return new Variable[] {upstream.mul(input(0).square().mul(3))};
        }
    }

    /**
     * x^3 whose backward multiplies by 3x^2 computed from the input's value as a constant: the first
     * derivative is right, but the graph of the gradient no longer depends on x, so its derivative
     * with respect to x (the second derivative 6x u) is lost.
     */
    static final class NonDifferentiableCube extends Op {
        private NonDifferentiableCube(Variable x) {
            super("cube", x);
        }

        static Variable apply(Variable x) {
            return new NonDifferentiableCube(x).record(x.value().map(v -> v * v * v));
        }

        @Override
        protected Variable[] backward(Variable upstream, Variable output) {
            return new Variable[] {upstream.mul(Variable.constant(input(0).value().map(v -> 3 * v * v)))};
        }
    }

    private static final Tensor X = Tensor.uniform(31, -2, 2, 2, 3);
    private static final Tensor W = Tensor.uniform(32, -1, 1, 3, 2);

    @ParameterizedTest
    @EnumSource(Mode.class)
    void correctOpsPassToSecondOrder(Mode mode) {
        assertThat(GradCheck.gradgrad(v -> v.get(0).matmul(v.get(1)).tanh()).input("x", X).input("w", W)
                .mode(mode).check()).passes();
        assertThat(GradCheck.gradgrad(v -> v.get(0).sigmoid().mul(v.get(0)).sum()).input("x", X).mode(mode).check())
                .passes();
        assertThat(GradCheck.gradgrad(v -> Losses.softmaxCrossEntropy(v.get(0).matmul(v.get(1)), new int[] {1, 0}))
                .input("x", X).input("w", W).exclude("x").mode(mode).check()).passes();
        assertThat(GradCheck.gradgrad(v -> Cube.apply(v.get(0)).sum()).input("x", X).mode(mode).check()).passes();
    }

    @Test
    void theResultIsAGradGradCheckWithTheUpstreamAsAnInput() {
        GradCheckResult result = GradCheck.gradgrad(v -> v.get(0).matmul(v.get(1)).tanh()).input("x", X).input("w", W)
                .check();
        assertThat(result.kind()).isEqualTo(CheckKind.GRADGRADCHECK);
        assertThat(result.inputs()).extracting(i -> i.name()).containsExactly("x", "w", "upstream");
        assertThat(result.input("upstream").orElseThrow().shape()).containsExactly(2, 2);
        assertThat(result.outputShape()).containsExactly(12);
        assertThat(result.summary()).startsWith("gradgradcheck PASSED");
    }

    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    @ParameterizedTest
    @EnumSource(Mode.class)
    void aBackwardWrittenNonDifferentiablyPassesFirstOrderButFailsSecondOrder(Mode mode) {
        assertThat(GradCheck.of(v -> NonDifferentiableCube.apply(v.get(0)).sum()).input("x", X).mode(mode).check())
                .passes();
        GradCheckResult second = GradCheck.gradgrad(v -> NonDifferentiableCube.apply(v.get(0)).sum()).input("x", X)
                .mode(mode).check();
        assertThat(second).fails();
        if (mode != Mode.FAST) {
            assertThat(second.input("x").orElseThrow().statistics().failed()).isPositive();
            assertThat(second.input("upstream").orElseThrow().statistics().failed()).isZero();
        }
    }

    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    @Test
    void theLostSecondDerivativeIsSixXTimesTheUpstream() {
        GradCheckResult second = GradCheck.gradgrad(v -> NonDifferentiableCube.apply(v.get(0)).sum()).input("x", X)
                .check();
        // d(u 3x^2)/dx = 6 x u: every element's numerical value over 6x is the same upstream u,
        // while the analytic value is 0 (the constant 3x^2 hides x from the second backward pass)
        double[] x = X.toArray();
        double u = Double.NaN;
        for (int k = 0; k < x.length; k++) {
            var record = second.input("x").orElseThrow().recordAt(java.util.List.of(k / 3, k % 3)).orElseThrow();
            assertThat(record.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(record.analytic()).isZero();
            double ratio = record.numerical() / (6 * x[k]);
            if (Double.isNaN(u)) {
                u = ratio;
            }
            assertThat(ratio).isCloseTo(u, org.assertj.core.data.Percentage.withPercentage(1e-4));
        }
        assertThat(u).isNotZero();
    }

    @Test
    void eluWithAlphaOneHasAKinkInItsSecondDerivativeNamedElu() {
        // the slopes 1 and e^x meet at 0, the curvatures 0 and 1 do not: first order smooth, second order kinked
        double[] x = {0, 0.5e-6, 1, -1};
        assertThat(GradCheck.of(v -> v.get(0).elu().sum()).input("x", x).check()).passes().hasNoKinks();
        assertThat(GradCheck.gradgrad(v -> v.get(0).elu().sum()).input("x", x).check())
                .passes().hasKinkAt("x", 0).hasKinkIn("elu").hasVerdictAt("x", Verdict.PASS, 1)
                .hasVerdictAt("x", Verdict.PASS, 2);
    }

    @Test
    void aBackwardComputedByCancellationIsNotFlagged() {
        // tanh's backward 1 - t^2 with t rounded next to 1, and GELU's Phi + x phi at its minimum, where the two
        // terms cancel: values whose rounding is of the size of their terms, not their own (these points failed
        // while the noise probe dropped such noise as implausible)
        assertThat(GradCheck.gradgrad(v -> v.get(0).tanh()).input("x", new double[] {6.255, 6.96, 6.995}).check())
                .passes();
        double[] nearMinimum = new double[12];
        for (int k = 0; k < nearMinimum.length; k++) {
            nearMinimum[k] = -0.7517915 + (k - 6) * 1e-9;
        }
        assertThat(GradCheck.gradgrad(v -> v.get(0).gelu()).input("x", nearMinimum).check()).passes().hasNoKinks();
    }

    @Test
    void valuesNearTheLargestDoubleKeepFiniteTolerances() {
        GradCheckResult result = GradCheck.gradgrad(v -> v.get(0).exp()).input("x", new double[] {700, 699.5}).check();
        assertThat(result).passes();
        assertThat(result.statistics().maxErrorRatio()).isFinite();
    }

    // ---------------------------------------------------------------- foreign second order

    @Test
    void aForeignSecondOrderCheckNamesTheKinksOfAFunctionThatRecordsThem() {
        // relu through autograd-core seen as a foreign function, with its double backward written by hand:
        // d(u 1[x > 0])/dx = 0 and d/du = 1[x > 0]
        var first = new dev.gradproof.gradcheck.function.AutogradFunction(v -> v.get(0).relu().sum(), java.util.List.of("x"),
                java.util.List.of(new int[] {3}));
        DoubleBackward second = (in, upstream, w) -> {
            double du = 0;
            for (int k = 0; k < 3; k++) {
                du += in[0][k] > 0 ? w[0][k] : 0;
            }
            return new double[][] {new double[3], {du}};
        };
        assertThat(GradCheck.gradgrad(first, second).input("x", new double[] {0, 1, -1}).check())
                .passes().hasKinkAt("x", 0).hasKinkIn("relu");
    }

    /** sum(sigma(x)): backward u sigma'(x), double backward w u sigma''(x) and sum(w sigma'(x)). */
    private static GradCheck foreignSigmoid(boolean rightSecondDerivative) {
        ForeignFunction first = ForeignFunction.scalar(in -> Foreign.sumOf(in, Foreign::sigmoid),
                in -> Foreign.gradientOf(in, v -> sigmoid(v) * (1 - sigmoid(v))));
        DoubleBackward second = (in, upstream, w) -> {
            double[] dx = new double[in[0].length];
            double du = 0;
            for (int k = 0; k < dx.length; k++) {
                double s = sigmoid(in[0][k]);
                double d1 = s * (1 - s);
                double d2 = rightSecondDerivative ? d1 * (1 - 2 * s) : d1;
                dx[k] = w[0][k] * upstream[0] * d2;
                du += w[0][k] * d1;
            }
            return new double[][] {dx, {du}};
        };
        return GradCheck.gradgrad(first, second).input("x", Foreign.uniform(33, 6, -3, 3));
    }

    @Tag(TestContext.EXPECTED_FAILURE_TAG)
    @ParameterizedTest
    @EnumSource(Mode.class)
    void aForeignDoubleBackwardIsCheckedToo(Mode mode) {
        assertThat(foreignSigmoid(true).mode(mode).check()).passes();
        assertThat(foreignSigmoid(false).mode(mode).check()).fails();
    }
}
