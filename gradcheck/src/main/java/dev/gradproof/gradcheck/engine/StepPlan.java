package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.model.Verdict;

/**
 * The steps one element (or one FAST direction) is judged at, chosen per element from what its
 * values say, in the spirit of Ridders' method and numdifftools: never a single fixed step when the
 * first one cannot support a verdict.
 *
 * <ol>
 *   <li><b>First step.</b> The values at {@code -2h..2h} are judged by the {@link ErrorModel}.</li>
 *   <li><b>Kinks confirmed, not assumed.</b> When the stencil seems to straddle a kink (a branch record
 *       changed, or the fourth difference says so), the element is probed again at {@code h/10},
 *       {@code h/100}, ... down to the smallest step whose one-sided slopes rounding still resolves.
 *       As soon as the stencil no longer straddles anything the element is judged there like any other
 *       (a wrong slope just beside a kink FAILs). When the one-sided slopes converge as the step
 *       shrinks (10 times closer after two or more decades), the point is differentiable, only steeply
 *       curved ({@code |x|^1.5} at 0), and it is judged at the smallest step with their spread added to
 *       the truncation estimate. A kink that stays at every step is a KINK: for a branch record, named
 *       after its op; for foreign code, only when the analytic value lies in the subgradient interval of
 *       the one-sided slopes, otherwise a FAIL.</li>
 *   <li><b>A step chosen per element.</b> When rounding or measured noise dominates the tolerance and the
 *       element could not have caught a relative error of {@value #TARGET}, or when it failed, the
 *       element is probed at {@code 10h}, {@code 100h}, ... (while the values stay smooth and finite) and
 *       judged at the step whose tolerance is tightest relative to the derivative. A FAIL stands unless
 *       a larger step passes (the tightest passing one is taken) with a tolerance at most half the
 *       difference seen at the failing step: a real error shows the same difference at every step and
 *       is never overturned; rounding noise shrinks with the step. A larger step whose values look
 *       kinked is told from noise by the next: a kink's jump in slope stays, noise's spread shrinks as
 *       {@code 1/h} (then the spread joins the tolerance as measured noise); a kink ends the search.</li>
 * </ol>
 */
final class StepPlan {

    /** An element whose detectable relative error is above this gets larger steps tried. */
    static final double TARGET = 1e-6;
    /** The larger steps tried, in multiples of the first. */
    private static final double[] LARGER = {10, 100, 1e3, 1e4};
    /** How many decades below the first step a kink is looked at, at most. */
    private static final int SMALLER_DECADES = 10;
    /** Decades over which a steady jump in slope confirms a kink on the point itself. */
    private static final int CONFIRMING_DECADES = 3;
    /** A jump in slope that keeps this share of its first size is steady. */
    private static final double KINK_STEADY = 0.5;
    /** One-sided slopes that spread this much further apart at a ten times smaller step are noise. */
    private static final double NOISE_GROWTH = 3;
    /** One-sided slopes that came this much closer after shrinking the step mark a differentiable point. */
    private static final double CONVERGED = 0.1;

    /** Probes the element (or direction) at a step: every compared component at once. */
    @FunctionalInterface
    interface Probe {
        ProbeValues at(double h);
    }

    /** Judges every component of values probed at a step. */
    @FunctionalInterface
    interface Judge {
        Judgement[] at(ProbeValues values, double h);
    }

    /**
     * What the plan decided.
     *
     * @param judged    per component, the judgement that stands
     * @param values    the values it was made from (null when no probe could be used)
     * @param failure   why the values could not be used (not finite, shape changed), or null
     * @param shapeChanged the failure is a change of output shape
     * @param overturned a FAIL at a smaller step was shown to be rounding noise by a larger one
     * @param firstNoiseRatio the largest noise over rounding of the first step's components
     */
    record Decision(Judgement[] judged, ProbeValues values, String failure, boolean shapeChanged,
                    boolean overturned, double firstNoiseRatio) {

        Decision(Judgement[] judged, ProbeValues values, String failure, boolean shapeChanged, boolean overturned) {
            this(judged, values, failure, shapeChanged, overturned, 0);
        }

        /** This decision with the noise ratio seen at the first step (what the noise note counts). */
        Decision withFirstNoiseRatio(double ratio) {
            return new Decision(judged, values, failure, shapeChanged, overturned, ratio);
        }
    }

    private final ErrorModel model;

    StepPlan(ErrorModel model) {
        this.model = model;
    }

