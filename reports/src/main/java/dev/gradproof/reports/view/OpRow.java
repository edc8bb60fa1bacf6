package dev.gradproof.reports.view;

/**
 * One op of the per-op table: the worst error against tolerance over all its samples (the ratio
 * |a − n| / tolerance that decides each element: above 1 fails), beside the worst relative error.
 * Checks tagged with no op are counted under {@link #UNTAGGED}, so that the table's counts add up to
 * the header's.
 *
 * @param op            the op's name
 * @param checks        how many checks were tagged with it
 * @param elements      elements (and directions) compared over them
 * @param worstErrorRatio the largest |a − n| / tolerance over them, for ranking
 * @param worstRatioText  the same, printed
 * @param worstRelativeError the largest relative error over them
 * @param worstText     the same, printed
 * @param passed        checks that passed without kinks
 * @param failed        checks that failed unexpectedly
 * @param kinks         checks that passed with kinks
 * @param inconclusive  checks that were inconclusive
 * @param expectedFailures checks that failed as their test said they would
 * @param worstCheck    the id of the check with the largest error ratio
 * @param worstLabel    its label
 */
public record OpRow(
        String op,
        int checks,
        long elements,
        double worstErrorRatio,
        String worstRatioText,
        double worstRelativeError,
        String worstText,
        int passed,
        int failed,
        int kinks,
        int inconclusive,
        int expectedFailures,
        int worstCheck,
        String worstLabel) {

    /** The group of checks tagged with no op. */
    public static final String UNTAGGED = "(no op)";

    /** The worst relative error as a sort key. */
    public String worstSortKey() {
        return CheckView.sortKey(worstRelativeError);
    }

    /** The worst error ratio as a sort key. */
    public String worstRatioSortKey() {
        return CheckView.sortKey(worstErrorRatio);
    }

    /** {@code fail}, {@code inconclusive}, {@code kink} or {@code pass}: the worst status among its checks. */
    public String statusClass() {
        return failed > 0 ? "fail" : inconclusive > 0 ? "inconclusive" : kinks > 0 ? "kink" : "pass";
    }
}
