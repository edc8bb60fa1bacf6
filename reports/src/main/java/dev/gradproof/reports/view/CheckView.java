package dev.gradproof.reports.view;

/**
 * One row of the table of checks, with its details.
 *
 * @param id                  the row's number in the page (anchors {@code check-<id>})
 * @param status              PASS, KINK, INCONCLUSIVE, FAIL or EXPECTED FAIL
 * @param test                {@code TestClass.method}, or a dash outside tests
 * @param testClass           the fully qualified test class, or empty
 * @param testMethod          the test method or property, or empty
 * @param engine              {@code junit-jupiter}, {@code jqwik}, or empty
 * @param label               the check's label
 * @param op                  the op under check, or empty
 * @param kind                {@code gradcheck} or {@code gradgradcheck}
 * @param mode                FULL, SAMPLED or FAST
 * @param inputs              the inputs with shapes, excluded ones marked
 * @param elementsChecked     elements (FAST: directions) compared
 * @param unit                {@code elements} or {@code directions}
 * @param maxErrorRatio       the largest ratio of |a - n| to the element's tolerance (above 1 fails)
 * @param maxRelativeError    the largest relative error (KINK elements left out), for sorting
 * @param maxText             the same, printed
 * @param medianRelativeError the median relative error, for sorting
 * @param medianText          the same, printed
 * @param kinks               elements reported as KINK
 * @param kinkOps             the kinked ops met, with counts ({@code relu ×2})
 * @param module              the module that recorded it
 * @param file                the result file's name
 * @param details             the details shown on demand
 */
public record CheckView(
        int id,
        CheckStatus status,
        String test,
        String testClass,
        String testMethod,
        String engine,
        String label,
        String op,
        String kind,
        String mode,
        String inputs,
        long elementsChecked,
        String unit,
        double maxErrorRatio,
        double maxRelativeError,
        String maxText,
        double medianRelativeError,
        String medianText,
        int kinks,
        String kinkOps,
        String module,
        String file,
        CheckDetails details) {

    /** The test class's simple name, or empty. */
    public String testClassSimpleName() {
        return testClass.substring(testClass.lastIndexOf('.') + 1);
    }

    /** A sort key for the status column: FAIL first, PASS last. */
    public int statusRank() {
        return status.rank();
    }

    /** The largest relative error as a sort key a browser parses ({@code 1e308} for infinity). */
    public String maxSortKey() {
        return sortKey(maxRelativeError);
    }

    /** The median relative error as a sort key. */
    public String medianSortKey() {
        return sortKey(medianRelativeError);
    }

    static String sortKey(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "1e308";
    }
}