    /**
     * Runs the plan for one element.
     *
     * @param h0    the first step
     * @param x     the element's value (FAST: the largest magnitude along the direction), which bounds how
     *              small a step can be
     * @param scale the largest rounding scale the function reports over the components (0 when it cannot
     *              tell); the probed values' own magnitude is used when larger
     */
    Decision decide(double h0, double x, double scale, Probe probe, Judge judge) {
        ProbeValues first = probe.at(h0);
        double h = h0;
        // a probe that left the function's domain (log or sqrt of an element near 0): a smaller step may stay in it
        for (int k = 1; first.failure != null && first.nonFinite && k <= SMALLER_DECADES; k++) {
            double smaller = h0 / Math.pow(10, k);
            if (smaller < model.smallestResolvableStep(0, x, 1)) {
                break;
            }
            ProbeValues again = probe.at(smaller);
            if (again.failure == null || !again.nonFinite) {
                first = again;
                h = smaller;
            }
        }
        if (first.failure != null) {
            return new Decision(null, first, first.failure, first.shapeChanged, false);
        }
        Judgement[] judged = judge.at(first, h);
        double firstNoise = 0;
        for (Judgement j : judged) {
            firstNoise = Math.max(firstNoise, j.noiseRatio());
        }
        return fromFirstStep(h, x, scale, first, judged, probe, judge).withFirstNoiseRatio(firstNoise);
    }

    /** The plan once the first step's values are judged: a kink to resolve, larger steps, or the first step. */
    private Decision fromFirstStep(double h, double x, double scale, ProbeValues first, Judgement[] judged,
                                   Probe probe, Judge judge) {
        if (first.kinkOp != null || anySuspected(judged)) {
            double valuesScale = scale;
            for (double c : first.scale) {
                valuesScale = Math.max(valuesScale, c);
            }
            return resolveKink(h, x, valuesScale, first, judged, probe, judge);
        }
        if (needsLargerStep(judged)) {
            return largerSteps(h, first, judged, probe, judge, false);
        }
        return new Decision(judged, first, null, false, false);
    }

    private Decision resolveKink(double h0, double x, double scale, ProbeValues first, Judgement[] firstJudged,
                                 Probe probe, Judge judge) {
        double spread0 = spread(firstJudged);
        double smallest = model.smallestResolvableStep(scale, x, spread0);
        ProbeValues values = first;
        Judgement[] judged = firstJudged;
        for (int k = 1; k <= SMALLER_DECADES; k++) {
            double h = h0 / Math.pow(10, k);
            if (h < smallest) {
                break;
            }
            ProbeValues pv = probe.at(h);
            if (pv.failure != null) {
                break;
            }
            Judgement[] again = judge.at(pv, h);
            if (pv.kinkOp == null && !anySuspected(again)) {
                return new Decision(again, pv, null, false, false);
            }
            if (k == 1 && pv.kinkOp == null && spread0 > 0 && spread(again) > NOISE_GROWTH * spread0) {
                // slopes that spread further apart at a smaller step are noise (about sigma / h), not a kink
                return largerSteps(h0, first, firstJudged, probe, judge, true);
            }
            values = pv;
            judged = again;
            if (pv.kinkOp == null && k >= 2 && spread(again) <= CONVERGED * spread0) {
                return new Decision(widened(again), pv, null, false, false);
            }
            if (k >= CONFIRMING_DECADES && spread(again) >= KINK_STEADY * spread0) {
                break;   // the jump in slope stayed the same over these decades: a kink on the point itself
            }
        }
        if (values.kinkOp != null) {
            return new Decision(asKinks(judged, values.kinkOp), values, null, false, false);
        }
        Judgement[] widened = widened(judged);
        Judgement[] decided = new Judgement[judged.length];
        for (int c = 0; c < judged.length; c++) {
            Judgement j = judged[c];
            boolean kink = j.kinkSuspected() && j.reason() == null && model.slopesDiffer(j);
            decided[c] = kink ? model.kink(j, values.t, values.g[c], "one-sided slopes")
                    : j.reason() != null ? j : widened[c];
        }
        return new Decision(decided, values, null, false, false);
    }

