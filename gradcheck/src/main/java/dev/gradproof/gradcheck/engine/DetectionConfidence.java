package dev.gradproof.gradcheck.engine;

import org.apache.commons.math3.special.Beta;

import java.util.Arrays;

/**
 * The probability arithmetic of FAST mode, in closed form. A direction {@code v} uniform on the unit
 * sphere of {@code R^d} has {@code v_1^2 ~ Beta(1/2, (d-1)/2)}: {@code v_1} has the density
 * {@code c_d (1 - x^2)^((d-3)/2)} on {@code [-1, 1]}, with {@code c_d = Gamma(d/2) / (sqrt(pi) Gamma((d-1)/2))},
 * which is at most {@code c_d} for {@code d >= 3}. Hence
 *
 * <pre>
 * P(|v_1| &lt;= s) &lt;= min(1, k_d s),   k_d = 2 c_d  (d &gt;= 3),  k_2 = 1  ((2/pi) asin s &lt;= s),
 * </pre>
 *
 * <p>tight to first order in {@code s}, which is where a statement at a high confidence lives. For an
 * error vector {@code e} a direction with tolerance {@code tau} misses it when {@code |e . v| <= tau}:
 * with {@code t = tau / |e|}, with probability at most {@code k_d t} (scalar output). With a random output
 * projection {@code u} in {@code R^m} as well, a rank-one error {@code s p q^T} is missed when
 * {@code |u.p| |q.v| <= t}, with probability at most {@code min_a P(|u.p| <= a) + P(|q.v| <= t / a)
 * <= min_a k_m a + k_d t / a = 2 sqrt(k_m k_d t)}. Every case is a bound {@code C t^p}, so the error norm
 * at which the directions with the smallest tolerances {@code tau_1 <= ... <= tau_j} all miss with
 * probability at most {@code 1 - confidence} solves in closed form:
 * {@code e_j = C^(1/p) geomean(tau_1..tau_j) (1 - confidence)^(-1/(j p))}; the statement takes the
 * smallest {@code e_j}. (The exact law of one coordinate is {@link #smallCoordinate}; DetectionConfidenceTest
 * checks the bound against the exact law, computed there through Commons Math's Beta distribution, over a grid
 * of its arguments.)
 */
public final class DetectionConfidence {

    /** A relative margin for rounding: on {@code k_d}, and on the stated error. */
    private static final double ROUNDING_GUARD = 1 + 1e-9;

    private DetectionConfidence() {
    }

    /** {@code P(|v_1| <= s)} for {@code v} uniform on the unit sphere of {@code R^d}: the exact law. */
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
     * {@code k_d}, the slope of the bound {@code P(|v_1| <= s) <= k_d s}: {@code 2 c_d} for {@code d >= 3},
     * 1 for the circle, 0 on the line (where {@code |v_1| = 1}).
     */
    static double slope(int d) {
        if (d <= 1) {
            return 0;
        }
        if (d == 2) {
            return 1;
        }
        // c_d = 1 / B(1/2, (d-1)/2); Commons Math's logBeta keeps its precision for large arguments, where a
        // difference of two logGamma would lose it; ROUNDING_GUARD covers what rounding is left
        return ROUNDING_GUARD * 2 * Math.exp(-Beta.logBeta(0.5, (d - 1) / 2.0));
    }

    /**
     * An upper bound on the probability that one direction misses an error of norm {@code error} with
     * tolerance {@code tau}: for a scalar output ({@code m = 1}) of any error, otherwise of a rank-one error.
     */
    public static double miss(int d, int m, double tau, double error) {
        if (!(error > 0)) {
            return 1;
        }
        double t = tau / error;
        if (d <= 1 && m <= 1) {
            return t < 1 ? 0 : 1;
        }
        Bound b = Bound.of(d, m);
        return Math.min(1, b.factor * Math.pow(t, b.power));
    }

    /** The bound {@link #miss} states for every direction, multiplied: the directions are independent. */
    public static double missAll(int d, int m, double[] taus, double error) {
        double p = 1;
        for (double tau : taus) {
            p *= miss(d, m, tau, error);
        }
        return p;
    }

    /**
     * The smallest error norm that directions with tolerances {@code taus} all miss with probability
     * at most {@code 1 - confidence} (by the bound of {@link #miss}); infinite without a direction.
     */
    public static double minDetectable(int d, int m, double[] taus, double confidence) {
        if (taus.length == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double[] sorted = taus.clone();
        Arrays.sort(sorted);
        if (sorted[0] == 0) {
            return 0;
        }
        if (d <= 1 && m <= 1) {
            // the direction is the element itself: an error above the smallest tolerance is always caught
            return Math.nextUp(sorted[0]);
        }
        Bound b = Bound.of(d, m);
        double logTarget = Math.log(1 - confidence);
        double logFactor = Math.log(b.factor) / b.power;
        double logSum = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int j = 1; j <= sorted.length; j++) {
            logSum += Math.log(sorted[j - 1]);
            best = Math.min(best, logFactor + logSum / j - logTarget / (j * b.power));
        }
        // rounded up, so that the bound still holds at the stated value after the rounding of its arithmetic
        return Math.exp(best) * ROUNDING_GUARD;
    }

    /** A miss probability bounded by {@code factor t^power}. */
    private record Bound(double factor, double power) {
        static Bound of(int d, int m) {
            if (m <= 1) {
                return new Bound(slope(d), 1);
            }
            if (d <= 1) {
                return new Bound(slope(m), 1);
            }
            return new Bound(2 * Math.sqrt(slope(m) * slope(d)), 0.5);
        }
    }
}
