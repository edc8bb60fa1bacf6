package dev.gradproof.reports.view;

import dev.gradproof.properties.recording.PropertyRun;

import java.util.List;
import java.util.Locale;

/**
 * One row of the property runs.
 *
 * @param status         SUCCESSFUL, FAILED or ABORTED
 * @param test           {@code SimpleClassName.property}
 * @param testClass      the fully qualified class
 * @param tries          tries generated
 * @param checks         tries checked (not rejected by an assumption)
 * @param seed           the seed that replays the run
 * @param statistics     the statistics and coverage reports jqwik published, titled without the
 *                       property's name (the row names it)
 * @param counterexample the shrunk falsifying sample, one line per parameter; empty when none
 * @param shrinkingSteps shrinking steps, or null
 * @param originalSample the falsifying sample before shrinking; empty when none
 * @param failure        why it failed or was aborted; empty when it passed
 * @param module         the module that recorded it
 * @param durationMillis how long it took
 * @param expectedFailure true when its test said it fails on purpose
 */
public record PropertyRunView(
        String status,
        String test,
        String testClass,
        int tries,
        int checks,
        String seed,
        List<Statistics> statistics,
        String counterexample,
        Integer shrinkingSteps,
        String originalSample,
        String failure,
        String module,
        long durationMillis,
        boolean expectedFailure) {

    /** {@code pass}, {@code fail}, {@code expected} (failed on purpose) or {@code aborted}. */
    public String statusClass() {
        return switch (status) {
            case "SUCCESSFUL" -> "pass";
            case "FAILED" -> expectedFailure ? "expected" : "fail";
            default -> status.toLowerCase(Locale.ROOT);
        };
    }

    /** A sort key: failed first, then aborted, then successful. */
    public int statusRank() {
        return switch (status) {
            case "FAILED" -> 0;
            case "SUCCESSFUL" -> 2;
            default -> 1;
        };
    }

    /**
     * A report of statistics or coverage.
     *
     * @param title jqwik's key without the leading {@code [Container:property]}, e.g. {@code (100) shared op nodes}
     * @param text  the report
     */
    public record Statistics(String title, String text) {

        /** The report of a recorded one. */
        static Statistics of(PropertyRun.Report report) {
            String key = report.key() == null ? "" : report.key();
            int end = key.startsWith("[") ? key.indexOf("] ") : -1;
            return new Statistics(end > 0 ? key.substring(end + 2) : key, report.text());
        }
    }

    /** The row of a run. */
    public static PropertyRunView of(String module, PropertyRun run) {
        return new PropertyRunView(run.status(), run.shortName(), run.testClass(), run.tries(), run.checks(),
                run.seed() == null ? "" : run.seed(), run.statistics().stream().map(Statistics::of).toList(),
                String.join("\n", run.counterexample()),
                run.shrinkingSteps(), String.join("\n", run.originalSample()),
                run.failure() == null ? "" : run.failure(), module, run.durationMillis(), run.expectedFailure());
    }
}
