package dev.gradproof.gradcheck.engine;

import org.apache.commons.math3.special.Beta;

/**
 * The probability arithmetic of FAST mode. A direction {@code v} uniform on the unit sphere of
 * {@code R^d} has {@code v_1^2 ~ Beta(1/2, (d-1)/2)}, so for an error vector {@code e} the chance
 * that {@code |e . v|} falls below a tolerance {@code tau} is exactly
 * {@code I(tau^2 / |e|^2; 1/2, (d-1)/2)} (regularised incomplete beta, Commons Math). With a random
 * output projection {@code u} in {@code R^m} as well, a rank-one error {@code s p q^T} is missed when
 * {@code |u.p| |q.v| <= tau / s}, bounded by {@code min_a P(|u.p| <= a) + P(|q.v| <= tau / (s a))}.
 */
public final class DetectionConfidence {

    /** Grid points over log10(a) in [-10, 0], a quarter decade apart. */
    private static final int COARSE = 40;
    /** Refinement points on each side of the best coarse point. */
    private static final int FINE = 5;
    /** Bisection steps on log(error): the bracket shrinks by 2^-40, far below any statement's precision. */
    private static final int BISECTIONS = 40;

    private DetectionConfidence() {
    }

    private static double splitBound(int d, int m, double t, double log10a) {
        double a = Math.pow(10, log10a);
        return smallCoordinate(m, a) + smallCoordinate(d, t / a);
    }

    /** {@code P(|v_1| <= s)} for {@code v} uniform on the unit sphere of {@code R^d}. */
    public static double smallCoordinate(int d, double s) {
        if (s >= 1) {
            return 1;
        }
        if (s <= 0) {
            return 0;
        }
        if (d == 1) {
            return 0;
        }
        return Beta.regularizedBeta(s * s, 0.5, (d - 1) / 2.0);
    }

    /**
     * The probability that one direction misses an error of norm {@code error} with tolerance
     * {@code tau}: exact for a scalar output ({@code m = 1}), an upper bound (rank-one error) otherwise.
     */
    public static double miss(int d, int m, double tau, double error) {
        if (!(error > 0)) {
            return 1;
        }
        double t = tau / error;
        if (m <= 1) {
            return smallCoordinate(d, t);
        }
        // the bound is smallest where the two terms balance: a coarse grid over log10(a), then a finer one
        double bestLog = 0;
        double best = 1;
        for (int i = 0; i <= COARSE; i++) {
            double log = -10 + i * 0.25;
            double value = splitBound(d, m, t, log);
            if (value < best) {
                best = value;
                bestLog = log;
            }
        }
        for (int i = -FINE; i <= FINE; i++) {
            best = Math.min(best, splitBound(d, m, t, bestLog + i * 0.25 / FINE));
        }
        return Math.min(1, best);
    }

    /**
     * The smallest error norm that directions with tolerances {@code taus} all miss with probability
     * at most {@code 1 - confidence}.
     */
    public static double minDetectable(int d, int m, double[] taus, double confidence) {
        if (taus.length == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double target = 1 - confidence;
        double lo = 0;
        for (double tau : taus) {
            lo = Math.max(lo, tau);
        }
        if (lo == 0) {
            return 0;
        }
        double hi = lo;
        int grow = 0;
        while (missAll(d, m, taus, hi) > target) {
            hi *= 2;
            if (++grow > 2000) {
                return Double.POSITIVE_INFINITY;
            }
        }
        for (int i = 0; i < BISECTIONS; i++) {
            double mid = Math.sqrt(lo * hi);
            if (missAll(d, m, taus, mid) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** The probability that every direction misses an error of norm {@code error}. */
    public static double missAll(int d, int m, double[] taus, double error) {
        double p = 1;
        for (double tau : taus) {
            p *= miss(d, m, tau, error);
        }
        return p;
    }
}
