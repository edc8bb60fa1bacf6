package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.function.CheckedFunction;
import dev.gradproof.gradcheck.function.Evaluation;
import dev.gradproof.gradcheck.model.Precision;

import java.util.Random;

/**
 * The noise level of the function's values, measured once per check as in Moré and Wild's ECnoise:
 * the function is evaluated at 13 points {@code x + j h s} ({@code j = -6..6}, {@code s} a random
 * sign per differentiated element, so every element moves), and the sixth differences of the
 * values, in which any smooth part vanishes, give the standard deviation of the rounding noise:
 * {@code sigma^2 = mean(Delta^6 g)^2 / C(12, 6)}.
 *
 * <p>Moving every element at once sees the rounding of every operation, also where large
 * intermediate values cancel in a small output; the per-element estimates of the error model see
 * only one sample each. A probe that crosses a kink (a branch record changes), leaves the domain or
 * throws gives no estimate. For a function that keeps no branch record (foreign code) an implausibly
 * large estimate (above 1e4 units of rounding of the output) gives none either, for it may be a kink
 * rather than noise; a function that keeps one has its kinks caught by the record, so a large estimate
 * is noise: an output computed by cancellation ({@code 1 - tanh^2} in the tail, two terms of GELU's
 * gradient cancelling at its minimum) carries rounding of its terms' size, not of its own.
 *
 * <p>The line moves every element at once, so for foreign code it may cross a kink of any of them;
 * its estimate is therefore not trusted there, and each element's own noise (the fourth difference
 * of its values, told from a kink by how it changes with the step, see {@link StepPlan}) measures
 * rounding instead. The spread of repeated evaluations at the point itself ({@link ForwardRepeat}),
 * when the user declared that the forward pass may vary, counts as measured noise as well.
 */
final class NoiseProbe {

    private static final int HALF_WIDTH = 6;
    private static final double GAMMA_6 = 1.0 / 924.0;
    private static final double PLAUSIBLE_ULPS = 1e4;

    private final double[][] values;
    private final double machineEpsilon;
    private final boolean branchesKnown;
    private final double[] repeatSigma;

    private NoiseProbe(double[][] values, double machineEpsilon, boolean branchesKnown, double[] repeatSigma) {
        this.values = values;
        this.machineEpsilon = machineEpsilon;
        this.branchesKnown = branchesKnown;
        this.repeatSigma = repeatSigma;
    }

    static NoiseProbe measure(CheckedFunction function, double[][] point, boolean[] wrt, Evaluation base, double h,
                              Precision precision, Random random, Counters counters, double[] repeatSigma) {
        double[][] values = line(function, point, wrt, base, h, precision, random, counters);
        return new NoiseProbe(values, precision.machineEpsilon(), base.branches() != null, repeatSigma);
    }

    /** The outputs at {@code x + j h s}, {@code j = -6..6}, or null when a probe cannot serve. */
    private static double[][] line(CheckedFunction function, double[][] point, boolean[] wrt, Evaluation base,
                                   double h, Precision precision, Random random, Counters counters) {
        double[][] values = new double[2 * HALF_WIDTH + 1][];
        values[HALF_WIDTH] = base.output();
        double[][] signs = new double[point.length][];
        for (int i = 0; i < point.length; i++) {
            signs[i] = new double[point[i].length];
            for (int k = 0; k < signs[i].length; k++) {
                signs[i][k] = wrt[i] ? (random.nextBoolean() ? 1 : -1) : 0;
            }
        }
        double[][] work = Workers.copy(point);
        try {
            for (int j = -HALF_WIDTH; j <= HALF_WIDTH; j++) {
                if (j == 0) {
                    continue;
                }
                for (int i = 0; i < point.length; i++) {
                    for (int k = 0; k < point[i].length; k++) {
                        work[i][k] = wrt[i] ? precision.round(point[i][k] + j * h * signs[i][k]) : point[i][k];
                    }
                }
                double[] out = probe(function, work, wrt, base, counters);
                if (out == null) {
                    return null;
                }
                values[j + HALF_WIDTH] = out;
            }
        } finally {
            for (int i = 0; i < point.length; i++) {
                System.arraycopy(point[i], 0, work[i], 0, point[i].length);
            }
        }
        return values;
    }

    /** The output at {@code work}, or null when it cannot serve (threw, not finite, other shape, crossed a kink). */
    private static double[] probe(CheckedFunction function, double[][] work, boolean[] wrt, Evaluation base,
                                  Counters counters) {
        counters.forward.incrementAndGet();
        Evaluation e;
        try {
            e = function.evaluate(work, wrt.clone());
        } catch (RuntimeException ex) {
            return null;
        }
        if (e == null || e.output() == null || e.output().length != base.output().length) {
            return null;
        }
        for (double v : e.output()) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        if (base.branches() != null && base.branches().firstDifference(e.branches()) != null) {
            return null;
        }
        return e.output();
    }

    /**
     * The standard deviation of the noise of {@code u . f}: the larger of the line's estimate and the
     * spread of repeated evaluations at the point; 0 when neither is known.
     */
    double sigma(double[] u) {
        double repeated = 0;
        if (repeatSigma != null) {
            for (int m = 0; m < u.length; m++) {
                repeated += u[m] * u[m] * repeatSigma[m] * repeatSigma[m];
            }
            repeated = Math.sqrt(repeated);
        }
        if (values == null) {
            return repeated;
        }
        return Math.max(lineSigma(u), repeated);
    }

    /** The line's estimate of the noise of {@code u . f} (sixth differences), or 0 when it cannot serve. */
    private double lineSigma(double[] u) {
        int points = values.length;
        ProbeValues projected = new ProbeValues(points, 1, false);
        double[][] us = {u};
        for (int p = 0; p < points; p++) {
            Prober.project(values[p], us, projected, p);
        }
        double[] g = projected.g[0];
        double scale = projected.scale[0];
        for (int order = 1; order <= 6; order++) {
            for (int p = 0; p < points - order; p++) {
                g[p] = g[p + 1] - g[p];
            }
        }
        double squares = 0;
        int windows = points - 6;
        for (int p = 0; p < windows; p++) {
            squares += g[p] * g[p];
        }
        double sigma = Math.sqrt(GAMMA_6 * squares / windows);
        if (!Double.isFinite(sigma)) {
            return 0;
        }
        return !branchesKnown && sigma > PLAUSIBLE_ULPS * machineEpsilon * scale ? 0 : sigma;
    }
}
