package dev.gradproof.gradcheck.catalogue;

import dev.gradproof.gradcheck.GradCheck;

/**
 * A change to one of gradcheck's tolerance settings for the checks of a spec, with the reason it is
 * needed. The catalogue prefers none: gradcheck's tolerances adapt to each element.
 *
 * @param setting which setting
 * @param value   its value
 * @param reason  why the default does not serve this op (required)
 */
public record ToleranceOverride(Setting setting, double value, String reason) {

    /** The settings that may be overridden. */
    public enum Setting {
        /** The finite-difference step ({@link GradCheck#eps(double)}). */
        EPS,
        /** The multiple of the estimated numerical error tolerated ({@link GradCheck#safetyFactor(double)}). */
        SAFETY_FACTOR,
        /** The assumed rounding per output ({@link GradCheck#roundingUlps(double)}). */
        ROUNDING_ULPS
    }

    /** Checks that a setting and a reason are given. */
    public ToleranceOverride {
        if (setting == null) {
            throw new IllegalArgumentException("tolerance override: setting is null");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("tolerance override of " + setting + ": a reason is required");
        }
    }

    /** Applies the override to a check. */
    public GradCheck applyTo(GradCheck check) {
        return switch (setting) {
            case EPS -> check.eps(value);
            case SAFETY_FACTOR -> check.safetyFactor(value);
            case ROUNDING_ULPS -> check.roundingUlps(value);
        };
    }
}
