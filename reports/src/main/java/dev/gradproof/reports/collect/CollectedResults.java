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

    /** These results and the checks that could not run. */
    public CollectedResults withNotRun(List<NotRun> more) {
        List<NotRun> all = new java.util.ArrayList<>(notRun);
        all.addAll(more);
        return new CollectedResults(directories, checks, properties, unreadable, stale, since, all);
    }

    /** These results and more checks, listed after them. */
    public CollectedResults withChecks(List<LoadedCheck> more) {
        List<LoadedCheck> all = new java.util.ArrayList<>(checks);
        all.addAll(more);
        return new CollectedResults(directories, all, properties, unreadable, stale, since, notRun);
    }

    /** True when no file at all was found. */
    public boolean isEmpty() {
        return checks.isEmpty() && properties.isEmpty() && unreadable.isEmpty() && notRun.isEmpty();
    }
}
