package dev.gradproof.reports.view;

import dev.gradproof.reports.collect.NotRun;

import java.util.List;

/**
 * Everything the report page shows.
 *
 * @param header     the facts at the top
 * @param counts     verdict counts
 * @param histogram  log10 relative error over all compared elements
 * @param ops        per op, the worst relative error over its samples
 * @param checks     the table of checks, with details
 * @param properties the jqwik property runs
 * @param unreadable files that could not be read
 * @param notRun     checks that could not run
 * @param mutations  the pitest runs found beside the results (none when no mutation run is present)
 */
public record ReportView(
        Header header,
        Counts counts,
        Histogram histogram,
        List<OpRow> ops,
        List<CheckView> checks,
        List<PropertyRunView> properties,
        List<ProblemView> unreadable,
        List<NotRun> notRun,
        List<MutationView> mutations) {

    /** Copies the lists. */
    public ReportView {
        ops = List.copyOf(ops);
        checks = List.copyOf(checks);
        properties = List.copyOf(properties);
        unreadable = List.copyOf(unreadable);
        notRun = List.copyOf(notRun);
        mutations = List.copyOf(mutations);
    }
}
