package dev.gradproof.gradcheck.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything one gradient check found, and how it was configured: enough to judge, to replay and
 * to draw a report. The record round-trips through JSON ({@link ResultJson}).
 *
 * @param schemaVersion  {@link #SCHEMA_VERSION} of the JSON layout
 * @param kind           gradcheck or gradgradcheck
 * @param label          the user's label for the check (may be empty)
 * @param op             the op under check, when a catalogue tags it; else null
 * @param mode           FULL, SAMPLED or FAST
 * @param seed           the seed every random choice came from
 * @param tolerances     the step and the tolerance factors
 * @param samplesPerInput k in SAMPLED mode, else null
 * @param projections    how many random output projections were compared (0: the whole Jacobian)
 * @param outputShape    the function's output shape
 * @param inputs         per input: shape, checked elements, errors, verdicts
 * @param directions     FAST mode: one record per direction ({@code u^T J v}); else empty
 * @param findings       failed sanity checks
 * @param notes          observations that do not fail the check (a noisy function, kinks met)
 * @param fastConfidence FAST mode: what the directions can promise; else null
 * @param statistics     over all compared elements (or directions)
 * @param verdict        PASSED, FAILED, or INCONCLUSIVE when nothing failed but the evidence does not
 *                       support a PASS
 * @param reasons        why the verdict is not PASSED, in words that say what to do; empty on a PASS
 * @param detectableError the smallest relative error that any compared element would have caught
 *                       (the largest of the elements' own tolerances relative to their gradients);
 *                       null when nothing was compared
 * @param coverage       the probability that an error confined to one element of the checked inputs
 *                       is caught: 1 in FULL mode, k/n per input in SAMPLED mode (the smallest over
 *                       the inputs); null in FAST mode, whose {@code fastConfidence} states its power
 * @param replay         one line of Java that repeats this check
 * @param context        the test the check ran in, or null outside tests
 * @param run            timings and environment
 */
public record GradCheckResult(
        int schemaVersion,
        CheckKind kind,
        String label,
        String op,
        Mode mode,
        long seed,
        Tolerances tolerances,
        Integer samplesPerInput,
        int projections,
        List<Integer> outputShape,
        List<InputResult> inputs,
        List<ElementRecord> directions,
        List<SanityFinding> findings,
        List<String> notes,
        FastConfidence fastConfidence,
        ErrorStatistics statistics,
        CheckVerdict verdict,
        List<String> reasons,
        Double detectableError,
        Double coverage,
        String replay,
        TestContext context,
        RunInfo run) {

    /** The version of the JSON layout; raised when a field changes meaning or disappears. */
    public static final int SCHEMA_VERSION = 2;

    /** How many rows the failure table shows at most. */
    public static final int TABLE_ROWS = 12;

    /** Copies the lists. */
    public GradCheckResult {
        outputShape = List.copyOf(outputShape);
        inputs = List.copyOf(inputs);
        directions = List.copyOf(directions);
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
        reasons = List.copyOf(reasons);
        if (verdict == null) {
            throw new IllegalArgumentException("gradcheck result \"" + label + "\" has no verdict (schema "
                    + schemaVersion + "; verdicts came with schema 2)");
        }
    }

    /** True only when the verdict is {@link CheckVerdict#PASSED}: FAILED and INCONCLUSIVE are not passes. */
    public boolean passed() {
        return verdict == CheckVerdict.PASSED;
    }

    /** This result tagged with a test context (recording adds it). */
    public GradCheckResult withContext(TestContext newContext) {
        return copy(label, op, inputs, statistics, verdict, reasons, newContext);
    }

    /** This result with other per-input results (a reader that keeps less of them, such as the report). */
    public GradCheckResult withInputs(List<InputResult> newInputs) {
        return copy(label, op, newInputs, statistics, verdict, reasons, context);
    }

    /** This result under another label and op. */
    public GradCheckResult withLabel(String newLabel, String newOp) {
        return copy(newLabel, newOp, inputs, statistics, verdict, reasons, context);
    }

    /** This result with another verdict and its reasons. */
    public GradCheckResult withVerdict(CheckVerdict newVerdict, List<String> newReasons) {
        return copy(label, op, inputs, statistics, newVerdict, newReasons, context);
    }

    /** This result with other statistics. */
    public GradCheckResult withStatistics(ErrorStatistics newStatistics) {
        return copy(label, op, inputs, newStatistics, verdict, reasons, context);
    }

    /** The one field-by-field copy, behind every {@code with} method. */
    private GradCheckResult copy(String newLabel, String newOp, List<InputResult> newInputs,
                                 ErrorStatistics newStatistics, CheckVerdict newVerdict, List<String> newReasons,
                                 TestContext newContext) {
        return new GradCheckResult(schemaVersion, kind, newLabel, newOp, mode, seed, tolerances, samplesPerInput,
                projections, outputShape, newInputs, directions, findings, notes, fastConfidence, newStatistics,
                newVerdict, newReasons, detectableError, coverage, replay, newContext, run);
    }

    /** The input of that name. */
    public Optional<InputResult> input(String name) {
        return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /**
     * Every kept element record with the input it belongs to, worst first: FAIL before KINK before
     * PASS, then by error ratio.
     */
    public List<Located> worstElements() {
        List<Located> all = new ArrayList<>();
        for (InputResult input : inputs) {
            for (ElementRecord r : input.records()) {
                all.add(new Located(input, r));
            }
        }
        for (ElementRecord r : directions) {
            all.add(new Located(null, r));
        }
        all.sort(Comparator.comparingInt((Located l) -> -l.record().verdict().severity())
                .thenComparing(l -> -l.record().errorRatio()));
        return all;
    }

    /** One line: {@code gradcheck "label" PASSED (FULL, 12 elements, max rel 3.1e-10, 1 KINK)}. */
    public String summary() {
        return ResultText.summary(this);
    }

    /**
     * What the check could have caught: the detectable relative error and, in SAMPLED mode, the
     * coverage, in words; empty when nothing was compared.
     */
    public String power() {
        return ResultText.power(this);
    }

    /**
     * The message for a failed check: one table of the worst elements across inputs, e.g.
     * {@code input 0 "w1" [2, 3] at [1, 2]: analytic 0.731 numerical 0.197 rel 7.3e-1 FAIL}, the
     * sanity findings, then the seed and one line of Java that replays the check.
     */
    public String failureMessage() {
        return ResultText.failureMessage(this);
    }

    /** One row of the failure table for an element. */
    public static String row(InputResult input, ElementRecord record) {
        return ResultText.row(input, record);
    }

    /**
     * An element record with its input.
     *
     * @param input  the input, or null for a FAST direction
     * @param record the record
     */
    public record Located(InputResult input, ElementRecord record) {
        /** The table row. */
        public String row() {
            return ResultText.row(input, record);
        }
    }
}
