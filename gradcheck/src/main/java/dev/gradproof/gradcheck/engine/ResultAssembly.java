package dev.gradproof.gradcheck.engine;

import dev.gradproof.gradcheck.function.Input;
import dev.gradproof.gradcheck.model.CheckVerdict;
import dev.gradproof.gradcheck.model.ElementRecord;
import dev.gradproof.gradcheck.model.ErrorStatistics;
import dev.gradproof.gradcheck.model.FastConfidence;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.InputResult;
import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.gradcheck.model.RunInfo;
import dev.gradproof.gradcheck.model.SanityCheck;
import dev.gradproof.gradcheck.model.Verdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Gathers outcomes into a {@link GradCheckResult}: per input the compact per-element arrays, full
 * records for every FAIL and KINK and the worst passing elements, statistics, notes and findings.
 */
final class ResultAssembly {

    /** An element is noisy when its values' noise exceeds this many units of rounding... */
    private static final double NOISY = 1e4;
    /** ...and a double-precision function looks like float code when this share of its elements is noisy or kinked. */
    private static final double NOISY_SHARE = 0.5;

    /** The note on FAILs overturned at a larger step, after its count. */
    static final String OVERTURNED = " differed at the first step by more than the estimated rounding, but passed at"
            + " a larger step, where rounding is smaller: rounding noise, not an error";

    /** Elements below this share of the largest derivative are measured against it, not against themselves. */
    private static final double YARDSTICK_SHARE = 1e-3;

    private final List<Input> inputs;
    private final boolean[] wrt;
    private final CheckOptions options;
    private final Findings findings;
    private final ErrorModel model;
    private final List<String> notes = new ArrayList<>();
    private int[] outputShape = new int[0];

    ResultAssembly(List<Input> inputs, boolean[] wrt, CheckOptions options, Findings findings, ErrorModel model) {
        this.inputs = inputs;
        this.wrt = wrt;
        this.options = options;
        this.findings = findings;
        this.model = model;
    }

    /** The shape of the function's value, once known. */
    void outputShape(int[] shape) {
        this.outputShape = shape.clone();
    }

    void note(String note) {
        notes.add(note);
    }

