package dev.gradproof.reports.cli;

import dev.gradproof.reports.view.Counts;
import dev.gradproof.reports.view.OpRow;
import dev.gradproof.reports.view.ProblemView;
import dev.gradproof.reports.view.ReportView;

import java.util.Locale;

/** The table the command prints: per op, its checks, elements, worst relative error and verdicts. */
final class SummaryTable {

    private static final String ROW = "%-24s %7s %9s %10s %6s %6s %6s%n";

    private SummaryTable() {
    }

    /** The table of a report. */
    static String of(ReportView report) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, ROW, "op", "checks", "elements", "worst rel", "PASS", "KINK", "FAIL"));
        for (OpRow o : report.ops()) {
            b.append(String.format(Locale.ROOT, ROW, o.op(), o.checks(), o.elements(), o.worstText(), o.passed(),
                    o.kinks(), o.failed()));
        }
        Counts c = report.counts();
        b.append(String.format(Locale.ROOT, ROW, "all", c.checks(), c.elements(), "", c.passed(), c.kinks(),
                c.failed()));
        for (ProblemView p : report.unreadable()) {
            b.append("ERROR ").append(p.file()).append(": ").append(p.problem()).append('\n');
        }
        return b.toString();
    }
}
