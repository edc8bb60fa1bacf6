package dev.gradproof.reports.view;

import java.util.List;

/**
 * What a check's row shows when opened.
 *
 * @param verdict         the check's verdict: PASSED, INCONCLUSIVE or FAILED
 * @param reasons         why the verdict is not PASSED, in words that say what to do
 * @param detectableError the smallest relative error a compared element would have caught, printed; empty when none
 * @param coverage        the probability that an error in one element is caught (SAMPLED: k/n), printed; empty in FAST mode
 * @param seed            the seed
 * @param eps             the finite-difference step
 * @param precision       the precision the function computes in
 * @param tolerance       the tolerance rule's factors, in words
 * @param recorded        when the check finished
 * @param durationMillis  how long it took
 * @param replay          one line of Java that repeats the check
 * @param findings        failed sanity checks
 * @param notes           observations that do not fail the check
 * @param fastConfidence  FAST mode's statement, or empty
 * @param inputs          per input: shape, counts and heatmap
 * @param worst           the worst element records across inputs
 * @param recordsKept     how many element records the result kept in all
 */
public record CheckDetails(
        String verdict,
        List<String> reasons,
        String detectableError,
        String coverage,
        long seed,
        String eps,
        String precision,
        String tolerance,
        String recorded,
        long durationMillis,
        String replay,
        List<String> findings,
        List<String> notes,
        String fastConfidence,
        List<InputView> inputs,
        List<ElementView> worst,
        int recordsKept) {
}