    GradCheckResult build(List<Outcome> outcomes, FastConfidence confidence, int projections, long started,
                          Counters counters) {
        int n = inputs.size();
        Double[][] relative = new Double[n][];
        char[][] verdicts = new char[n][];
        List<List<ElementRecord>> perInput = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            relative[i] = new Double[inputs.get(i).size()];
            verdicts[i] = new char[inputs.get(i).size()];
            Arrays.fill(verdicts[i], Verdict.UNCHECKED);
            perInput.add(new ArrayList<>());
        }
        List<ElementRecord> directions = new ArrayList<>();
        ErrorStatistics.Accumulator overall = new ErrorStatistics.Accumulator();
        Map<String, Integer> kinks = new TreeMap<>();
        int noisy = 0;
        int compared = 0;
        int checkedDirections = 0;
        int comparedDirections = 0;
        int confirmed = 0;
        for (Outcome o : outcomes) {
            ElementRecord r = o.record();
            overall.add(r.verdict(), r.relativeError(), r.errorRatio());
            if (o.confirmed()) {
                confirmed++;
            }
            if (r.verdict() == Verdict.KINK) {
                kinks.merge(r.kinkOp(), 1, Integer::sum);
            } else if (o.failure() == null) {
                compared++;
                comparedDirections += o.input() < 0 ? 1 : 0;
                if (o.noiseRatio() > NOISY) {
                    noisy++;
                }
            }
            if (o.failure() != null) {
                findings.add(o.shapeChanged() ? SanityCheck.OUTPUT_SHAPE_STABLE : SanityCheck.FINITE_NUMERICAL,
                        o.input() < 0 ? null : o.input(), o.failure());
            }
            if (o.input() < 0) {
                checkedDirections++;
                directions.add(r);
                continue;
            }
            relative[o.input()][r.flatIndex()] = r.relativeError();
            verdicts[o.input()][r.flatIndex()] = r.verdict().code();
            perInput.get(o.input()).add(r);
        }
        if (!kinks.isEmpty()) {
            int total = kinks.values().stream().mapToInt(Integer::intValue).sum();
            String unit = options.mode() == Mode.FAST ? (total == 1 ? " direction" : " directions")
                    : (total == 1 ? " element" : " elements");
            notes.add(total + unit + " crossed a kink and " + (total == 1 ? "was" : "were")
                    + " not compared: " + kinks.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                    .collect(Collectors.joining(", ")));
        }
        if (confirmed > 0) {
            notes.add(confirmed + (confirmed == 1 ? " element" : " elements") + OVERTURNED);
        }
        if (compared > 0 && noisy >= NOISY_SHARE * compared
                && options.tolerances().precision() == dev.gradproof.gradcheck.model.Precision.FLOAT64) {
            notes.add("the function's values are far noisier than FLOAT64 rounding (or kinked) at " + noisy + " of "
                    + compared + " elements; if it computes in float32, declare Precision.FLOAT32 so that steps and"
                    + " tolerances fit");
        }
        List<InputResult> inputResults = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Input in = inputs.get(i);
            List<ElementRecord> all = perInput.get(i);
            List<ElementRecord> kept = keep(all);
            inputResults.add(new InputResult(i, in.name(), Records.list(in.shape()), !wrt[i], in.size(), all.size(),
                    Arrays.asList(relative[i]), new String(verdicts[i]), kept, ErrorStatistics.of(all)));
        }
        ErrorStatistics statistics = overall.build();
        Power power = power(outcomes);
        boolean fast = options.mode() == Mode.FAST;
        List<String> reasons = new ArrayList<>();
        CheckVerdict verdict = model.verdict(new ErrorModel.Evidence(
                fast ? checkedDirections : statistics.checked(),
                fast ? comparedDirections : compared, statistics.failed(), findings.list().size(), power.swamped(),
                fast && confidence != null ? confidence.minDetectableRelativeError() : Double.NaN,
                fast ? "directions" : "elements"), reasons);
        Double coverage = options.mode() == Mode.SAMPLED ? coverage(perInput) : null;
        long millis = (System.nanoTime() - started) / 1_000_000;
        RunInfo run = new RunInfo(Instant.now().toString(), System.getProperty("java.version"),
                RunInfo.currentVersion(), Runtime.getRuntime().availableProcessors(), options.parallelism(),
                millis, counters.forward.get(), counters.backward.get());
        return new GradCheckResult(GradCheckResult.SCHEMA_VERSION, options.kind(), options.label(), options.op(),
                options.mode(), options.seed(), options.tolerances(),
                options.mode() == Mode.SAMPLED ? options.samplesPerInput() : null, projections,
                Records.list(outputShape), inputResults, directions, findings.list(), notes, confidence, statistics,
                verdict, reasons, power.detectable(), coverage, options.replay(), null, run);
    }

    /**
     * What the compared elements could have caught.
     *
     * @param swamped    compared elements whose measured noise hides an error of the bound ({@link ErrorModel#swamped})
     * @param detectable the largest relative error any compared element could have missed, or null
     */
    private record Power(int swamped, Double detectable) {
    }

    /**
     * The power of the comparison, each element measured against its own derivative or a thousandth of
     * the check's largest, whichever is larger (a derivative of 0 has no relative error of its own).
     */
    private Power power(List<Outcome> outcomes) {
        double yardstick = 0;
        for (Outcome o : outcomes) {
            if (o.judgement() != null && Double.isFinite(o.judgement().analytic())) {
                yardstick = Math.max(yardstick, Math.abs(o.judgement().analytic()));
            }
        }
        double floor = YARDSTICK_SHARE * yardstick;
        int swamped = 0;
        Double detectable = null;
        for (Outcome o : outcomes) {
            Judgement j = o.judgement();
            if (j == null || j.verdict() == Verdict.KINK || !Double.isFinite(j.detectable())) {
                continue;
            }
            if (model.swamped(j, floor)) {
                swamped++;
            }
            double share = ErrorModel.relativeDetectable(j, floor);
            if (Double.isFinite(share)) {
                detectable = detectable == null ? share : Math.max(detectable, share);
            }
        }
        return new Power(swamped, detectable);
    }

    /**
     * The probability that an error confined to one element of a checked input is caught: 1 in FULL
     * mode; in SAMPLED mode {@code k / n}, the share of the input's elements compared, the smallest over
     * the checked inputs.
     */
    private Double coverage(List<List<ElementRecord>> perInput) {
        double smallest = 1;
        for (int i = 0; i < inputs.size(); i++) {
            if (wrt[i] && inputs.get(i).size() > 0) {
                long compared = perInput.get(i).stream().filter(r -> r.verdict() != Verdict.KINK).count();
                smallest = Math.min(smallest, (double) compared / inputs.get(i).size());
            }
        }
        return smallest;
    }

    /** Every FAIL and KINK, and the worst passing records up to the configured number. */
    private List<ElementRecord> keep(List<ElementRecord> all) {
        List<ElementRecord> kept = new ArrayList<>();
        List<ElementRecord> passing = new ArrayList<>();
        for (ElementRecord r : all) {
            (r.verdict() == Verdict.PASS ? passing : kept).add(r);
        }
        passing.sort(Comparator.comparingDouble(ElementRecord::errorRatio).reversed()
                .thenComparingInt(ElementRecord::flatIndex));
        kept.addAll(passing.subList(0, Math.min(passing.size(), options.recordsPerInput())));
        kept.sort(Comparator.comparingInt(ElementRecord::flatIndex));
        return kept;
    }
}
