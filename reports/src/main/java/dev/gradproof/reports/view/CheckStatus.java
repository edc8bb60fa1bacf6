package dev.gradproof.reports.view;

import dev.gradproof.gradcheck.model.CheckVerdict;
import dev.gradproof.gradcheck.model.GradCheckResult;

import java.util.Locale;

/**
 * How the report shows a whole check: the model's {@link CheckVerdict}, with a pass split by
 * whether kinks were met, and a failure split by whether the test marked it as expected (a suite
 * that proves the checker catches wrong gradients). Only {@link #FAIL} is a failure of the code
 * under check; {@link #EXPECTED_FAIL} is counted apart.
 */
public enum CheckStatus {
    /** Failed, and not expected to. */
    FAIL("FAIL"),
    /** Nothing failed, but the evidence does not support a PASS. */
    INCONCLUSIVE("INCONCLUSIVE"),
    /** Failed or inconclusive, as the test that ran it said it would (it proves the checker does not pass it). */
    EXPECTED_FAIL("EXPECTED FAIL"),
    /** Passed, with elements whose probe crossed a kink. */
    KINK("KINK"),
    /** Passed, no kink met. */
    PASS("PASS");

    private final String text;

    CheckStatus(String text) {
        this.text = text;
    }

    /** The status of a result. */
    public static CheckStatus of(GradCheckResult result) {
        return switch (result.verdict()) {
            case FAILED -> expectedToFail(result) ? EXPECTED_FAIL : FAIL;
            case INCONCLUSIVE -> expectedToFail(result) ? EXPECTED_FAIL : INCONCLUSIVE;
            case PASSED -> result.statistics().kinks() > 0 ? KINK : PASS;
        };
    }

    /** Whether the test that ran the check said its checks fail on purpose (tagged {@code expected-failure}). */
    public static boolean expectedToFail(GradCheckResult result) {
        return result.context() != null && result.context().expectedFailure();
    }

    /** As printed: {@code PASS}, {@code EXPECTED FAIL}. */
    public String text() {
        return text;
    }

    /** The CSS class: {@code pass}, {@code fail}, {@code kink}, {@code inconclusive}, {@code expected}. */
    public String cssClass() {
        return this == EXPECTED_FAIL ? "expected" : name().toLowerCase(Locale.ROOT);
    }

    /** A sort key: FAIL first, PASS last (declaration order). */
    public int rank() {
        return ordinal();
    }

    @Override
    public String toString() {
        return text;
    }
}
