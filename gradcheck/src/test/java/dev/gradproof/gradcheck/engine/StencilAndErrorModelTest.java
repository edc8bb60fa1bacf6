package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.model.Precision;
import dev.gradproof.gradcheck.model.Tolerances;
import dev.gradproof.gradcheck.model.Verdict;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.function.DoubleUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The numerical pieces, against closed forms and Commons Math forward-mode derivatives. */
class StencilAndErrorModelTest {

    @Test
    void centralWeightSumsMatchTheKnownStencils() {
        // central difference (1/2, -1/2): 1; five points (1, -8, 0, 8, -1)/12: 18/12;
        // seven points (-1, 9, -45, 0, 45, -9, 1)/60: 110/60; nine points: 1750/840
        assertThat(Stencil.centralWeightSum(1)).isCloseTo(1.0, within(1e-15));
        assertThat(Stencil.centralWeightSum(2)).isCloseTo(18.0 / 12, within(1e-15));
        assertThat(Stencil.centralWeightSum(3)).isCloseTo(110.0 / 60, within(1e-15));
        assertThat(Stencil.centralWeightSum(4)).isCloseTo(1750.0 / 840, within(1e-15));
    }

    private static double[][] probe(Stencil stencil, DoubleUnaryOperator f, double x, double h) {
        int[] offsets = stencil.offsets();
        double[] t = new double[offsets.length];
        double[] g = new double[offsets.length];
        for (int j = 0; j < offsets.length; j++) {
            double moved = x + offsets[j] * h;
            t[j] = moved - x;
            g[j] = f.applyAsDouble(moved);
        }
        return new double[][] {t, g};
    }

