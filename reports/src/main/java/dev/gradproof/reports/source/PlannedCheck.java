package dev.gradproof.reports.source;

import dev.gradproof.gradcheck.GradCheck;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One gradient check a {@link CheckSource} offers: a name for the tables and a fresh, configured
 * {@link GradCheck} builder (function, inputs, exclusions). The command line sets the mode, the seed,
 * the step and the samples on the builder, runs it and reports the result.
 *
 * @param op              the group it is counted under in the per-op table (an op's name, or the
 *                        check's own label for a single function)
 * @param label           what it checks, shown in the progress bar, the table and the report
 * @param tooLargeForFull true for a check too large for FULL mode (the notes' full-size network,
 *                        101,000 weights): it runs SAMPLED when the command's mode is FULL
 * @param builder         makes a fresh, ready builder each time it is called
 */
public record PlannedCheck(String op, String label, boolean tooLargeForFull, Supplier<GradCheck> builder) {

    /** Requires every field. */
    public PlannedCheck {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(builder, "builder");
    }

    /**
     * A check of one function, counted under its own label:
     * {@code PlannedCheck.of("sigmoid neuron", () -> GradCheck.scalar(f, grad).input("w", w))}.
     */
    public static PlannedCheck of(String label, Supplier<GradCheck> builder) {
        return of(label, label, builder);
    }

    /** A check counted under {@code op} (several samples of one op). */
    public static PlannedCheck of(String op, String label, Supplier<GradCheck> builder) {
        Objects.requireNonNull(builder, "builder");
        return new PlannedCheck(op, label, false, () -> builder.get().label(label).op(op));
    }
}