    private Decision largerSteps(double h0, ProbeValues first, Judgement[] firstJudged, Probe probe, Judge judge,
                                 boolean noisy) {
        Candidates candidates = new Candidates(
                noisy ? widened(firstJudged, ErrorModel.Dominant.MEASURED_NOISE) : firstJudged, first, flat(first));
        Judgement[] suspected = null;
        for (double factor : LARGER) {
            double h = h0 * factor;
            ProbeValues pv = probe.at(h);
            if (pv.failure != null || pv.kinkOp != null) {
                break;
            }
            Judgement[] again = judge.at(pv, h);
            if (noisy || anySuspected(again)) {
                // values that look kinked at this step: their slopes' spread joins the tolerance as noise, so
                // such a step can only be chosen where the spread is small; a kink's jump in slope stays the
                // same as the step grows (noise's spread shrinks, curvature's grows), and ends the search
                double ratio = suspected == null ? Double.NaN : spread(again) / spread(suspected);
                boolean steady = !noisy && ratio > 1 / NOISE_GROWTH && ratio < NOISE_GROWTH;
                boolean more = candidates.consider(widened(again, ErrorModel.Dominant.MEASURED_NOISE), pv);
                if (steady || noisy && !more) {
                    break;
                }
                suspected = again;
                continue;
            }
            suspected = null;
            if (!candidates.consider(again, pv)) {
                break;
            }
        }
        return candidates.decision();
    }

    /**
     * The judgements of one element at the steps tried: the tightest (by {@link #score}) and the
     * tightest that passes, for the overturn rule.
     */
    private final class Candidates {
        private Judgement[] best;
        private ProbeValues bestValues;
        private double bestScore;
        private Judgement[] passing;
        private ProbeValues passingValues;
        private final java.util.List<Judgement[]> seen = new java.util.ArrayList<>();

        private final Judgement[] fallback;
        private final ProbeValues fallbackValues;

        /**
         * @param uninformative the first step's values did not change at all (quantized, or below the
         *                      function's resolution): they say nothing of the derivative, so the first
         *                      step is used only if no larger step can be
         */
        Candidates(Judgement[] first, ProbeValues values, boolean uninformative) {
            fallback = first;
            fallbackValues = values;
            seen.add(first);
            if (!uninformative) {
                best = first;
                bestValues = values;
                bestScore = score(first);
            } else {
                bestScore = Double.POSITIVE_INFINITY;
            }
        }

        /** Takes a step's judgements into account; false when a larger step can only be worse (truncation grows). */
        boolean consider(Judgement[] judged, ProbeValues values) {
            seen.add(judged);
            double s = score(judged);
            if (allPass(judged) && (passing == null || s < score(passing))) {
                passing = judged;
                passingValues = values;
            }
            if (s < bestScore) {
                best = judged;
                bestValues = values;
                bestScore = s;
                return true;
            }
            // larger steps only add truncation once it dominates, unless the tightest step so far fails: then a
            // larger one may still show that failure to be rounding (the overturn rule)
            return !dominatedByTruncation(judged) || best == null || !allPass(best);
        }

        Decision decision() {
            if (best == null) {
                best = fallback;
                bestValues = fallbackValues;
            }
            if (!allPass(best) && passing != null && overturns(best, passing)) {
                return new Decision(passing, passingValues, null, false, true);
            }
            if (!allPass(best)) {
                Judgement[] measured = measuredScatter(best);
                if (measured != best) {
                    return new Decision(measured, bestValues, null, false, false);
                }
            }
            return new Decision(best, bestValues, null, false, false);
        }

        /**
         * Rounding measured, not assumed: when the numerical derivatives of the steps tried (those up to
         * ten times the chosen one) disagree with each other by more than their own tolerances explain
         * and more than the chosen step's tolerance, the
         * model's estimate of rounding was wrong for this function (values quantized on a scale far above
         * their own, as {@code log(1 + e^x)} without {@code log1p}); the observed scatter then becomes the
         * tolerance, as measured noise. A real error of the gradient leaves the numerical derivatives
         * consistent, so it still fails.
         */
        private Judgement[] measuredScatter(Judgement[] chosen) {
            Judgement[] out = chosen.clone();
            boolean changed = false;
            for (int c = 0; c < chosen.length; c++) {
                Judgement j = chosen[c];
                if (j.verdict() != Verdict.FAIL || j.reason() != null) {
                    continue;
                }
                double scatter = 0;
                for (Judgement[] step : seen) {
                    Judgement other = step[c];
                    if (other.step() <= 10 * j.step() && Double.isFinite(other.numerical())
                            && Double.isFinite(other.tolerance())) {
                        // what the other step's own error estimate does not explain
                        scatter = Math.max(scatter, Math.abs(other.numerical() - j.numerical()) - other.tolerance());
                    }
                }
                if (scatter > j.tolerance()) {
                    out[c] = model.rejudged(j, Math.max(j.errorEstimate(), scatter), scatter,
                            ErrorModel.Dominant.MEASURED_NOISE);
                    changed = true;
                }
            }
            return changed ? out : chosen;
        }
    }

