package dev.gradproof.reports.view;

/**
 * The verdict counts at the top of the report.
 *
 * @param checks     checks read
 * @param passed     checks that passed without kinks
 * @param failed     checks that failed
 * @param kinks      checks that passed with kinks
 * @param unreadable result files that could not be read
 * @param elements   elements (and FAST directions) compared over all checks
 * @param stale      results left out as older than this build
 * @param properties        jqwik property runs
 * @param propertiesFailed  of which failed
 * @param propertiesAborted of which aborted (an assumption or a missing capability)
 */
public record Counts(int checks, int passed, int failed, int kinks, int unreadable, long elements, int stale,
                     int properties, int propertiesFailed, int propertiesAborted) {
}
