package dev.gradproof.maven;

import dev.gradproof.reports.GradproofReport;
import dev.gradproof.reports.collect.CollectedResults;
import dev.gradproof.reports.collect.ResultsDirectory;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.List;

/**
 * Writes the HTML report of the checks and property runs this module's tests recorded:
 * {@code target/gradproof-report/index.html}, with {@code results.json} beside it.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportMojo extends ResultsMojo {

    /** The report's folder. */
    @Parameter(property = "gradproof.report.outputDirectory",
            defaultValue = "${project.build.directory}/" + GradproofReport.FOLDER)
    File outputDirectory;

    /** The report's title. */
    @Parameter(property = "gradproof.report.title", defaultValue = "${project.name}")
    String title;

    @Override
    public void execute() {
        write(ownResults());
    }

    /** Writes the report of some results folders, or says why none was written. */
    void write(List<ResultsDirectory> directories) {
        if (skip) {
            getLog().info("gradproof: skipped (gradproof.skip)");
            return;
        }
        CollectedResults results = collect(directories);
        if (results.isEmpty()) {
            getLog().info("gradproof: no results recorded in " + directories + ", no report written");
            return;
        }
        GradproofReport.Written written = GradproofReport.of(results, title, outputDirectory.toPath());
        getLog().info(written.summary());
    }
}
