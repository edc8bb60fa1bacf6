package dev.gradproof.gradcheck.model;

/**
 * The numbers that decide a verdict, recorded with every result. How they are used is stated once,
 * in the engine's error model ({@code ErrorModel}) and, term for term, in the README's "The error
 * model": an element passes when {@code |a - n| <= max(safetyFactor * max(T, N), roundingUlps * rho,
 * analyticUlps * machineEpsilon * max(|a|, |n|)) + safetyFactor * P}.
 *
 * <p>The defaults ({@code safetyFactor} 10, {@code roundingUlps} 4, {@code analyticUlps} 16) were
 * chosen from measurement: over 21 correct smooth ops at 200 random points each the largest ratio of
 * error to tolerance was 0.13 and no element failed, while every op caught a small relative bias in
 * its gradient at every point (the README quotes the figures and the command that produced them).
 * The safety factor on the data-driven estimates makes a false alarm need an error ten times its
 * estimate (the estimates are single samples of the noise); 4 units of rounding per output covers
 * the few roundings of a typical output where the estimates happen to be small.
 *
 * @param precision               the precision the function computes in
 * @param eps                     the finite-difference step: {@code h = eps max(1, |x|)} per element
 * @param stencilPoints           2 for the central difference (with its 2h partner), or the number of
 *                                points of a Commons Math {@code FiniteDifferencesDifferentiator} stencil
 * @param safetyFactor            the multiple of the estimated numerical error that is tolerated
 * @param roundingUlps            the rounding of an evaluated output, in units of
 *                                {@code machineEpsilon * |output|}
 * @param analyticUlps            the rounding of the analytic gradient, in the same units
 * @param kinkNoiseFactor         how far above rounding the kink evidence must be
 * @param kinkRelativeThreshold   how large the kink evidence must be relative to the slopes
 * @param nondeterminismTolerance relative difference allowed between two forward passes at the same
 *                                point, and between two backward passes with the same upstream
 *                                (0: bitwise equal)
 * @param maxDetectableError      the largest relative error a check may be unable to see and still
 *                                PASS: above it, where measured noise sets the tolerance or FAST's
 *                                statement is that weak, the check is INCONCLUSIVE
 */
public record Tolerances(
        Precision precision,
        double eps,
        int stencilPoints,
        double safetyFactor,
        double roundingUlps,
        double analyticUlps,
        double kinkNoiseFactor,
        double kinkRelativeThreshold,
        double nondeterminismTolerance,
        double maxDetectableError) {

    /** {@link #stencilPoints()} of the central difference (with its partner at {@code 2h}), the default. */
    public static final int CENTRAL_DIFFERENCE = 2;
    /** The default {@link #maxDetectableError()}: a check that could miss an error as large as the gradient proves nothing. */
    public static final double DEFAULT_MAX_DETECTABLE_ERROR = 1.0;

    /** The default safety factor on the estimated numerical error. */
    public static final double DEFAULT_SAFETY_FACTOR = 10;
    /** The default rounding bound per output, in units of machine epsilon times the output's size. */
    public static final double DEFAULT_ROUNDING_ULPS = 4;
    /** The default rounding bound of the analytic gradient. */
    public static final double DEFAULT_ANALYTIC_ULPS = 16;
    /** The default factor by which kink evidence must exceed rounding. */
    public static final double DEFAULT_KINK_NOISE_FACTOR = 100;
    /** The default size of kink evidence relative to the one-sided slopes. */
    public static final double DEFAULT_KINK_RELATIVE_THRESHOLD = 1e-4;

    /** Checks the values. */
    public Tolerances {
        if (precision == null) {
            throw new IllegalArgumentException("tolerances: precision is null");
        }
        requirePositive("eps", eps);
        requirePositive("safetyFactor", safetyFactor);
        requirePositive("roundingUlps", roundingUlps);
        requirePositive("analyticUlps", analyticUlps);
        requirePositive("kinkNoiseFactor", kinkNoiseFactor);
        requirePositive("kinkRelativeThreshold", kinkRelativeThreshold);
        if (!(nondeterminismTolerance >= 0)) {
            throw new IllegalArgumentException("tolerances: nondeterminismTolerance must be >= 0, got "
                    + nondeterminismTolerance);
        }
        requirePositive("maxDetectableError", maxDetectableError);
        if (stencilPoints != CENTRAL_DIFFERENCE && (stencilPoints < 3 || stencilPoints % 2 == 0)) {
            throw new IllegalArgumentException("tolerances: stencilPoints must be 2 (central difference) or an odd"
                    + " number >= 3, got " + stencilPoints);
        }
    }

    /** The defaults for a precision: its default step, the central difference and the factors above. */
    public static Tolerances defaults(Precision precision) {
        return new Tolerances(precision, precision.defaultEps(), CENTRAL_DIFFERENCE, DEFAULT_SAFETY_FACTOR,
                DEFAULT_ROUNDING_ULPS, DEFAULT_ANALYTIC_ULPS, DEFAULT_KINK_NOISE_FACTOR, DEFAULT_KINK_RELATIVE_THRESHOLD,
                0.0, DEFAULT_MAX_DETECTABLE_ERROR);
    }

    /** These tolerances with another step. */
    public Tolerances withEps(double newEps) {
        return new Tolerances(precision, newEps, stencilPoints, safetyFactor, roundingUlps, analyticUlps,
                kinkNoiseFactor, kinkRelativeThreshold, nondeterminismTolerance, maxDetectableError);
    }

    /** These tolerances with another stencil. */
    public Tolerances withStencilPoints(int points) {
        return new Tolerances(precision, eps, points, safetyFactor, roundingUlps, analyticUlps,
                kinkNoiseFactor, kinkRelativeThreshold, nondeterminismTolerance, maxDetectableError);
    }

    /** These tolerances with another safety factor. */
    public Tolerances withSafetyFactor(double factor) {
        return new Tolerances(precision, eps, stencilPoints, factor, roundingUlps, analyticUlps,
                kinkNoiseFactor, kinkRelativeThreshold, nondeterminismTolerance, maxDetectableError);
    }

    /** These tolerances with another rounding bound. */
    public Tolerances withRoundingUlps(double ulps) {
        return new Tolerances(precision, eps, stencilPoints, safetyFactor, ulps, analyticUlps,
                kinkNoiseFactor, kinkRelativeThreshold, nondeterminismTolerance, maxDetectableError);
    }

    /** These tolerances with another allowance for non-deterministic backward passes. */
    public Tolerances withNondeterminismTolerance(double tolerance) {
        return new Tolerances(precision, eps, stencilPoints, safetyFactor, roundingUlps, analyticUlps,
                kinkNoiseFactor, kinkRelativeThreshold, tolerance, maxDetectableError);
    }

    /** These tolerances with another bound on the error a passing check may be unable to see. */
    public Tolerances withMaxDetectableError(double relative) {
        return new Tolerances(precision, eps, stencilPoints, safetyFactor, roundingUlps, analyticUlps,
                kinkNoiseFactor, kinkRelativeThreshold, nondeterminismTolerance, relative);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("tolerances: " + name + " must be positive and finite, got " + value);
        }
    }
}
