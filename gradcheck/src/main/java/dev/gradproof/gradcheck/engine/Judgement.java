package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.model.ElementRecord;
import dev.gradproof.gradcheck.model.Verdict;

/**
 * The comparison of one analytic with one numerical derivative.
 *
 * @param analytic      the analytic value
 * @param step          the step of the finite differences
 * @param numerical     the numerical value
 * @param errorEstimate the estimated error of the numerical value
 * @param tolerance     the largest accepted difference
 * @param verdict       the verdict
 * @param kinkOp        the kink crossed, for KINK
 * @param leftSlope     one-sided difference from below (kept for kinks)
 * @param rightSlope    one-sided difference from above (kept for kinks)
 * @param reason        why, for a FAIL that is not a plain disagreement
 * @param noiseRatio    the noise estimate over the rounding expected in the declared precision
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
        double noiseRatio) {

    /** {@code |a - n|}. */
    double absoluteError() {
        return Math.abs(analytic - numerical);
    }

    /** {@code |a - n| / tolerance}, infinite for non-finite values (as {@link ElementRecord#errorRatio()}). */
    double ratio() {
        return ElementRecord.errorRatioOf(absoluteError(), tolerance);
    }

    /** A plain disagreement (not a non-finite value, not outside one-sided slopes). */
    boolean plainFailure() {
        return verdict == Verdict.FAIL && reason == null;
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
