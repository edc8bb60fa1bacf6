package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.model.CheckVerdict;
import dev.gradproof.gradcheck.model.Numbers;
import dev.gradproof.gradcheck.model.Tolerances;
import dev.gradproof.gradcheck.model.Verdict;

/**
 * The error model: the one place where a numerical derivative, its own error and an element's
 * tolerance are computed and an element is judged PASS, FAIL or KINK. The formula is the README's,
 * term for term. For the values {@code g} of one compared scalar probed at offsets {@code -2h..2h}
 * (actual, rounded displacements {@code t}) and the analytic derivative {@code a}:
 *
 * <pre>
 * n   = D(h)                                  the central difference (or the declared stencil)
 * T   = |D(h) - D(2h)|                        truncation, Richardson's estimate
 * N   = max(|fourth difference| / (sqrt(140) h), sigma / h)
 *                                             noise of the values: this element's own sample, and sigma
 *                                             measured once per check (repeated evaluations, ECnoise)
 * rho = stencilAmplification * machineEpsilon * S / h
 *                                             one unit of rounding of the quotient; S the scale rounding
 *                                             acts on (the largest projected output, or the function's own
 *                                             rounding scale when it can tell)
 * P   = stencilAmplification * machineEpsilon * |x| / h * |n|
 *                                             the error from probe positions that are not exactly
 *                                             representable (0 for the central difference, which uses the
 *                                             actual displacements)
 *
 * tolerance = max(safety * max(T, N), roundingUlps * rho, analyticUlps * machineEpsilon * max(|a|, |n|))
 *             + safety * P
 * PASS when |a - n| <= tolerance
 * </pre>
 *
 * <p>A kink is suspected when the fourth difference over {@code 2h} (of the order of the jump in
 * slope at a kink, of {@code h^3 g''''} for a smooth function, of {@code sigma / h} for noise) stands
 * {@code kinkNoiseFactor} times above rounding and noise, and {@code kinkRelativeThreshold} times above
 * the slopes. A suspicion is never a verdict: the engine looks again at smaller steps
 * ({@link StepPlan}) until the stencil no longer straddles the kink, and only a kink that stays
 * ({@link #kink}) is reported as KINK, with the analytic value required to lie in the subgradient
 * interval of the one-sided slopes.
 */
final class ErrorModel {

    /** {@code sqrt(70) * sqrt(2)}: the fourth difference of iid noise has standard deviation sqrt(70) sigma. */
    private static final double NOISE_DIVISOR = Math.sqrt(140);

    /** Noise this many units of rounding above it was measured, not assumed. */
    private static final double MEASURED = 100;

    private final Stencil stencil;
    private final Tolerances tolerances;
    private final double machineEpsilon;

    ErrorModel(Stencil stencil, Tolerances tolerances) {
        this.stencil = stencil;
        this.tolerances = tolerances;
        this.machineEpsilon = tolerances.precision().machineEpsilon();
    }

    Tolerances tolerances() {
        return tolerances;
    }

    /** What one element's (or direction's) values probed at one step say, for one compared scalar. */
    record Probe(double analytic, double h, double[] t, double[] g, double scale, double sigma, double positionError,
                 double n2Correction) {
    }

