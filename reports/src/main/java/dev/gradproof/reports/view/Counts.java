package dev.gradproof.reports.view;

/**
 * The counts at the top of the report; the per-op table and the histogram count the same checks.
 *
 * @param checks            checks read
 * @param passed            checks that passed without kinks
 * @param failed            checks that failed and were not expected to
 * @param kinks             checks that passed with kinks
 * @param inconclusive      checks whose evidence did not support a PASS
 * @param expectedFailures  checks that failed as their test said they would, counted apart
 * @param notRun            checks that could not run
 * @param unreadable        result files that could not be read
 * @param elements          elements (and FAST directions) compared over all checks
 * @param stale             results left out as older than this build
 * @param properties        jqwik property runs
 * @param propertiesFailed  of which failed (expected failures left out)
 * @param propertiesAborted of which aborted (an assumption or a missing capability)
 * @param propertiesExpectedFailures of which failed as their test said they would
 */
public record Counts(int checks, int passed, int failed, int kinks, int inconclusive, int expectedFailures,
                     int notRun, int unreadable, long elements, int stale, int properties, int propertiesFailed,
                     int propertiesAborted, int propertiesExpectedFailures) {

    /** True when nothing failed unexpectedly, nothing was inconclusive and everything could be run and read. */
    public boolean allPassed() {
        return failed == 0 && inconclusive == 0 && notRun == 0 && unreadable == 0 && propertiesFailed == 0;
    }
}