    @Test
    void theFourthDifferenceVanishesOnCubicsAndIs24h4TimesTheLeadingCoefficientOnQuartics() {
        Stencil central = Stencil.of(2);
        double h = 1e-2;
        double[][] cubic = probe(central, v -> 3 * v * v * v - v * v + 2, 0.37, h);
        assertThat(central.fourthDifference(cubic[0], cubic[1])).isCloseTo(0, within(1e-13));
        double[][] quartic = probe(central, v -> 2 * v * v * v * v, 0.37, h);
        assertThat(central.fourthDifference(quartic[0], quartic[1])).isCloseTo(24 * h * h * h * h * 2, within(1e-15));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 7, 9})
    void everyStencilDifferentiatesLikeForwardModeAutomaticDifferentiation(int points) {
        Stencil stencil = Stencil.of(points);
        double x = 0.4;
        double h = 1e-3;
        double[][] tg = probe(stencil, Math::tanh, x, h);
        double exact = new DerivativeStructure(1, 1, 0, x).tanh().getPartialDerivative(1);
        double tolerance = points == 2 || points == 3 ? 1e-6 : 1e-9;
        assertThat(stencil.derivative(1, h, tg[0], tg[1])).isCloseTo(exact, within(tolerance));
    }

    private static final Tolerances TOLERANCES = Tolerances.defaults(Precision.FLOAT64);
    private static final ErrorModel MODEL = new ErrorModel(Stencil.of(Tolerances.CENTRAL_DIFFERENCE), TOLERANCES);

    /** The values of a scalar function around x at step h, as the prober gathers them. */
    private static ProbeValues values(DoubleUnaryOperator f, double x, double h, String branchKink) {
        Stencil central = Stencil.of(Tolerances.CENTRAL_DIFFERENCE);
        double[][] tg = probe(central, f, x, h);
        ProbeValues pv = new ProbeValues(tg[0].length, 1, false);
        System.arraycopy(tg[0], 0, pv.t, 0, tg[0].length);
        System.arraycopy(tg[1], 0, pv.g[0], 0, tg[1].length);
        for (double v : tg[1]) {
            pv.scale[0] = Math.max(pv.scale[0], Math.abs(v));
        }
        pv.kinkOp = branchKink;
        return pv;
    }

    private static Judgement judge(DoubleUnaryOperator f, double x, double analytic) {
        ProbeValues pv = values(f, x, TOLERANCES.eps(), null);
        return MODEL.judge(new ErrorModel.Probe(analytic, TOLERANCES.eps(), pv.t, pv.g[0], pv.scale[0], 0, 0, 0));
    }

    /** The whole per-element plan, as the engine runs it for foreign code (no branch record). */
    private static Judgement decide(DoubleUnaryOperator f, double x, double analytic) {
        double h = TOLERANCES.eps() * Math.max(1, Math.abs(x));
        StepPlan.Decision d = new StepPlan(MODEL).decide(h, x, Math.abs(f.applyAsDouble(x)) + 1e-300,
                at -> values(f, x, at, null),
                (pv, at) -> new Judgement[] {MODEL.judge(new ErrorModel.Probe(analytic, at, pv.t, pv.g[0], pv.scale[0],
                        0, 0, 0))});
        return d.judged()[0];
    }

    @Test
    void theModelPassesTheRightDerivativeAndFailsABiasedOne() {
        double x = 0.3;
        double exact = new DerivativeStructure(1, 1, 0, x).exp().getPartialDerivative(1);
        assertThat(judge(Math::exp, x, exact).verdict()).isEqualTo(Verdict.PASS);
        assertThat(judge(Math::exp, x, exact * (1 + 1e-6)).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aKinkIsOnlySuspectedByTheModelAndConfirmedAtSmallerStepsByThePlan() {
        DoubleUnaryOperator leaky = v -> v >= 0 ? v : 0.01 * v;
        assertThat(judge(leaky, 0, 1).kinkSuspected()).isTrue();
        Judgement right = decide(leaky, 0, 1);
        assertThat(right.verdict()).isEqualTo(Verdict.KINK);
        assertThat(right.kinkOp()).isEqualTo("one-sided slopes");
        assertThat(right.leftSlope()).isCloseTo(0.01, within(1e-9));
        assertThat(right.rightSlope()).isCloseTo(1, within(1e-9));
        assertThat(right.step()).isLessThan(TOLERANCES.eps());
        assertThat(decide(leaky, 0, 0.5).verdict()).isEqualTo(Verdict.KINK);
        assertThat(decide(leaky, 0, 2).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aWrongSlopeWithinTheStepOfAKinkFailsOnceTheStepNoLongerCrossesIt() {
        // forward slope 0.01 below 0; a backward that says 0.1 there, 5e-7 from the kink (h = 1e-6)
        DoubleUnaryOperator leaky = v -> v >= 0 ? v : 0.01 * v;
        Judgement wrong = decide(leaky, -5e-7, 0.1);
        assertThat(wrong.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(wrong.numerical()).isCloseTo(0.01, within(1e-9));
        assertThat(decide(leaky, -5e-7, 0.01).verdict()).isEqualTo(Verdict.PASS);
        // relu passing the gradient below 0, 4e-7 from the kink
        DoubleUnaryOperator relu = v -> Math.max(0, v);
        assertThat(decide(relu, -4e-7, 1).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(decide(relu, -4e-7, 0).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aDifferentiablePointWithALargeHigherDerivativeIsNotAKink() {
        // |x|^1.5 at 0: derivative 0, one-sided slopes -sqrt(h) and sqrt(h) converge as h shrinks
        assertThat(decide(v -> Math.pow(Math.abs(v), 1.5), 0, 0).verdict()).isEqualTo(Verdict.PASS);
        assertThat(decide(v -> Math.pow(Math.abs(v), 1.5), 0, 0.01).verdict()).isEqualTo(Verdict.FAIL);
        // x^3 - 10 x^4 at 0: derivative 0; both slopes carry the same h^2 f(3)/6, so the truncation term stays
        assertThat(decide(v -> v * v * v - 10 * v * v * v * v, 0, 0).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aKinkAlreadyRecordedByBranchesIsReportedUnderItsOpsName() {
        StepPlan.Decision d = new StepPlan(MODEL).decide(1e-6, 0, 1e-6,
                at -> values(v -> Math.max(0, v), 0, at, "relu"),
                (pv, at) -> new Judgement[] {MODEL.judge(new ErrorModel.Probe(0, at, pv.t, pv.g[0], pv.scale[0], 0, 0,
                        0))});
        assertThat(d.judged()[0].verdict()).isEqualTo(Verdict.KINK);
        assertThat(d.judged()[0].kinkOp()).isEqualTo("relu");
    }

    @Test
    void aNonFiniteAnalyticValueIsAFailureThatSaysSo() {
        Judgement j = judge(Math::sin, 0.2, Double.POSITIVE_INFINITY);
        assertThat(j.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(j.reason()).isEqualTo("the analytic derivative is Infinity");
    }
}
