package dev.gradproof.reports.junit;

import dev.gradproof.gradcheck.recording.ResultRecorder;
import dev.gradproof.reports.GradproofReport;
import dev.gradproof.reports.collect.ResultsDirectory;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;

/**
 * Writes the project's gradproof report when a test run ends: the results gradcheck recorded
 * during this run (in this run's folder {@code target/gradproof-results/<run>/}, or under
 * {@code -Dgradproof.results.dir}; {@code build/} for Gradle) become
 * {@code target/gradproof-report/index.html}, and its path is printed. Another run of the same
 * project at the same time records into a folder of its own, so neither counts the other's results. Results of earlier runs in
 * the same folder are left out (counted as stale). Nothing is written when there is no results
 * folder; when the folder holds only earlier results, the report is written empty and nothing is
 * printed. A report that cannot be written is said on standard error and never fails the tests.
 *
 * <p>Registered through {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener},
 * so adding {@code reports} as a test dependency is all a project does. System properties:
 * {@value #ENABLED_PROPERTY}{@code =false} switches it off; {@value #DIRECTORY_PROPERTY} chooses the
 * report's folder.
 */
public final class ReportListener implements TestExecutionListener {

    /** {@code false} switches the listener off. */
    public static final String ENABLED_PROPERTY = "gradproof.report";
    /** The report's folder, overriding {@code <basedir>/target/gradproof-report}. */
    public static final String DIRECTORY_PROPERTY = "gradproof.report.dir";

    private final ResultsDirectory results;
    private final Path folder;
    private final PrintStream out;
    private Instant started;

    /** The listener as the JUnit Platform creates it: folders from the system properties. */
    public ReportListener() {
        this(new ResultsDirectory(projectName(), ResultRecorder.directory()), defaultFolder(), System.out);
    }

    /**
     * A listener with explicit folders.
     *
     * @param results where this run's results are recorded
     * @param folder  where the report goes
     * @param out     where its path is printed
     */
    public ReportListener(ResultsDirectory results, Path folder, PrintStream out) {
        this.results = results;
        this.folder = folder;
        this.out = out;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        started = Instant.now();
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (!enabled() || !Files.isDirectory(results.directory())) {
            return;
        }
        try {
            GradproofReport.Written written = GradproofReport.of(List.of(results),
                    "gradproof report · " + results.module(), folder, started);
            if (written.counts().checks() + written.counts().properties() + written.counts().unreadable() > 0) {
                out.println(written.summary());
            }
        } catch (RuntimeException e) {
            System.err.println("gradproof report: could not write the report into " + folder + ": " + e);
        }
    }

    private static boolean enabled() {
        return !ResultRecorder.isSwitchedOff(ENABLED_PROPERTY);
    }

    private static Path basedir() {
        return ResultRecorder.basedir().toAbsolutePath();
    }

    private static String projectName() {
        Path name = basedir().getFileName();
        return name == null ? "project" : name.toString();
    }

    private static Path defaultFolder() {
        String dir = System.getProperty(DIRECTORY_PROPERTY);
        if (dir != null && !dir.isBlank()) {
            return Paths.get(dir);
        }
        return basedir().resolve(ResultRecorder.buildFolderName(basedir())).resolve(GradproofReport.FOLDER);
    }
}
