package dev.gradproof.reports.view;

import dev.gradproof.gradcheck.model.ElementRecord;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.InputResult;
import dev.gradproof.gradcheck.model.Numbers;
import dev.gradproof.gradcheck.model.RunInfo;
import dev.gradproof.gradcheck.model.Verdict;
import dev.gradproof.reports.collect.CollectedResults;
import dev.gradproof.reports.collect.LoadedCheck;
import dev.gradproof.reports.collect.MutationRun;
import dev.gradproof.reports.collect.UnreadableFile;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Computes what the report shows from the collected results. */
public final class ReportViews {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ReportViews() {
    }

    /** The report of some results, written at {@code generated}. */
    public static ReportView of(CollectedResults collected, String title, Instant generated) {
        return of(collected, List.of(), title, generated);
    }

    /** The report of some results and the mutation runs found beside them, written at {@code generated}. */
    public static ReportView of(CollectedResults collected, List<MutationRun> mutations, String title, Instant generated) {
        List<CheckView> checks = new ArrayList<>();
        ErrorHistogram histogram = new ErrorHistogram();
        for (LoadedCheck loaded : collected.checks()) {
            CheckView view = CheckViews.of(checks.size() + 1, loaded);
            checks.add(view);
            if (view.status() != CheckStatus.EXPECTED_FAIL) {
                addElements(loaded.result(), histogram);
            }
        }
        List<ProblemView> problems = collected.unreadable().stream().map(ReportViews::problem).toList();
        List<PropertyRunView> properties = collected.properties().stream()
                .map(p -> PropertyRunView.of(p.module(), p.run())).toList();
        List<CheckView> counted = checks.stream().filter(c -> c.status() != CheckStatus.EXPECTED_FAIL).toList();
        Counts counts = new Counts(checks.size(), count(checks, CheckStatus.PASS), count(checks, CheckStatus.FAIL),
                count(checks, CheckStatus.KINK), count(checks, CheckStatus.INCONCLUSIVE),
                count(checks, CheckStatus.EXPECTED_FAIL), collected.notRun().size(), problems.size(),
                counted.stream().mapToLong(CheckView::elementsChecked).sum(), collected.stale(), properties.size(),
                (int) properties.stream().filter(p -> p.status().equals("FAILED") && !p.expectedFailure()).count(),
                (int) properties.stream().filter(p -> p.status().equals("ABORTED")).count(),
                (int) properties.stream().filter(p -> p.status().equals("FAILED") && p.expectedFailure()).count());
        return new ReportView(header(collected, title, generated), counts, histogram.layout(), ops(checks), checks,
                properties, problems, collected.notRun(), mutations.stream().map(MutationView::of).toList());
    }

    /** Every compared element of every input (and every FAST direction) into the histogram. */
    static void addElements(GradCheckResult result, ErrorHistogram histogram) {
        for (InputResult input : result.inputs()) {
            for (int i = 0; i < input.elements(); i++) {
                Verdict v = input.verdictAt(i);
                if (v != null) {
                    Double e = input.relativeErrors().get(i);
                    histogram.add(e == null ? Double.NaN : e, v);
                }
            }
        }
        for (ElementRecord direction : result.directions()) {
            histogram.add(direction.relativeError(), direction.verdict());
        }
    }

    private static int count(List<CheckView> checks, CheckStatus status) {
        return (int) checks.stream().filter(c -> c.status() == status).count();
    }

    /** Per op (checks tagged with none under {@link OpRow#UNTAGGED}), ranked by the worst error against tolerance. */
    private static List<OpRow> ops(List<CheckView> checks) {
        Map<String, List<CheckView>> byOp = new TreeMap<>();
        for (CheckView c : checks) {
            byOp.computeIfAbsent(c.op().isBlank() ? OpRow.UNTAGGED : c.op(), k -> new ArrayList<>()).add(c);
        }
        List<OpRow> rows = new ArrayList<>();
        byOp.forEach((op, list) -> {
            CheckView worst = list.stream().max(Comparator.comparingDouble(CheckView::maxErrorRatio)).orElseThrow();
            double worstRelative = list.stream().mapToDouble(CheckView::maxRelativeError).max().orElse(0);
            rows.add(new OpRow(op, list.size(), list.stream().mapToLong(CheckView::elementsChecked).sum(),
                    worst.maxErrorRatio(), Numbers.sci(worst.maxErrorRatio(), 2), worstRelative,
                    Numbers.sci(worstRelative, 2), count(list, CheckStatus.PASS), count(list, CheckStatus.FAIL),
                    count(list, CheckStatus.KINK), count(list, CheckStatus.INCONCLUSIVE),
                    count(list, CheckStatus.EXPECTED_FAIL), worst.id(),
                    worst.label().isBlank() ? worst.test() : worst.label()));
        });
        return rows;
    }

    private static ProblemView problem(UnreadableFile f) {
        return new ProblemView(f.module(), f.file().getFileName().toString(), f.file().toString(), f.bytes(),
                f.problem());
    }

    private static Header header(CollectedResults collected, String title, Instant generated) {
        List<GradCheckResult> results = collected.checks().stream().map(LoadedCheck::result).toList();
        List<RunInfo> runs = results.stream().map(GradCheckResult::run).filter(Objects::nonNull).toList();
        List<Instant> times = runs.stream().map(RunInfo::timestamp).filter(Objects::nonNull).map(ReportViews::instant)
                .filter(Objects::nonNull).sorted().toList();
        String recorded = times.isEmpty() ? "—" : times.size() == 1 ? WHEN.format(times.get(0))
                : WHEN.format(times.get(0)) + " to " + WHEN.format(times.get(times.size() - 1));
        Map<String, Integer> sources = new LinkedHashMap<>();
        collected.directories().forEach(d -> sources.put(d.module(), 0));
        collected.checks().forEach(c -> sources.merge(c.module(), 1, Integer::sum));
        collected.properties().forEach(p -> sources.merge(p.module(), 1, Integer::sum));
        collected.unreadable().forEach(u -> sources.merge(u.module(), 1, Integer::sum));
        String sourceText = sources.isEmpty() ? "no results folder found"
                : sources.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                        .collect(Collectors.joining(", "));
        return new Header(title, WHEN.format(generated),
                tally(runs, RunInfo::gradproofVersion), tally(runs, RunInfo::javaVersion),
                tally(results, r -> Long.toString(r.seed())), tally(runs, r -> Integer.toString(r.cores())),
                recorded, sourceText);
    }

    /** The distinct values, most frequent first, with counts when there are several: {@code 42 (180), 7 (3)}. */
    static <T> String tally(List<T> items, Function<T, String> value) {
        Map<String, Long> counts = items.stream().map(value).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        if (counts.isEmpty()) {
            return "—";
        }
        if (counts.size() == 1) {
            return counts.keySet().iterator().next();
        }
        List<Map.Entry<String, Long>> sorted = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList();
        String shown = sorted.stream().limit(4).map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
        return sorted.size() > 4 ? shown + " and " + (sorted.size() - 4) + " more" : shown;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