    /**
     * Judges one compared scalar at one step: PASS or FAIL by the formula, with the kink suspicion
     * recorded (not yet decided) and the dominant term named.
     */
    Judgement judge(Probe p) {
        double h = p.h();
        double n = stencil.derivative(1, h, p.t(), p.g());
        double n2 = stencil.derivative(2, h, p.t(), p.g()) + p.n2Correction();
        double left = stencil.leftSlope(p.t(), p.g());
        double right = stencil.rightSlope(p.t(), p.g());
        double fourth = Math.abs(stencil.fourthDifference(p.t(), p.g()));
        double rho = machineEpsilon * p.scale() / h * stencil.amplification();
        double position = p.positionError() * Math.abs(n);
        double truncation = Math.abs(n - n2);
        double measuredNoise = p.sigma() / h;
        double noise = Math.max(fourth / (NOISE_DIVISOR * h), measuredNoise);
        double rounding = tolerances.roundingUlps() * rho;
        double floor = tolerances.analyticUlps() * machineEpsilon * Math.max(Math.abs(p.analytic()), Math.abs(n));
        double safety = tolerances.safetyFactor();
        double estimate = Math.max(Math.max(truncation, noise), rho) + position;
        double tolerance = Math.max(safety * Math.max(truncation, noise), Math.max(rounding, floor))
                + safety * position;
        Dominant dominant = noise > MEASURED * rho && noise >= truncation && safety * noise >= Math.max(rounding, floor)
                ? Dominant.MEASURED_NOISE
                : safety * truncation >= Math.max(rounding, floor) ? Dominant.TRUNCATION : Dominant.ROUNDING;
        double kinkEvidence = fourth / (2 * h);
        double slopes = Math.max(Math.max(Math.abs(left), Math.abs(right)), Math.abs(n));
        boolean suspected = kinkEvidence > tolerances.kinkNoiseFactor() * Math.max(rounding, measuredNoise)
                && kinkEvidence > tolerances.kinkRelativeThreshold() * slopes;
        if (!Double.isFinite(p.analytic())) {
            return Judgement.failure(p.analytic(), h, n, left, right, "the analytic derivative is " + p.analytic());
        }
        if (!Double.isFinite(tolerance)) {
            return Judgement.failure(p.analytic(), h, n, left, right, "the numerical derivative's error cannot be"
                    + " estimated (its estimate is " + tolerance + "): the values overflow or are not finite near"
                    + " the point; nothing can be claimed here");
        }
        Verdict verdict = passes(p.analytic(), n, tolerance) ? Verdict.PASS : Verdict.FAIL;
        double slopeNoise = 2 * Math.max(rounding, floor) + 2 * measuredNoise;
        return new Judgement(p.analytic(), h, n, estimate, tolerance, verdict, null, left, right, null,
                rho > 0 ? noise / rho : 0, suspected, dominant, slopeNoise);
    }

    /** The comparison itself: {@code |a - n| <= tolerance}; false for a non-finite analytic value. */
    private static boolean passes(double analytic, double numerical, double tolerance) {
        return Double.isFinite(analytic) && Math.abs(analytic - numerical) <= tolerance;
    }

    /**
     * The same comparison judged again with another error estimate and tolerance (the step plan's
     * wider ones: a steep point's slopes, measured noise, the scatter of several steps); no longer a
     * kink suspicion, since the plan has settled it.
     */
    Judgement rejudged(Judgement j, double estimate, double tolerance, Dominant dominant) {
        Verdict v = passes(j.analytic(), j.numerical(), tolerance) ? Verdict.PASS : Verdict.FAIL;
        return new Judgement(j.analytic(), j.step(), j.numerical(), estimate, tolerance, v, null, j.leftSlope(),
                j.rightSlope(), j.reason(), j.noiseRatio(), false, dominant, j.slopeNoise());
    }

    /**
     * The verdict at a kink that stays at every step down to where rounding allows: KINK when the
     * analytic value lies in the subgradient interval spanned by the one-sided slopes (widened by
     * their own first-order truncation and their rounding), FAIL otherwise.
     *
     * @param at   the judgement at the smallest step that could be resolved
     * @param name what to report the kink as
     */
    Judgement kink(Judgement at, double[] t, double[] g, String name) {
        double left = at.leftSlope();
        double right = at.rightSlope();
        double spread = Math.abs(left - right);
        double slack = Math.max(at.slopeNoise(), Math.max(0.1 * spread, 2 * stencil.oneSidedTruncation(t, g)));
        double lo = Math.min(left, right) - slack;
        double hi = Math.max(left, right) + slack;
        if (at.analytic() >= lo && at.analytic() <= hi) {
            return new Judgement(at.analytic(), at.step(), at.numerical(), spread, at.tolerance(), Verdict.KINK, name,
                    left, right, null, 0, true, at.dominant(), at.slopeNoise());
        }
        return new Judgement(at.analytic(), at.step(), at.numerical(), spread, at.tolerance(), Verdict.FAIL, null,
                left, right, "the one-sided slopes differ (left " + Numbers.compact(left) + ", right "
                + Numbers.compact(right) + ") at every step down to " + Numbers.sci(at.step(), 2)
                + ", as at a kink, but the analytic value lies outside the subgradient interval they span", 0, true,
                at.dominant(), at.slopeNoise());
    }

    /**
     * Whether the one-sided slopes of a suspected kink really differ: by more than their own noise and
     * than {@code kinkRelativeThreshold} of the larger. Slopes that agree mean the kink lies beyond the
     * stencil, or there is none (a steep smooth function), and the element is judged as any other.
     */
    boolean slopesDiffer(Judgement j) {
        double spread = Math.abs(j.leftSlope() - j.rightSlope());
        return spread > Math.max(j.slopeNoise(),
                tolerances.kinkRelativeThreshold() * Math.max(Math.abs(j.leftSlope()), Math.abs(j.rightSlope())));
    }

