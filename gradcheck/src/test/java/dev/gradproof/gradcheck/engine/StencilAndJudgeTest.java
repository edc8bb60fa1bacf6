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
class StencilAndJudgeTest {

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

    private static Judgement judge(DoubleUnaryOperator f, double x, double analytic) {
        Stencil central = Stencil.of(2);
        double h = TOLERANCES.eps();
        double[][] tg = probe(central, f, x, h);
        double scale = 0;
        for (double v : tg[1]) {
            scale = Math.max(scale, Math.abs(v));
        }
        return new Judge(central, TOLERANCES).judge(analytic, h, tg[0], tg[1], scale, 0, 0, 0, null);
    }

    @Test
    void theJudgePassesTheRightDerivativeAndFailsABiasedOne() {
        double x = 0.3;
        double exact = new DerivativeStructure(1, 1, 0, x).exp().getPartialDerivative(1);
        assertThat(judge(Math::exp, x, exact).verdict()).isEqualTo(Verdict.PASS);
        assertThat(judge(Math::exp, x, exact * (1 + 1e-6)).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void atAKinkTheOneSidedSlopesDecide() {
        DoubleUnaryOperator leaky = v -> v >= 0 ? v : 0.01 * v;
        Judgement right = judge(leaky, 0, 1);
        assertThat(right.verdict()).isEqualTo(Verdict.KINK);
        assertThat(right.kinkOp()).isEqualTo(Judge.KINK_HEURISTIC);
        assertThat(right.leftSlope()).isCloseTo(0.01, within(1e-9));
        assertThat(right.rightSlope()).isCloseTo(1, within(1e-9));
        assertThat(judge(leaky, 0, 0.5).verdict()).isEqualTo(Verdict.KINK);
        assertThat(judge(leaky, 0, 2).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aKinkAlreadyRecordedByBranchesIsReportedUnderItsOpsName() {
        Stencil central = Stencil.of(2);
        double[][] tg = probe(central, v -> Math.max(0, v), 0, 1e-6);
        Judgement j = new Judge(central, TOLERANCES).judge(0, 1e-6, tg[0], tg[1], 1e-6, 0, 0, 0, "relu");
        assertThat(j.verdict()).isEqualTo(Verdict.KINK);
        assertThat(j.kinkOp()).isEqualTo("relu");
    }

    @Test
    void aNonFiniteAnalyticValueIsAFailureThatSaysSo() {
        Judgement j = judge(Math::sin, 0.2, Double.POSITIVE_INFINITY);
        assertThat(j.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(j.reason()).isEqualTo("the analytic derivative is Infinity");
    }
}
