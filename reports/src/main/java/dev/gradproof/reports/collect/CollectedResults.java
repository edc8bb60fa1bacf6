package dev.gradproof.reports.collect;

import java.time.Instant;
import java.util.List;

/**
 * Everything found in the results folders of a build or a project.
 *
 * @param directories the folders read
 * @param checks      the results read, by module and file name
 * @param properties  the jqwik property runs read, by module and file name
 * @param unreadable  the files that could not be read, with the reason
 * @param stale       results left out because they were recorded before {@code since}
 * @param since       the earliest recording time taken, or null for all
 */
public record CollectedResults(
        List<ResultsDirectory> directories,
        List<LoadedCheck> checks,
        List<LoadedPropertyRun> properties,
        List<UnreadableFile> unreadable,
        int stale,
        Instant since) {

    /** Copies the lists. */
    public CollectedResults {
        directories = List.copyOf(directories);
        checks = List.copyOf(checks);
        properties = List.copyOf(properties);
        unreadable = List.copyOf(unreadable);
    }

    /** True when no file at all was found. */
    public boolean isEmpty() {
        return checks.isEmpty() && properties.isEmpty() && unreadable.isEmpty();
    }
}
