package dev.gradproof.reports.cli;

import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.reports.source.PlannedCheck;

/**
 * What running a planned check gave: a result, or the error that stopped it.
 *
 * @param planned the check
 * @param result  its result, or null when it could not run
 * @param error   why it could not run, or null
 */
public record Outcome(PlannedCheck planned, GradCheckResult result, String error) {
}