    /**
     * The smallest step at which one-sided slopes are still resolved: where their rounding,
     * {@code 2 roundingUlps rho}, stays below a tenth of {@code spread}; and the step must not vanish
     * next to {@code x}.
     */
    double smallestResolvableStep(double scale, double x, double spread) {
        double byRounding = 20 * tolerances.roundingUlps() * machineEpsilon * scale * stencil.amplification()
                / Math.max(spread, Double.MIN_NORMAL);
        double byPosition = 64 * machineEpsilon * Math.max(Math.abs(x), Double.MIN_NORMAL);
        return Math.max(byRounding, byPosition);
    }

    /**
     * What a whole check compared, for its verdict.
     *
     * @param checked        elements (or directions) judged, KINKs included
     * @param compared       of which compared (PASS or FAIL)
     * @param failed         of which FAIL
     * @param findings       failed sanity checks
     * @param swamped        compared elements whose tolerance is set by measured noise and could not have
     *                       caught a relative error of {@code maxDetectableError}
     * @param fastDetectable FAST: the relative error its directions catch with the stated confidence; else NaN
     * @param unit           "elements" or "directions", for the reasons
     */
    record Evidence(int checked, int compared, int failed, int findings, int swamped, double fastDetectable,
                    String unit) {
    }

    /**
     * The verdict of a whole check: FAILED on any FAIL or finding; INCONCLUSIVE when nothing failed but
     * the evidence cannot support a PASS (nothing was compared, measured noise swamps the differences,
     * FAST's statement is too weak); PASSED otherwise. The reasons say why and what to do.
     */
    CheckVerdict verdict(Evidence e, java.util.List<String> reasons) {
        if (e.failed() > 0 || e.findings() > 0) {
            return CheckVerdict.FAILED;
        }
        double bound = tolerances.maxDetectableError();
        if (e.checked() > 0 && e.compared() == 0) {
            reasons.add("nothing was compared: all " + e.checked() + " " + e.unit() + " crossed a kink; check at a"
                    + " point away from the kinks, where the function is differentiable");
        }
        if (e.swamped() > 0) {
            reasons.add(e.swamped() + " of " + e.compared() + " compared " + e.unit() + " could not have caught an"
                    + " error of " + Numbers.sci(bound, 2) + " relative: the noise measured in the function's values"
                    + " swamps the differences at every step tried; remove the noise, declare the precision the"
                    + " function computes in (Precision.FLOAT32), or check at a point where the derivative is larger");
        }
        if (e.compared() > 0 && e.fastDetectable() > bound) {
            reasons.add("FAST's random directions could miss an error of " + Numbers.sci(e.fastDetectable(), 2)
                    + " relative (the bound is " + Numbers.sci(bound, 2) + "); use more directions or FULL mode");
        }
        return reasons.isEmpty() ? CheckVerdict.PASSED : CheckVerdict.INCONCLUSIVE;
    }

    /**
     * Whether a compared element passed with a tolerance set by noise measured in the function's values
     * (at the best step tried) too large to see an error of the bound, relative to the element's
     * derivative or to {@code yardstick} (a thousandth of the largest derivative of the check),
     * whichever is larger.
     */
    boolean swamped(Judgement j, double yardstick) {
        return yardstick > 0 && j.dominant() == Dominant.MEASURED_NOISE && j.verdict() == Verdict.PASS
                && relativeDetectable(j, yardstick) > tolerances.maxDetectableError();
    }

    /** The smallest error the comparison would catch, relative to the derivative or the yardstick if larger. */
    static double relativeDetectable(Judgement j, double yardstick) {
        double size = Math.max(Math.max(Math.abs(j.analytic()), Math.abs(j.numerical())), yardstick);
        return j.detectable() == 0 ? 0 : size > 0 ? j.detectable() / size : Double.POSITIVE_INFINITY;
    }

    /** Which term of the tolerance is the largest: what a larger or smaller step would change. */
    enum Dominant {
        /** Richardson's truncation estimate: a smaller step would tighten the tolerance. */
        TRUNCATION,
        /** Assumed rounding of the values (or of the analytic gradient): a larger step would tighten it. */
        ROUNDING,
        /** Noise measured in the function's values: a larger step would tighten it. */
        MEASURED_NOISE
    }
}
