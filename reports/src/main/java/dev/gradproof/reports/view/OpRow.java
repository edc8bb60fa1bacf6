package dev.gradproof.reports.view;

/**
 * One op of the per-op table: the worst relative error over all its samples.
 *
 * @param op            the op's name
 * @param checks        how many checks were tagged with it
 * @param elements      elements (and directions) compared over them
 * @param worstRelativeError the largest relative error over them, for sorting
 * @param worstText     the same, printed
 * @param passed        checks that passed without kinks
 * @param failed        checks that failed
 * @param kinks         checks that passed with kinks
 * @param worstCheck    the id of the check with the largest relative error
 * @param worstLabel    its label
 */
public record OpRow(
        String op,
        int checks,
        long elements,
        double worstRelativeError,
        String worstText,
        int passed,
        int failed,
        int kinks,
        int worstCheck,
        String worstLabel) {

    /** The worst relative error as a sort key. */
    public String worstSortKey() {
        return CheckView.sortKey(worstRelativeError);
    }

    /** {@code fail} when a check failed, {@code kink} when one met a kink, else {@code pass}. */
    public String verdictClass() {
        return failed > 0 ? "fail" : kinks > 0 ? "kink" : "pass";
    }
}
