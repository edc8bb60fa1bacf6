package dev.gradproof.gradcheck.model;

import java.util.List;

/**
 * The comparison of one element of one input (or, in {@link Mode#FAST}, of one direction).
 *
 * @param index         the element's multi-index in its input (in FAST mode: the direction number)
 * @param flatIndex     its row-major offset
 * @param analytic      the analytic derivative (of the component named below)
 * @param step          the finite-difference step of the numerical value: the check's {@code eps}, or a
 *                      larger step at which a failure that looked like rounding noise was re-checked
 * @param numerical     the numerical derivative of the same component
 * @param absoluteError {@code |analytic - numerical|}
 * @param relativeError {@code |a - n| / max(|a|, |n|)}, zero when both are zero
 * @param errorEstimate the estimated error of the numerical derivative itself
 * @param tolerance     the largest {@code |a - n|} accepted for this element
 * @param verdict       PASS, FAIL or KINK
 * @param band          the notes' band of the relative error
 * @param kinkOp        for a KINK: the op whose branch changed ({@code "relu"}, {@code "svmHinge/relu"}),
 *                      {@code "graph structure"}, or {@code "one-sided slopes"} for the heuristic
 * @param component     which scalar was compared: {@code "output [2]"} of a small Jacobian,
 *                      {@code "projection 1 of 4"} of a large one, {@code "direction 3"}; null for a
 *                      scalar output
 * @param leftSlope     the one-sided difference {@code (f(x) - f(x - h)) / h}, for kinks; else null
 * @param rightSlope    the one-sided difference {@code (f(x + h) - f(x)) / h}, for kinks; else null
 * @param reason        why a FAIL is a FAIL when it is not a plain disagreement ({@code "analytic is NaN"});
 *                      else null
 */
public record ElementRecord(
        List<Integer> index,
        int flatIndex,
        double analytic,
        double step,
        double numerical,
        double absoluteError,
        double relativeError,
        double errorEstimate,
        double tolerance,
        Verdict verdict,
        Band band,
        String kinkOp,
        String component,
        Double leftSlope,
        Double rightSlope,
        String reason) {

    /** Copies the index. */
    public ElementRecord {
        index = List.copyOf(index);
    }

    /**
     * How far the element is from failing: {@code |a - n| / tolerance}, above 1 for a FAIL;
     * infinite when a value is not finite.
     */
    public double errorRatio() {
        return errorRatioOf(absoluteError, tolerance);
    }

    /** {@code absoluteError / tolerance}, infinite when either is not finite or only the tolerance is zero. */
    public static double errorRatioOf(double absoluteError, double tolerance) {
        if (!Double.isFinite(absoluteError) || !Double.isFinite(tolerance)) {
            return Double.POSITIVE_INFINITY;
        }
        return tolerance > 0 ? absoluteError / tolerance : absoluteError > 0 ? Double.POSITIVE_INFINITY : 0;
    }

    /** {@code |a - n| / max(|a|, |n|)}, zero when both are zero, NaN when either is NaN. */
    public static double relativeError(double analytic, double numerical) {
        double scale = Math.max(Math.abs(analytic), Math.abs(numerical));
        double diff = Math.abs(analytic - numerical);
        if (Double.isNaN(diff)) {
            return Double.NaN;
        }
        if (scale == 0) {
            return 0;
        }
        if (Double.isInfinite(scale)) {
            return analytic == numerical ? 0 : Double.POSITIVE_INFINITY;
        }
        return diff / scale;
    }
}
