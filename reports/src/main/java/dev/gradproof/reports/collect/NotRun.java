package dev.gradproof.reports.collect;

/**
 * A check that could not run (its builder or function threw before any result existed): listed in
 * the report as such, never counted as a pass.
 *
 * @param source where it came from (the command's source of checks, a module)
 * @param label  the check's label
 * @param error  what stopped it: the exception's type and message
 */
public record NotRun(String source, String label, String error) {
}
