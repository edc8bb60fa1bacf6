package dev.gradproof.reports.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gradproof.gradcheck.model.ResultJson;
import dev.gradproof.gradcheck.recording.AtomicFiles;
import dev.gradproof.reports.collect.CollectedResults;
import dev.gradproof.reports.collect.MutationReports;
import dev.gradproof.reports.collect.MutationRun;
import dev.gradproof.reports.view.ReportView;
import dev.gradproof.reports.view.ReportViews;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes a report folder: {@value #INDEX} (the page) and {@value #JSON} (the aggregated results),
 * each atomically.
 */
public final class ReportWriter {

    /** The page. */
    public static final String INDEX = "index.html";
    /** The aggregated results. */
    public static final String JSON = "results.json";

    private ReportWriter() {
    }

    /**
     * Writes the report of {@code collected} into {@code folder}.
     *
     * @return the page written
     */
    public static Written write(CollectedResults collected, String title, Path folder) {
        return write(collected, MutationReports.near(collected.directories()), title, folder);
    }

    /**
     * Writes the report of {@code collected} and of the mutation runs {@code mutations} (already read)
     * into {@code folder}.
     *
     * @return the page written
     */
    public static Written write(CollectedResults collected, List<MutationRun> mutations, String title, Path folder) {
        Instant now = Instant.now();
        ReportView view = ReportViews.of(collected, mutations, title, now);
        String json;
        try {
            json = ResultJson.mapper().writeValueAsString(AggregatedResults.of(collected, view.counts(), now.toString()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not write the aggregated results as JSON: " + e.getMessage(), e);
        }
        AtomicFiles.write(folder.resolve(JSON), json);
        Path index = AtomicFiles.write(folder.resolve(INDEX), HtmlRenderer.render(view));
        return new Written(index.toAbsolutePath(), view);
    }

    /**
     * What was written.
     *
     * @param index the page
     * @param view  what it shows
     */
    public record Written(Path index, ReportView view) {
    }
}
