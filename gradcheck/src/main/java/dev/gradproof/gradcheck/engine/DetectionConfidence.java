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

    private DetectionConfidence() {
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
        double best = 1;
        for (int i = 0; i <= 200; i++) {
            double a = Math.pow(10, -10 + i * 0.05);
            best = Math.min(best, smallCoordinate(m, a) + smallCoordinate(d, t / a));
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
        for (int i = 0; i < 100; i++) {
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
