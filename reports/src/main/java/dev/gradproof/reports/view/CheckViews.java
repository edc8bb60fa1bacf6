package dev.gradproof.reports.view;

import dev.gradproof.gradcheck.model.CheckKind;
import dev.gradproof.gradcheck.model.ElementRecord;
import dev.gradproof.gradcheck.model.ErrorStatistics;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.InputResult;
import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.gradcheck.model.Numbers;
import dev.gradproof.gradcheck.model.SanityFinding;
import dev.gradproof.gradcheck.model.Tolerances;
import dev.gradproof.gradcheck.model.Verdict;
import dev.gradproof.reports.collect.LoadedCheck;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Turns a recorded result into a row of the table of checks and its details. */
public final class CheckViews {

    /** How many of the worst element records a check's details list. */
    public static final int WORST_ROWS = 10;

    private CheckViews() {
    }

    /** The row and details of a result. */
    public static CheckView of(int id, LoadedCheck loaded) {
        GradCheckResult r = loaded.result();
        ErrorStatistics s = r.statistics();
        boolean fast = r.mode() == Mode.FAST;
        List<GradCheckResult.Located> worst = r.worstElements();
        return new CheckView(id, CheckStatus.of(r),
                r.context() == null ? "—" : r.context().shortName(),
                r.context() == null ? "" : text(r.context().testClass()),
                r.context() == null ? "" : text(r.context().testMethod()),
                r.context() == null ? "" : text(r.context().engine()),
                text(r.label()), text(r.op()),
                r.kind() == CheckKind.GRADGRADCHECK ? "gradgradcheck" : "gradcheck",
                r.mode().name(), inputs(r), s.checked(), fast ? "directions" : "elements",
                s.maxErrorRatio(), s.maxRelativeError(), Numbers.sci(s.maxRelativeError(), 2),
                s.medianRelativeError(), Numbers.sci(s.medianRelativeError(), 2),
                s.kinks(), kinkOps(worst), loaded.module(), loaded.file().getFileName().toString(), details(r, worst));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String inputs(GradCheckResult r) {
        return r.inputs().stream()
                .map(i -> i.name() + " " + i.shapeText() + (i.excluded() ? " (excluded)" : ""))
                .collect(Collectors.joining(", "));
    }

    /** The kinked ops met among a result's element records, most frequent first: {@code relu ×3, maximum}. */
    static String kinkOps(List<GradCheckResult.Located> records) {
        Map<String, Integer> counts = new TreeMap<>();
        for (GradCheckResult.Located l : records) {
            if (l.record().verdict() == Verdict.KINK) {
                counts.merge(l.record().kinkOp() == null ? "unnamed" : l.record().kinkOp(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> e.getValue() == 1 ? e.getKey() : e.getKey() + " ×" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static CheckDetails details(GradCheckResult r, List<GradCheckResult.Located> worst) {
        Tolerances t = r.tolerances();
        return new CheckDetails(r.verdict().name(), r.reasons(),
                r.detectableError() == null ? "" : Numbers.sci(r.detectableError(), 2),
                r.coverage() == null ? "" : Numbers.compact(r.coverage()), r.seed(), Numbers.sci(t.eps(), 2), String.valueOf(t.precision()),
                "|a − n| ≤ max(" + Numbers.compact(t.safetyFactor()) + " × estimated numerical error, "
                        + Numbers.compact(t.roundingUlps()) + " ulps of the outputs / h, "
                        + Numbers.compact(t.analyticUlps()) + " ulps of |a|)"
                        + (t.stencilPoints() == 2 ? "; central difference" : "; " + t.stencilPoints() + "-point stencil"),
                r.run() == null ? "" : text(r.run().timestamp()),
                r.run() == null ? 0 : r.run().durationMillis(),
                text(r.replay()),
                r.findings().stream().map(CheckViews::finding).toList(),
                r.notes(),
                r.fastConfidence() == null ? "" : text(r.fastConfidence().statement()),
                r.inputs().stream().map(CheckViews::input).toList(),
                worst.stream().limit(WORST_ROWS).map(CheckViews::element).toList(),
                worst.size());
    }

    private static String finding(SanityFinding f) {
        return f.check() + (f.input() == null ? "" : " (input " + f.input() + ")") + ": " + text(f.message());
    }

    private static InputView input(InputResult i) {
        long failed = i.verdicts().chars().filter(c -> c == Verdict.FAIL.code()).count();
        long kinks = i.verdicts().chars().filter(c -> c == Verdict.KINK.code()).count();
        String max = i.statistics() == null || i.elementsChecked() == 0 ? "—"
                : Numbers.sci(i.statistics().maxRelativeError(), 2);
        return new InputView(i.index(), i.name(), i.shapeText(), i.excluded(), i.elements(), i.elementsChecked(), max,
                failed, kinks, Heatmaps.of(i).orElse(null));
    }

    /** Seven significant digits, plain between 1e-3 and 1e6, so that close derivatives can be compared by eye. */
    static String precise(double v) {
        return Numbers.compact(v, 7, 1e6);
    }

    private static ElementView element(GradCheckResult.Located l) {
        ElementRecord e = l.record();
        String where = l.input() == null ? "direction " + (e.flatIndex() + 1) : l.input().name();
        String index = l.input() == null ? "" : e.index().toString();
        return new ElementView(where, index, text(e.component()), precise(e.analytic()),
                precise(e.numerical()), Numbers.sci(e.absoluteError(), 2), Numbers.sci(e.relativeError(), 2),
                Numbers.sci(e.tolerance(), 2), e.verdict().name(), text(e.kinkOp()), text(e.reason()));
    }
}
