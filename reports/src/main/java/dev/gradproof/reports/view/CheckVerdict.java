package dev.gradproof.reports.view;

import dev.gradproof.gradcheck.model.GradCheckResult;

/**
 * The verdict of a whole check as the report counts it: FAIL when the check failed (an element or
 * a sanity finding), KINK when it passed with elements reported as kinks, PASS otherwise.
 */
public enum CheckVerdict {
    /** Passed, no kink met. */
    PASS,
    /** Failed. */
    FAIL,
    /** Passed, with elements whose probe crossed a kink. */
    KINK;

    /** The verdict of a result. */
    public static CheckVerdict of(GradCheckResult result) {
        if (!result.passed()) {
            return FAIL;
        }
        return result.statistics().kinks() > 0 ? KINK : PASS;
    }

    /** The CSS class of the verdict: {@code pass}, {@code fail}, {@code kink}. */
    public String cssClass() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
