package dev.gradproof.reports.cli;

import dev.gradproof.gradcheck.GradCheck;

import java.util.function.Supplier;

/**
 * One check the command will run.
 *
 * @param op          the op (or {@code network}) it belongs to, for the summary table
 * @param label       what it checks, for the progress bar and the report
 * @param tooLargeForFull true for a check too large for FULL mode (the notes' full-size network, 101,000
 *                    weights): it runs SAMPLED when the command's mode is FULL
 * @param builder     a fresh, ready builder (inputs, label and op set)
 */
public record PlannedCheck(String op, String label, boolean tooLargeForFull, Supplier<GradCheck> builder) {
}
