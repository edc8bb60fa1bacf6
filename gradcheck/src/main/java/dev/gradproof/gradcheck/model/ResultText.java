package dev.gradproof.gradcheck.model;

import java.util.List;

/** The words of results: summary line, table rows, failure message. */
final class ResultText {

    private ResultText() {
    }

    static String summary(GradCheckResult r) {
        ErrorStatistics s = r.statistics();
        String what = r.kind() == CheckKind.GRADGRADCHECK ? "gradgradcheck" : "gradcheck";
        String label = r.label() == null || r.label().isEmpty() ? "" : " \"" + r.label() + "\"";
        String unit = r.mode() == Mode.FAST ? "directions" : "elements";
        StringBuilder b = new StringBuilder();
        b.append(what).append(label).append(' ').append(r.verdict()).append(" (").append(r.mode())
                .append(", eps ").append(Numbers.sci(r.tolerances().eps(), 2))
                .append(", ").append(r.inputs().size()).append(r.inputs().size() == 1 ? " input, " : " inputs, ")
                .append(s.checked()).append(' ').append(unit).append(" checked: ")
                .append(s.failed()).append(" FAIL, ").append(s.kinks()).append(" KINK, max rel ")
                .append(Numbers.sci(s.maxRelativeError(), 2));
        if (!r.findings().isEmpty()) {
            b.append(", ").append(r.findings().size()).append(r.findings().size() == 1 ? " finding" : " findings");
        }
        return b.append(')').toString();
    }

    /**
     * What the check could have seen: {@code "an error above 3.1e-9 (relative) in any compared element
     * would have been caught"}, and SAMPLED mode's coverage; empty when nothing was compared.
     */
    static String power(GradCheckResult r) {
        StringBuilder b = new StringBuilder();
        if (r.detectableError() != null && r.mode() != Mode.FAST) {
            b.append("an error above ").append(Numbers.sci(r.detectableError(), 2))
                    .append(" (relative) in any compared element would have been caught");
        }
        if (r.coverage() != null && r.coverage() < 1) {
            b.append(b.length() > 0 ? "; " : "").append("SAMPLED compared ").append(Numbers.sci(r.coverage(), 2))
                    .append(" of an input's elements, so an error confined to one element is caught with probability ")
                    .append(Numbers.sci(r.coverage(), 2));
        }
        return b.toString();
    }

    static String row(InputResult input, ElementRecord e) {
        StringBuilder b = new StringBuilder();
        if (input != null) {
            b.append(input.describe()).append(" at ").append(e.index());
        } else {
            b.append("direction ").append(e.flatIndex() + 1);
        }
        if (e.component() != null && input != null) {
            b.append(" (").append(e.component()).append(')');
        }
        b.append(": analytic ").append(Numbers.compact(e.analytic()))
                .append(" numerical ").append(Numbers.compact(e.numerical()))
                .append(" rel ").append(Numbers.sci(e.relativeError(), 2))
                .append(' ').append(e.verdict());
        switch (e.verdict()) {
            case KINK -> {
                b.append(' ').append(e.kinkOp());
                if (e.leftSlope() != null && e.rightSlope() != null) {
                    b.append(" (left slope ").append(Numbers.compact(e.leftSlope()))
                            .append(", right slope ").append(Numbers.compact(e.rightSlope())).append(')');
                }
            }
            case FAIL -> {
                if (e.reason() != null) {
                    b.append(": ").append(e.reason());
                } else {
                    b.append(" (|a - n| ").append(Numbers.sci(e.absoluteError(), 2)).append(" > tol ")
                            .append(Numbers.sci(e.tolerance(), 2)).append(')');
                }
            }
            case PASS -> b.append(" (tol ").append(Numbers.sci(e.tolerance(), 2)).append(')');
        }
        return b.toString();
    }

    static String failureMessage(GradCheckResult r) {
        StringBuilder b = new StringBuilder(summary(r)).append('\n');
        List<GradCheckResult.Located> worst = r.worstElements();
        long failures = worst.stream().filter(l -> l.record().verdict() == Verdict.FAIL).count();
        int shown = 0;
        for (GradCheckResult.Located l : worst) {
            boolean fail = l.record().verdict() == Verdict.FAIL;
            if (shown >= GradCheckResult.TABLE_ROWS || (!fail && (failures > 0 || shown >= 3))) {
                break;
            }
            b.append("  ").append(l.row()).append('\n');
            shown++;
        }
        if (failures > shown) {
            b.append("  ... and ").append(failures - shown).append(" more FAIL\n");
        }
        for (SanityFinding f : r.findings()) {
            b.append("  ").append(f.check()).append(": ").append(f.message()).append('\n');
        }
        for (String reason : r.reasons()) {
            b.append("  inconclusive: ").append(reason).append('\n');
        }
        for (String note : r.notes()) {
            b.append("  note: ").append(note).append('\n');
        }
        String power = power(r);
        if (!power.isEmpty()) {
            b.append("  ").append(power).append('\n');
        }
        if (r.fastConfidence() != null) {
            b.append("  ").append(r.fastConfidence().statement()).append('\n');
        }
        b.append("seed ").append(r.seed()).append('\n');
        b.append("replay: ").append(r.replay());
        return b.toString();
    }
}
