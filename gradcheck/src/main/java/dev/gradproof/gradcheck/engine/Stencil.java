package dev.gradproof.gradcheck.engine;

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.FiniteDifferencesDifferentiator;
import org.apache.commons.math3.analysis.differentiation.UnivariateDifferentiableFunction;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * Where a numerical derivative probes a function (offsets in multiples of the step {@code h}) and
 * how it turns the probed values into derivatives.
 *
 * <p>The default (2 points) is the central difference {@code (g(h) - g(-h)) / 2h} with its partner
 * at step {@code 2h}, computed with the actual displacements. A higher-order stencil (an odd number
 * of points) uses Commons Math's {@link FiniteDifferencesDifferentiator} at steps {@code h} and
 * {@code 2h}. Either way the values at {@code -2h ... 2h} are available for the kink test.
 */
final class Stencil {

    /** The number of points that selects the central difference (with its partner at {@code 2h}). */
    static final int CENTRAL = dev.gradproof.gradcheck.model.Tolerances.CENTRAL_DIFFERENCE;

    private final int points;
    private final int[] offsets;
    private final int zero;
    private final double amplification;

    private Stencil(int points, int[] offsets, double amplification) {
        this.points = points;
        this.offsets = offsets;
        this.zero = Arrays.binarySearch(offsets, 0);
        this.amplification = amplification;
    }

    /** The stencil of {@code points} points (2: central difference). */
    static Stencil of(int points) {
        if (points == CENTRAL) {
            return new Stencil(CENTRAL, new int[] {-2, -1, 0, 1, 2}, 1.0);
        }
        int m = (points - 1) / 2;
        TreeSet<Integer> set = new TreeSet<>();
        for (int j = -m; j <= m; j++) {
            set.add(j);
            set.add(2 * j);
        }
        for (int j = -2; j <= 2; j++) {
            set.add(j);
        }
        int[] offsets = set.stream().mapToInt(Integer::intValue).toArray();
        return new Stencil(points, offsets, centralWeightSum(m));
    }

    /**
     * {@code sum |w_j|} of the central-difference weights of the derivative on {@code -m..m}
     * (in units of {@code 1/h}): {@code w_j = (-1)^(j+1) (m!)^2 / (j (m-j)! (m+j)!)}. It scales the
     * rounding error of the stencil: 1 for the central difference, 1.5 for five points.
     */
    static double centralWeightSum(int m) {
        double sum = 0;
        for (int j = 1; j <= m; j++) {
            double w = 1.0 / j;
            for (int i = 1; i <= m; i++) {
                w *= i;
            }
            for (int i = 1; i <= m; i++) {
                w *= i;
            }
            for (int i = 1; i <= m - j; i++) {
                w /= i;
            }
            for (int i = 1; i <= m + j; i++) {
                w /= i;
            }
            sum += 2 * w;
        }
        return sum;
    }

    /**
     * The error of the numerical derivative, per unit of slope and of {@code |x| / h}, from probe
     * positions that are not exactly representable: 0 for the central difference, which divides by
     * the actual displacements; the stencil's rounding amplification times machine epsilon otherwise.
     */
    double positionError(dev.gradproof.gradcheck.model.Precision precision) {
        return points == CENTRAL ? 0 : amplification * precision.machineEpsilon();
    }

    /** The probe offsets in multiples of {@code h}, ascending, including 0. */
    int[] offsets() {
        return offsets;
    }

    /** The position of offset 0 in {@link #offsets()}. */
    int zeroIndex() {
        return zero;
    }

    /** The position of an offset. */
    int indexOf(int offset) {
        return Arrays.binarySearch(offsets, offset);
    }

    /** How much the stencil amplifies rounding, relative to the central difference. */
    double amplification() {
        return amplification;
    }

    /**
     * The derivative at step {@code s h} ({@code s} 1 or 2).
     *
     * @param t the actual displacements, per offset
     * @param g the values, per offset
     */
    double derivative(int s, double h, double[] t, double[] g) {
        if (points == CENTRAL) {
            int plus = indexOf(s);
            int minus = indexOf(-s);
            return (g[plus] - g[minus]) / (t[plus] - t[minus]);
        }
        FiniteDifferencesDifferentiator differentiator = new FiniteDifferencesDifferentiator(points, s * h);
        UnivariateDifferentiableFunction fn = differentiator.differentiate(
                (double at) -> g[indexOf((int) Math.round(at / h))]);
        return fn.value(new DerivativeStructure(1, 1, 0, 0.0)).getPartialDerivative(1);
    }

    /** {@code (g(0) - g(-h)) / h}, with the actual displacement. */
    double leftSlope(double[] t, double[] g) {
        int minus = indexOf(-1);
        return (g[zero] - g[minus]) / (t[zero] - t[minus]);
    }

    /** {@code (g(h) - g(0)) / h}, with the actual displacement. */
    double rightSlope(double[] t, double[] g) {
        int plus = indexOf(1);
        return (g[plus] - g[zero]) / (t[plus] - t[zero]);
    }

    /**
     * The truncation error of the one-sided slopes: {@code |slope(h) - slope(2h)|} on each side,
     * about {@code h |g''| / 2}, the larger of the two. A one-sided difference is only first-order
     * accurate, so where a curved function meets a kink the slope on the side of the analytic
     * value is off by this much.
     */
    double oneSidedTruncation(double[] t, double[] g) {
        int plus2 = indexOf(2);
        int minus2 = indexOf(-2);
        double right2 = (g[plus2] - g[zero]) / (t[plus2] - t[zero]);
        double left2 = (g[zero] - g[minus2]) / (t[zero] - t[minus2]);
        return Math.max(Math.abs(rightSlope(t, g) - right2), Math.abs(leftSlope(t, g) - left2));
    }

    /**
     * The fourth difference of the values at {@code -2h..2h}, from the divided difference over the
     * actual displacements (so uneven rounding of the probe points does not show as curvature):
     * {@code 24 hbar^4 g[t-2, ..., t2]}, which is {@code g(-2h) - 4g(-h) + 6g(0) - 4g(h) + g(2h)}
     * for even steps. About {@code h^4 g''''} for a smooth function, {@code h} times the jump in
     * slope at a kink, and a measure of the noise of the values otherwise.
     */
    double fourthDifference(double[] t, double[] g) {
        double[] x = new double[5];
        double[] d = new double[5];
        double scale = 0;
        for (int j = -2; j <= 2; j++) {
            scale = Math.max(scale, Math.abs(g[indexOf(j)]));
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale == 0 ? 0 : Double.NaN;
        }
        // divided on values scaled to at most 1, so that values near the largest double do not overflow
        for (int j = -2; j <= 2; j++) {
            int idx = indexOf(j);
            x[j + 2] = t[idx];
            d[j + 2] = g[idx] / scale;
        }
        for (int level = 1; level <= 4; level++) {
            for (int i = 4; i >= level; i--) {
                d[i] = (d[i] - d[i - 1]) / (x[i] - x[i - level]);
            }
        }
        double hbar = (x[4] - x[0]) / 4;
        return 24 * hbar * hbar * hbar * hbar * d[4] * scale;
    }
}
