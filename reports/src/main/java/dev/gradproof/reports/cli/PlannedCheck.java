package dev.gradproof.reports.cli;

import dev.gradproof.gradcheck.GradCheck;

import java.util.function.Supplier;

/**
 * One check the command will run.
 *
 * @param op          the op (or {@code network}) it belongs to, for the summary table
 * @param label       what it checks, for the progress bar and the report
 * @param followsMode true when the command's {@code --mode} applies; false for a check that fixes
 *                    its own mode (the notes' full-size network is always sampled)
 * @param builder     a fresh, ready builder (inputs, label and op set)
 */
public record PlannedCheck(String op, String label, boolean followsMode, Supplier<GradCheck> builder) {
}
