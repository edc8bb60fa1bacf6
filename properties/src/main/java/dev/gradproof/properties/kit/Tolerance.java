package dev.gradproof.properties.kit;

/**
 * How far a computed gradient may lie from the expected one, per element. Every use in the kit says
 * in a comment why its bound holds for a correct engine in double precision; a wrong gradient is
 * off by a factor (a missing branch, a swapped sign, an unreduced broadcast), many orders of
 * magnitude above these bounds. A NaN never passes: its difference is never within any bound.
 */
@FunctionalInterface
interface Tolerance {

    /** The unit roundoff of double precision, 2^-53. */
    double U = 0x1p-53;

    /**
     * The absolute floor for comparisons of one gradient computed along two routes: the rounding
     * error of reordering a sum of up to ~100 contributions that reach 1e3 in magnitude, such as
     * {@code (1 + 4e-6) - 1} against {@code 4e-6 + (1 - 1)}, where the contributions cancel and the
     * result is far smaller than they are. The generated graphs keep every value within +-100, so
     * larger contributions are rare; a missing or wrong contribution above this size is still
     * caught.
     */
    double FLOOR = 1e-11;

    /** The largest allowed absolute difference per element. */
    double[] allowed(double[] actual, double[] expected);

    /**
     * {@code k u scale[i]}: for a computation whose error analysis bounds the error by a multiple
     * of the sum of the magnitudes it adds ({@code scale}), such as a sum reordered.
     */
    static Tolerance elementwise(double k, double[] scale) {
        return (actual, expected) -> {
            double[] allowed = new double[scale.length];
            for (int i = 0; i < allowed.length; i++) {
                allowed[i] = k * U * scale[i];
            }
            return allowed;
        };
    }

    /**
     * {@code relative * max(|actual|_inf, |expected|_inf) + absolute} for every element: for two
     * computations of one gradient along different but equally valid routes, whose rounding errors
     * are bounded relative to the gradient as a whole rather than to each element.
     */
    static Tolerance normwise(double relative, double absolute) {
        return (actual, expected) -> {
            double bound = relative * Math.max(maxAbs(actual), maxAbs(expected)) + absolute;
            double[] allowed = new double[actual.length];
            java.util.Arrays.fill(allowed, bound);
            return allowed;
        };
    }

    /** The sum of two tolerances. */
    default Tolerance plus(Tolerance other) {
        return (actual, expected) -> {
            double[] a = allowed(actual, expected);
            double[] b = other.allowed(actual, expected);
            for (int i = 0; i < a.length; i++) {
                a[i] += b[i];
            }
            return a;
        };
    }

    /** The largest magnitude; NaN if any element is NaN. */
    static double maxAbs(double[] values) {
        double m = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
