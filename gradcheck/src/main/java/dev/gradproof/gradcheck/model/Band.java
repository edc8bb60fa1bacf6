package dev.gradproof.gradcheck.model;

/**
 * The lecture notes' bands of relative error {@code |a - n| / max(|a|, |n|)} between an analytic
 * gradient {@code a} and a numerical one {@code n}: at most 1e-7 you should be happy; up to 1e-4 is
 * usually fine for objectives with kinks (too high without them); 1e-4 to 1e-2 should make you
 * uncomfortable; above 1e-2 the gradient is probably wrong.
 *
 * <p>Bands describe; they do not judge. The verdict of an element comes from its own tolerance,
 * which adapts to the numerical error of that element (see {@link Tolerances}): a relative error of
 * 1e-6 is a failure in a smooth op evaluated at unit scale, and no failure for a function whose
 * values are a million times larger than its gradient.
 */
public enum Band {
    /** Relative error at most 1e-7. */
    HAPPY(1e-7),
    /** Above 1e-7, at most 1e-4: fine with kinks, suspicious without. */
    OKAY(1e-4),
    /** Above 1e-4, at most 1e-2. */
    UNCOMFORTABLE(1e-2),
    /** Above 1e-2, or not a number. */
    WRONG(Double.POSITIVE_INFINITY);

    private final double upper;

    Band(double upper) {
        this.upper = upper;
    }

    /** The largest relative error in this band. */
    public double upperBound() {
        return upper;
    }

    /** The band of a relative error; NaN is {@link #WRONG}. */
    public static Band of(double relativeError) {
        for (Band band : values()) {
            if (relativeError <= band.upper) {
                return band;
            }
        }
        return WRONG;
    }
}
