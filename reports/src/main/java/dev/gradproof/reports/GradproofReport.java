package dev.gradproof.reports;

import dev.gradproof.reports.collect.CollectedResults;
import dev.gradproof.reports.collect.ResultCollector;
import dev.gradproof.reports.collect.ResultsDirectory;
import dev.gradproof.reports.output.ReportWriter;
import dev.gradproof.reports.view.Counts;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes the report of recorded results: {@code index.html} and {@code results.json} in a folder
 * (by convention {@code target/}{@value #FOLDER}).
 *
 * <pre>{@code
 * // every module of a build, recorded since the build started
 * GradproofReport.Written w = GradproofReport.ofBuild(Path.of("."), Path.of("reports/target/gradproof-report"), start);
 * System.out.println(w.summary());
 * }</pre>
 */
public final class GradproofReport {

    /** The report's folder under {@code target/}. */
    public static final String FOLDER = "gradproof-report";

    private GradproofReport() {
    }

    /**
     * The report of every module of a build: {@code <root>/<module>/target/gradproof-results/}.
     *
     * @param since results recorded before this instant (an earlier build) are left out; null keeps all
     */
    public static Written ofBuild(Path root, Path folder, Instant since) {
        return ofBuild(root, folder, since, null);
    }

    /**
     * The report of one run of a build: {@code <root>/<module>/target/gradproof-results/<run>/}, so
     * that another build of the same checkout running at the same time is not counted.
     *
     * @param since results recorded before this instant are left out; null keeps all
     * @param run   the run's id ({@code -Dgradproof.run} of the build's tests); null reads every run
     */
    public static Written ofBuild(Path root, Path folder, Instant since, String run) {
        return of(ResultsDirectory.ofBuild(root, run), "gradproof report", folder, since);
    }

    /** The report of some results folders. */
    public static Written of(List<ResultsDirectory> directories, String title, Path folder, Instant since) {
        return of(ResultCollector.since(since).collect(directories), title, folder);
    }

    /** The report of results already collected. */
    public static Written of(CollectedResults collected, String title, Path folder) {
        ReportWriter.Written written = ReportWriter.write(collected, title, folder);
        return new Written(written.index(), written.view().counts());
    }

    /**
     * A written report.
     *
     * @param index  the page
     * @param counts what it counted
     */
    public record Written(Path index, Counts counts) {

        /**
         * {@code gradproof report: /…/index.html (12 checks: 10 PASS, 1 FAIL, 0 INCONCLUSIVE, 1 KINK; 4 property runs, 0 failed)}.
         */
        public String summary() {
            return "gradproof report: " + index + " (" + counts.checks() + " checks: " + counts.passed() + " PASS, "
                    + counts.failed() + " FAIL, " + counts.inconclusive() + " INCONCLUSIVE, " + counts.kinks() + " KINK"
                    + (counts.expectedFailures() > 0 ? ", " + counts.expectedFailures() + " expected failures" : "")
                    + (counts.properties() > 0 ? "; " + counts.properties() + " property runs, "
                            + counts.propertiesFailed() + " failed"
                            + (counts.propertiesExpectedFailures() > 0
                                    ? ", " + counts.propertiesExpectedFailures() + " expected failures" : "") : "")
                    + (counts.unreadable() > 0 ? "; " + counts.unreadable() + " unreadable files" : "") + ")";
        }
    }
}
