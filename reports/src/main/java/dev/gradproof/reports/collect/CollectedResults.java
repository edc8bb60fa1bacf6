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
 * @param notRun      checks that could not run (from the command line; a results folder holds only results)
 */
public record CollectedResults(
        List<ResultsDirectory> directories,
        List<LoadedCheck> checks,
        List<LoadedPropertyRun> properties,
        List<UnreadableFile> unreadable,
        int stale,
        Instant since,
        List<NotRun> notRun) {

    /** Copies the lists. */
    public CollectedResults {
        directories = List.copyOf(directories);
        checks = List.copyOf(checks);
        properties = List.copyOf(properties);
        unreadable = List.copyOf(unreadable);
        notRun = List.copyOf(notRun);
    }

    /** What results folders hold: every check ran. */
    public CollectedResults(List<ResultsDirectory> directories, List<LoadedCheck> checks,
                            List<LoadedPropertyRun> properties, List<UnreadableFile> unreadable, int stale,
                            Instant since) {
        this(directories, checks, properties, unreadable, stale, since, List.of());
    }

    /**
     * These results and another source's, listed after them (the command's own checks, then the
     * contract kit's recorded runs); {@code since} stays this one's.
     */
    public CollectedResults plus(CollectedResults other) {
        return new CollectedResults(concat(directories, other.directories), concat(checks, other.checks),
                concat(properties, other.properties), concat(unreadable, other.unreadable), stale + other.stale, since,
                concat(notRun, other.notRun));
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** True when no file at all was found. */
    public boolean isEmpty() {
        return checks.isEmpty() && properties.isEmpty() && unreadable.isEmpty() && notRun.isEmpty();
    }
}