    /**
     * Larger steps help when an element failed, or when rounding or noise leaves a nonzero derivative
     * without power. (A derivative that is exactly 0 on the analytic side, such as an off-diagonal
     * element of an elementwise op's Jacobian, has no relative error to detect.)
     */
    private static boolean needsLargerStep(Judgement[] judged) {
        for (Judgement j : judged) {
            if (j.verdict() == Verdict.FAIL && j.reason() == null) {
                return true;
            }
            if (j.analytic() != 0 && j.dominant() != ErrorModel.Dominant.TRUNCATION
                    && ErrorModel.relativeDetectable(j, 0) > TARGET) {
                return true;
            }
        }
        return false;
    }

    /**
     * How weak the comparison is at a step: the worst detectable error relative to the analytic
     * derivative over the components that fail or have a nonzero analytic derivative (a component whose analytic derivative is 0
     * everywhere ranks by its absolute tolerance, as a last resort).
     */
    private static double score(Judgement[] judged) {
        double worst = 0;
        double absolute = 0;
        boolean any = false;
        for (Judgement j : judged) {
            if (j.analytic() == 0 && j.verdict() != Verdict.FAIL) {
                absolute = Math.max(absolute, j.detectable());
                continue;
            }
            any = true;
            // relative to the analytic side only: a numerical value made large by a kink must not look precise
            double s = j.detectable() / Math.max(Math.abs(j.analytic()), Double.MIN_NORMAL);
            worst = Math.max(worst, Double.isNaN(s) ? Double.POSITIVE_INFINITY : s);
        }
        return any ? worst : absolute;
    }

    private static boolean overturns(Judgement[] failing, Judgement[] passing) {
        for (int c = 0; c < passing.length; c++) {
            if (failing[c].verdict() == Verdict.FAIL && !(passing[c].tolerance() <= 0.5 * failing[c].absoluteError())) {
                return false;
            }
        }
        return true;
    }

    private static boolean allPass(Judgement[] judged) {
        for (Judgement j : judged) {
            if (j.verdict() != Verdict.PASS) {
                return false;
            }
        }
        return true;
    }

    private static boolean dominatedByTruncation(Judgement[] judged) {
        for (Judgement j : judged) {
            if (j.dominant() != ErrorModel.Dominant.TRUNCATION) {
                return false;
            }
        }
        return true;
    }

    /** Whether every component's values are the same at every probe of the stencil. */
    private static boolean flat(ProbeValues values) {
        for (double[] g : values.g) {
            for (double v : g) {
                if (v != g[0]) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean anySuspected(Judgement[] judged) {
        for (Judgement j : judged) {
            if (j.kinkSuspected()) {
                return true;
            }
        }
        return false;
    }

    private static double spread(Judgement[] judged) {
        double s = 0;
        for (Judgement j : judged) {
            double d = Math.abs(j.leftSlope() - j.rightSlope());
            if (Double.isFinite(d)) {
                s = Math.max(s, d);
            }
        }
        return s;
    }

    private Judgement[] widened(Judgement[] judged) {
        return widened(judged, ErrorModel.Dominant.TRUNCATION);
    }

    /**
     * Judgements whose one-sided slopes' spread joins the error estimate: as truncation ({@code safety}
     * times the spread, at a steeply curved point) or as measured noise (the spread itself: the central
     * difference, their mean, carries about half of it, and the noise term already holds the safety factor).
     */
    private Judgement[] widened(Judgement[] judged, ErrorModel.Dominant dominant) {
        Judgement[] out = new Judgement[judged.length];
        for (int c = 0; c < judged.length; c++) {
            Judgement j = judged[c];
            double spread = Math.abs(j.leftSlope() - j.rightSlope());
            double estimate = Math.max(j.errorEstimate(), spread);
            double factor = dominant == ErrorModel.Dominant.MEASURED_NOISE ? 1 : model.tolerances().safetyFactor();
            out[c] = model.rejudged(j, estimate, Math.max(j.tolerance(), factor * spread), dominant);
        }
        return out;
    }

    private static Judgement[] asKinks(Judgement[] judged, String name) {
        Judgement[] out = new Judgement[judged.length];
        for (int c = 0; c < judged.length; c++) {
            out[c] = judged[c].reason() != null ? judged[c] : judged[c].asBranchKink(name);
        }
        return out;
    }
}
