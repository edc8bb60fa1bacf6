package dev.gradproof.reports.cli;

import dev.gradproof.reports.collect.NotRun;
import dev.gradproof.reports.view.Counts;
import dev.gradproof.reports.view.OpRow;
import dev.gradproof.reports.view.ProblemView;
import dev.gradproof.reports.view.PropertyRunView;
import dev.gradproof.reports.view.ReportView;

import java.util.Locale;

/**
 * The table the command prints: per op, its checks, elements, the worst error against tolerance
 * (|a − n| / tolerance: above 1 fails) and the checks by status; the same counts as the report's.
 * Then the property runs of the contract kit (alone when only the kit ran), the checks that could
 * not run and the unreadable files.
 */
final class SummaryTable {

    private static final String ROW = "%-24s %7s %9s %9s %6s %6s %6s %6s%n";

    private SummaryTable() {
    }

    /** The status of a property run the kit skipped (the adapter does not declare what it needs). */
    private static final String SKIPPED = "SKIPPED";

    /** The table of a report. */
    static String of(ReportView report) {
        StringBuilder b = new StringBuilder();
        Counts c = report.counts();
        if (c.checks() > 0 || c.properties() == 0) {
            b.append(String.format(Locale.ROOT, ROW, "op", "checks", "elements", "err/tol", "PASS", "KINK", "INCONC",
                    "FAIL"));
            for (OpRow o : report.ops()) {
                b.append(String.format(Locale.ROOT, ROW, o.op(), o.checks(), o.elements(), o.worstRatioText(),
                        o.passed(), o.kinks(), o.inconclusive(), o.failed()));
            }
            b.append(String.format(Locale.ROOT, ROW, "all", c.checks(), c.elements(), "", c.passed(), c.kinks(),
                    c.inconclusive(), c.failed()));
        }
        if (c.properties() > 0) {
            long skipped = report.properties().stream().filter(p -> p.status().equals(SKIPPED)).count();
            b.append(String.format(Locale.ROOT,
                    "contract kit: %d properties, %d successful, %d skipped, %d failed, %d aborted%n",
                    c.properties(), c.properties() - skipped - c.propertiesFailed() - c.propertiesAborted()
                            - c.propertiesExpectedFailures(), skipped, c.propertiesFailed(), c.propertiesAborted()));
            for (PropertyRunView p : report.properties()) {
                // skipped properties are listed with their rule and reason by the kit's run
                if (!p.status().equals("SUCCESSFUL") && !p.status().equals(SKIPPED)) {
                    b.append(p.status()).append(' ').append(p.test()).append(": ")
                            .append(p.failure().lines().findFirst().orElse("")).append('\n');
                }
            }
        }
        for (NotRun n : report.notRun()) {
            b.append("NOT RUN ").append(n.label()).append(": ").append(n.error()).append('\n');
        }
        for (ProblemView p : report.unreadable()) {
            b.append("UNREADABLE ").append(p.file()).append(": ").append(p.problem()).append('\n');
        }
        return b.toString();
    }
}
