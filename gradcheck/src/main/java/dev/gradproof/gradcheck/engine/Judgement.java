package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.model.ElementRecord;
import dev.gradproof.gradcheck.model.Verdict;

/**
 * The comparison of one analytic with one numerical derivative at one step ({@link ErrorModel}).
 *
 * @param analytic      the analytic value
 * @param step          the step of the finite differences
 * @param numerical     the numerical value
 * @param errorEstimate the estimated error of the numerical value
 * @param tolerance     the largest accepted difference
 * @param verdict       the verdict
 * @param kinkOp        the kink crossed, for KINK
 * @param leftSlope     one-sided difference from below
 * @param rightSlope    one-sided difference from above
 * @param reason        why, for a FAIL that is not a plain disagreement
 * @param noiseRatio    the noise estimate over the rounding expected in the declared precision
 * @param kinkSuspected the values look as if the stencil straddles a kink (not yet a verdict)
 * @param dominant      the largest term of the tolerance
 * @param slopeNoise    the error of a one-sided slope from rounding and measured noise alone (what a kink's
 *                      subgradient interval is widened by; the other terms see the kink itself)
 */
record Judgement(
        double analytic,
        double step,
        double numerical,
        double errorEstimate,
        double tolerance,
        Verdict verdict,
        String kinkOp,
        double leftSlope,
        double rightSlope,
        String reason,
        double noiseRatio,
        boolean kinkSuspected,
        ErrorModel.Dominant dominant,
        double slopeNoise) {

    /** A FAIL that no step can change (a non-finite analytic value). */
    static Judgement failure(double analytic, double h, double n, double left, double right, String reason) {
        return new Judgement(analytic, h, n, Double.NaN, Double.NaN, Verdict.FAIL, null, left, right, reason, 0,
                false, ErrorModel.Dominant.ROUNDING, Double.NaN);
    }

    /** The same comparison reported as a kink of a branch record ({@code op} names it). */
    Judgement asBranchKink(String op) {
        return new Judgement(analytic, step, numerical, errorEstimate, tolerance, Verdict.KINK, op, leftSlope,
                rightSlope, null, noiseRatio, false, dominant, slopeNoise);
    }

    /** {@code |a - n|}. */
    double absoluteError() {
        return Math.abs(analytic - numerical);
    }

    /** {@code |a - n| / tolerance}, infinite for non-finite values (as {@link ElementRecord#errorRatio()}). */
    double ratio() {
        return ElementRecord.errorRatioOf(absoluteError(), tolerance);
    }

    /** The smallest error of the analytic value this comparison would have caught: tolerance plus the estimate. */
    double detectable() {
        return tolerance + errorEstimate;
    }

    /** Whether this judgement should represent its element rather than {@code other}. */
    boolean worseThan(Judgement other) {
        if (other == null) {
            return true;
        }
        if (verdict != other.verdict) {
            return verdict.worse(other.verdict) == verdict;
        }
        return ratio() > other.ratio();
    }
}
