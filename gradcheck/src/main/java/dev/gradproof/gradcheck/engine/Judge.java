package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.model.Tolerances;
import dev.gradproof.gradcheck.model.Verdict;

/**
 * The error model: from the probed values of one scalar {@code g(t)} (a component of the output
 * along one input element or direction) and the analytic derivative, the numerical derivative, an
 * estimate of its own error, the element's tolerance and the verdict. The formula is documented on
 * {@link Tolerances}; in short:
 *
 * <ul>
 *   <li>{@code n = D(h)}, {@code T = |D(h) - D(2h)|} (truncation, Richardson),
 *       {@code N = max(|fourth difference| / (sqrt(140) h), sigma / h)} (noise of the values: from this
 *       element's five values, independent of the noise in {@code D(h)}, and {@code sigma} measured once
 *       per check by {@link NoiseProbe}), {@code rho = eps S / h} (one unit of rounding of the quotient, {@code S} the
 *       largest output magnitude probed);</li>
 *   <li>{@code tolerance = max(safety max(T, N), roundingUlps rho, analyticUlps eps max(|a|, |n|))};</li>
 *   <li>a kink is suspected when the fourth difference over {@code 2h} (of the order of the jump in
 *       slope at a kink, of {@code h^3 g''''} for a smooth function) stands far above rounding and is
 *       not negligible against the slopes. Then the one-sided slopes decide: if they disagree and the
 *       analytic value lies between them (or equals one, up to their noise and their own first-order
 *       truncation error), the element is a KINK; if it lies outside,
 *       a FAIL; if they agree, the kink lies beyond {@code h} and {@code D(h)} is compared with the
 *       slopes' difference as its error.</li>
 * </ul>
 */
final class Judge {

    /** {@code sqrt(70) * sqrt(2)}: the fourth difference of iid noise has standard deviation sqrt(70) sigma. */
    private static final double NOISE_DIVISOR = Math.sqrt(140);

    private final Stencil stencil;
    private final Tolerances tolerances;
    private final double machineEpsilon;

    Judge(Stencil stencil, Tolerances tolerances) {
        this.stencil = stencil;
        this.tolerances = tolerances;
        this.machineEpsilon = tolerances.precision().machineEpsilon();
    }

    /**
     * @param analytic     the analytic derivative
     * @param h            the step the values were probed with
     * @param t            actual displacements per offset (0 at offset 0)
     * @param g            probed values per offset
     * @param scale        the largest {@code sum |u_m f_m|} over the probes: the size rounding acts on
     * @param noiseSigma   the noise level of the values measured once per check ({@link NoiseProbe}), or 0
     * @param nodeError    the error of the numerical derivative from imprecise probe positions, per
     *                     unit of slope (0 when the actual displacements are used)
     * @param n2Correction added to {@code D(2h)} (FAST: the analytic difference between the two step
     *                     pairs' actual displacements)
     * @param branchKink   the kinked op whose branch changed between probes, or null
     */
    Judgement judge(double analytic, double h, double[] t, double[] g, double scale, double noiseSigma,
                    double nodeError, double n2Correction, String branchKink) {
        double n = stencil.derivative(1, h, t, g);
        double n2 = stencil.derivative(2, h, t, g) + n2Correction;
        double left = stencil.leftSlope(t, g);
        double right = stencil.rightSlope(t, g);
        double fourth = Math.abs(stencil.fourthDifference(t, g));
        double rho = machineEpsilon * scale / h * stencil.amplification();
        double node = nodeError * Math.abs(n);
        double truncation = Math.abs(n - n2);
        double noise = Math.max(fourth / (NOISE_DIVISOR * h), noiseSigma / h);
        double roundingBound = tolerances.roundingUlps() * rho;
        double floor = tolerances.analyticUlps() * machineEpsilon * Math.max(Math.abs(analytic), Math.abs(n));
        double safety = tolerances.safetyFactor();
        double noiseRatio = rho > 0 ? noise / rho : 0;

        if (!Double.isFinite(analytic)) {
            return new Judgement(analytic, h, n, Double.NaN, Double.NaN, Verdict.FAIL, null, left, right,
                    "the analytic derivative is " + analytic, noiseRatio);
        }
        double estimate = Math.max(Math.max(truncation, noise), rho) + node;
        double tolerance = Math.max(safety * Math.max(truncation, noise), Math.max(roundingBound, floor)) + safety * node;
        if (branchKink != null) {
            return new Judgement(analytic, h, n, estimate, tolerance, Verdict.KINK, branchKink, left, right, null,
                    noiseRatio);
        }
        double kinkEvidence = fourth / (2 * h);
        double slopes = Math.max(Math.max(Math.abs(left), Math.abs(right)), Math.abs(n));
        boolean suspected = kinkEvidence > tolerances.kinkNoiseFactor() * Math.max(roundingBound, noiseSigma / h)
                && kinkEvidence > tolerances.kinkRelativeThreshold() * slopes;
        if (!suspected) {
            return verdict(analytic, h, n, estimate, tolerance, left, right, noiseRatio);
        }
        noiseRatio = 0;
        double spread = Math.abs(left - right);
        double oneSidedNoise = 2 * roundingBound;
        boolean disagree = spread > Math.max(oneSidedNoise,
                tolerances.kinkRelativeThreshold() * Math.max(Math.abs(left), Math.abs(right)));
        if (disagree) {
            // the one-sided slopes are first-order accurate: allow their truncation (twice, as a margin)
            double slack = Math.max(Math.max(oneSidedNoise, floor),
                    Math.max(0.1 * spread, 2 * stencil.oneSidedTruncation(t, g)));
            double lo = Math.min(left, right) - slack;
            double hi = Math.max(left, right) + slack;
            if (analytic >= lo && analytic <= hi) {
                return new Judgement(analytic, h, n, spread, tolerance, Verdict.KINK, KINK_HEURISTIC, left, right, null,
                        noiseRatio);
            }
            return new Judgement(analytic, h, n, spread, tolerance, Verdict.FAIL, null, left, right,
                    "the one-sided slopes differ (left " + dev.gradproof.gradcheck.model.Numbers.compact(left)
                            + ", right " + dev.gradproof.gradcheck.model.Numbers.compact(right)
                            + "), as at a kink, but the analytic value lies outside them", noiseRatio);
        }
        double nearEstimate = Math.max(spread, rho) + node;
        double nearTolerance = Math.max(safety * spread, Math.max(roundingBound, floor)) + safety * node;
        return verdict(analytic, h, n, nearEstimate, nearTolerance, left, right, noiseRatio);
    }

    /** The kink name the heuristic reports. */
    static final String KINK_HEURISTIC = "one-sided slopes";

    private static Judgement verdict(double analytic, double h, double n, double estimate, double tolerance, double left,
                                     double right, double noiseRatio) {
        Verdict v = Math.abs(analytic - n) <= tolerance ? Verdict.PASS : Verdict.FAIL;
        return new Judgement(analytic, h, n, estimate, tolerance, v, null, left, right, null, noiseRatio);
    }
}
